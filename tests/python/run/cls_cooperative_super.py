class Base:
    def __init__(self, **kwargs):
        print("Base.__init__", sorted(kwargs))
        self.extra = kwargs

    def save(self):
        return ["Base.save"]


class AuditMixin:
    def __init__(self, audited_by=None, **kwargs):
        print("AuditMixin.__init__", audited_by)
        self.audited_by = audited_by
        super().__init__(**kwargs)

    def save(self):
        return ["AuditMixin.save"] + super().save()


class VersionMixin:
    def __init__(self, version=1, **kwargs):
        print("VersionMixin.__init__", version)
        self.version = version
        super().__init__(**kwargs)

    def save(self):
        self.version += 1
        return ["VersionMixin.save"] + super().save()


class Document(AuditMixin, VersionMixin, Base):
    def __init__(self, title, **kwargs):
        print("Document.__init__", title)
        super().__init__(**kwargs)
        self.title = title

    def save(self):
        return ["Document.save"] + super().save()


doc = Document("spec", audited_by="ann", version=3, colour="blue")
print(doc.save(), doc.version, doc.audited_by, doc.extra)
print(super(Document, doc).save())
print(super(VersionMixin, doc).save())
