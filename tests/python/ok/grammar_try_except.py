import logging

log = logging.getLogger(__name__)

try:
    value = int("x")
except ValueError:
    value = 0

try:
    value = 1 / 0
except ZeroDivisionError as exc:
    log.error("failed: %s", exc)
except (TypeError, KeyError) as exc:
    log.error("other: %r", exc)
except (OSError):
    pass
except Exception:
    raise
except:
    pass
else:
    log.info("no error")
finally:
    log.info("always")

try:
    pass
finally:
    pass

try:
    try:
        {}["k"]
    except KeyError as inner:
        raise RuntimeError("wrapped") from inner
except RuntimeError as outer:
    cause = outer.__cause__
else:
    cause = None

try: x = 1
except: x = 2
else: x = 3
finally: y = 4

for attempt in range(3):
    try:
        break
    except OSError:
        continue
    finally:
        pass
