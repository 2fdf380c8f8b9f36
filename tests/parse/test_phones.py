"""The phone-length table answers as phonenumbers does, or not at all."""

from __future__ import annotations

import random
from pathlib import Path

import msgspec
import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.parse import phones


def _truth(number: str) -> bool:
    """What PR504 asked phonenumbers before the table existed."""
    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(number, None)))
    except phonenumbers.NumberParseException:
        return True


def _e123(digits: str, rng: random.Random) -> str:
    """``+`` and ``digits`` in groups of one to four, single spaces between."""
    groups, at = [], 0
    while at < len(digits):
        size = rng.randint(1, 4)
        groups.append(digits[at : at + size])
        at += size
    return "+" + " ".join(groups)


def test_the_written_table_reads_back_whole() -> None:
    """What ``make data`` writes decodes to the table (tests/test_gendata.py checks the file is current)."""
    assert msgspec.json.decode(phones.render(), type=phones.Table) == phones.table()


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+41 79 403 5526", True),  # Switzerland, nine digits
        ("+44 20 7946 0000", True),  # UK, ten digits
        ("+1 212 555 0100", True),  # NANP
        ("+254 20 555 0142", True),  # Kenya
        ("+33 1 40 00 00 00", True),  # France
        ("+41 79 403 55", False),  # seven national digits: Switzerland has nine or twelve
        ("+1 212 555 01", False),
        ("+33 1 40 00 00", False),  # eight national digits: France has nine
    ],
)
def test_common_numbers_are_settled_by_the_table(number: str, expected: bool) -> None:
    assert phones.possible(number) is expected
    assert _truth(number) is expected


@pytest.mark.parametrize(
    "number",
    [
        "+44 020 7946 0000",  # a national prefix phonenumbers strips
        "+54 11 1234 5678",  # Argentina's prefix pattern can match the empty string
        "+0 12 345 678",  # no calling code starts with 0
        "+999 1234 5678",  # no such calling code
        "+1 2",  # too short to count
    ],
)
def test_what_the_table_cannot_settle_is_left_to_phonenumbers(number: str) -> None:
    assert phones.possible(number) is None


def test_every_calling_code_agrees_with_phonenumbers() -> None:
    """Each code, national numbers of every length, random digits and the prefix-like ones."""
    rng = random.Random(504)
    settled = 0
    for code in phones.table().plans:
        for length in range(1, 15 - len(str(code)) + 1):
            for lead in ("", "0", "1", "8", "9"):
                rest = "".join(rng.choice("0123456789") for _ in range(max(0, length - len(lead))))
                number = _e123(str(code) + (lead + rest)[:length], rng)
                answer = phones.possible(number)
                if answer is not None:
                    settled += 1
                    assert answer == _truth(number), number
    assert settled > 1000  # the table settles most numbers, or it saves nothing


@given(st.from_regex(r"\+[1-9](?:[0-9] ?){5,13}[0-9]", fullmatch=True))
def test_any_e123_number_agrees_with_phonenumbers(number: str) -> None:
    answer = phones.possible(number)
    if answer is not None:
        assert answer == _truth(number)


def test_the_table_is_not_used_with_another_phonenumbers_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plans change between phonenumbers versions: with another one installed, phonenumbers decides."""
    assert phones.installed(phonenumbers.__version__)
    assert phones.possible("+41 79 403 55") is False  # settled by the table
    table = msgspec.json.decode(phones.TABLE.read_bytes(), type=phones.Table)
    assert table.phonenumbers == phonenumbers.__version__
    other = tmp_path / "phones.json"
    other.write_bytes(msgspec.json.encode(msgspec.structs.replace(table, phonenumbers="0.0.1")))
    monkeypatch.setattr(phones, "TABLE", other)
    phones._plans.cache_clear()
    try:
        assert not phones.installed("0.0.1")
        assert phones.possible("+41 79 403 55") is None  # the caller asks phonenumbers
        assert phones.possible("+41 79 403 5526") is None
    finally:
        phones._plans.cache_clear()
