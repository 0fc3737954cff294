"""Error codes. Every failure that reaches a user carries one of these codes.

Codes are grouped by stage: E1xx ingest, E2xx cleaning, E3xx pipeline, E4xx store,
E5xx evaluation, E9xx internal. A code's meaning never changes once released.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Code", "EventwireError"]


class Code(StrEnum):
    """Stable error codes with their one-line message templates."""

    EMPTY = "E101"
    BINARY = "E102"
    TOO_LARGE = "E103"
    UNDECODABLE = "E104"
    UNSUPPORTED_SCRIPT = "E105"
    NO_MAIN_TEXT = "E106"
    BAD_JSONL = "E107"
    BAD_RECORD = "E108"
    TRUNCATED_WARC = "E109"
    UNREADABLE = "E110"
    NOT_FOUND = "E111"
    NO_ARTICLE = "E201"
    STAGE_FAILED = "E301"
    PIPELINE_ORDER = "E302"
    STORE_FAILED = "E401"
    GOLD_MISSING = "E501"
    UNKNOWN_TASK = "E502"
    RESOURCE_MISSING = "E901"
    EXPORT_FAILED = "E601"

    @property
    def template(self) -> str:
        return _TEMPLATES[self]


_TEMPLATES: dict[Code, str] = {
    Code.EMPTY: "input is empty",
    Code.BINARY: "input is binary, not text ({detail})",
    Code.TOO_LARGE: "input of {detail} exceeds the {limit} limit",
    Code.UNDECODABLE: "input is not valid text in any known encoding",
    Code.UNSUPPORTED_SCRIPT: "text is mostly {detail} script; only English is supported",
    Code.NO_MAIN_TEXT: "no main text could be extracted from the HTML",
    Code.BAD_JSONL: "malformed JSON on this line: {detail}",
    Code.BAD_RECORD: "record lacks usable text: {detail}",
    Code.TRUNCATED_WARC: "WARC file is truncated or corrupt after {detail}",
    Code.UNREADABLE: "cannot read input: {detail}",
    Code.NOT_FOUND: "no such file or directory",
    Code.NO_ARTICLE: "nothing but boilerplate was found",
    Code.STAGE_FAILED: "stage {detail} failed",
    Code.PIPELINE_ORDER: "stage {detail}",
    Code.STORE_FAILED: "store error: {detail}",
    Code.GOLD_MISSING: "gold data not found at {detail}",
    Code.UNKNOWN_TASK: "unknown evaluation task {detail}",
    Code.RESOURCE_MISSING: "packaged resource {detail} is missing or unreadable",
    Code.EXPORT_FAILED: "export failed: {detail}",
}


class EventwireError(Exception):
    """An error with a stable code and a one-line message."""

    def __init__(self, code: Code, **fields: object) -> None:
        self.code = code
        self.fields = fields
        try:
            message = code.template.format(**fields)
        except KeyError:
            message = code.template
        super().__init__(f"{code.value} {message}")

    @property
    def message(self) -> str:
        return str(self).split(" ", 1)[1]
