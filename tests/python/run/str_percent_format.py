table = "users"
print("ALTER TABLE %s ADD COLUMN %s" % (table, "age"))
print("%d rows, %5.2f%%, %-8s|, %08.3f" % (42, 99.5, "left", 3.14159))
print("%r and %s" % ("quoted", "plain"))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30})
print("%x %X %o %e %g %c" % (255, 255, 8, 12345.678, 0.00001, 65))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%s" % [1, 2], "%s" % (("tuple",),))
print("%+d %+d % d" % (5, -5, 7))
print("%i %u" % (3.9, 4))
print("%s" % None, "%s" % True, "%d" % True)
print("Revision ID: %s\nRevises: %s" % ("ae1027a6acf", None))
fmt = "%(levelname)s:%(name)s:%(message)s"
print(fmt % {"levelname": "INFO", "name": "alembic.runtime", "message": "Context impl"})
