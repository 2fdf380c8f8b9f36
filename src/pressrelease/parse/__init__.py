"""Text -> :class:`~pressrelease.model.Release`: every fact about the source, found once."""

from .release import (
    END_MARKS,
    MAX_BYTES,
    decode,
    flatten_deep_inlines,
    markdown,
    parse,
    parse_file,
    read_stdin,
    read_text,
    source_text,
)

__all__ = [
    "END_MARKS",
    "MAX_BYTES",
    "decode",
    "flatten_deep_inlines",
    "markdown",
    "parse",
    "parse_file",
    "read_stdin",
    "read_text",
    "source_text",
]
