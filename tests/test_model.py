"""The model's values: immutable, compared and hashed by value, picklable, readable reprs."""

from __future__ import annotations

import pickle
from pathlib import Path

import msgspec
import pytest

from pressrelease.lint.engine import all_rules
from pressrelease.model import Span, blank
from pressrelease.parse import parse_file

SEED = Path(__file__).resolve().parent.parent / "examples" / "iom-minsk-2024-07-19.md"


def test_values_are_frozen() -> None:
    release = parse_file(SEED)
    with pytest.raises(AttributeError):
        release.title = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        release.blocks[0].span.line = 3  # type: ignore[misc]


def test_compared_and_hashed_by_value() -> None:
    assert Span(1, 2, 1, 5) == Span(1, 2, 1, 5) != Span(1, 2, 1, 6)
    assert len({Span(1, 2, 1, 5), Span(1, 2, 1, 5), Span.point(3)}) == 2
    assert parse_file(SEED).blocks == parse_file(SEED).blocks


def test_a_release_survives_pickling() -> None:
    """Build workers receive releases pickled."""
    release = parse_file(SEED)
    again = pickle.loads(pickle.dumps(release))
    assert again == release
    assert again.blocks[0].locate(0, 5) == release.blocks[0].locate(0, 5)


def test_replace_makes_a_changed_copy() -> None:
    span = Span(1, 1, 1, 4)
    assert msgspec.structs.replace(span, end_column=9) == Span(1, 1, 1, 9)
    assert span.end_column == 4


def test_reprs_leave_out_tokens_and_whole_sources() -> None:
    release = parse_file(SEED)
    block = repr(release.blocks[0])
    assert block.startswith("Block(kind='paragraph', text='Minsk - On 19 July 2024")
    assert "tokens=" not in block and "segments=" not in block and "Token(" not in block
    assert release.source[:200] not in repr(release) and "Token(" not in repr(release)
    rule = repr(all_rules()[0])
    assert rule.startswith("Rule(code='PR001', name='front-matter-missing'") and "check=" not in rule


@pytest.mark.parametrize("text", ["", "a", "ab\ncd", "\n\n", "“Quoted,\nacross lines”\t\r"])
def test_blank_keeps_length_and_line_ends(text: str) -> None:

    masked = blank(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert set(masked) <= {" ", "\n"}
