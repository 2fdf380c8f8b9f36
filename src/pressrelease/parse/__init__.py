"""Text -> :class:`~pressrelease.model.Release`: every fact about the source, found once."""

from .reading import MAX_BYTES, decode, read_stdin, read_text, source_text
from .release import markdown, parse, parse_file
from .structure import END_MARKS, flatten_deep_inlines

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
