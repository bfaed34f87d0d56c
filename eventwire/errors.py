"""Exceptions and the error codes written into error documents.

Library code raises these; the CLI translates them into one-line messages and the pipeline turns
them into `{"error": {"code", "message"}}` documents, so no bad input ever ends a batch.
"""

from __future__ import annotations

__all__ = ["EventwireError", "InputError"]


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "internal_error"


class InputError(EventwireError):
    """An input record (or file) that cannot be processed; `code` says why, machine-readably.

    Codes: empty_text, not_text, invalid_utf8, too_long, malformed_json, not_an_object,
    missing_id, duplicate_id, bad_id, bad_published, bad_field, unreadable_file, unsupported_input.
    """

    def __init__(self, code: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
