"""One exception tree with stable codes. The library raises these; the CLI decides how they look."""

from __future__ import annotations


class ConsilienceError(Exception):
    """Base of every error this package raises on purpose."""

    code = "error"
    exit_code = 1


class UsageError(ConsilienceError):
    code = "usage"
    exit_code = 2


class SettingsError(UsageError):
    code = "settings"


class ResourceError(ConsilienceError):
    """A resource (spaCy model, gazetteer data) is missing or cannot load offline."""

    code = "resource"


class OutputError(ConsilienceError):
    """The report cannot be written where asked (a file, a folder without write permission)."""

    code = "output"


class NothingReadError(ConsilienceError):
    """None of the inputs gave a single article."""

    code = "nothing_read"


class InputError(ConsilienceError):
    """One input cannot be read. ``code`` is stable and machine-readable; the message names the
    reason in words. The pipeline turns it into a ``Skipped`` record and goes on."""

    def __init__(self, reason: str, code: str = "unreadable") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


# Stable codes for skipped inputs (documented in docs/inputs.md and docs/report.md).
SKIP_CODES = (
    "not_found",  # path does not exist
    "empty",  # zero bytes, or only whitespace
    "binary",  # not text (NUL bytes, an image, an archive ...)
    "undecodable",  # bytes that no supported encoding decodes
    "truncated_gzip",  # gzip stream ends early or is corrupt
    "too_large",  # over settings.max_bytes
    "malformed",  # JSON / XML / feed that does not parse
    "not_an_object",  # a JSON line that is not an object
    "no_text",  # a record or page with no article text
    "no_entries",  # a feed with no entries
    "unsupported",  # a kind of file we do not read
    "stage_error",  # a pipeline stage failed on this article
    "unreadable",  # an OS error: permission denied, a folder that cannot be listed, no stdin
)
