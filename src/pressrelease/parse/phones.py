"""Whether a phone number in international form has a possible length, without phonenumbers.

PR504 asks one question of nearly every number it sees: has ``+41 79 403 5526``,
already in E.123 form, a length its country's numbering plan allows? phonenumbers
answers with ``is_possible_number(parse(number, None))``, but importing it costs
about 25 ms, a tenth of a one-file lint. For a number of that form the answer
follows from three facts phonenumbers keeps per country calling code: the possible
lengths of a national number, the lengths only dialable locally, and the national
prefix it strips before counting (``0`` in ``+44 020 7946 0000``).

``data/phones.json`` holds those facts, written by ``python -m pressrelease.gendata``
from the installed phonenumbers (``make data``; a test fails when it is stale).
:func:`possible` answers from it where phonenumbers' own steps would use nothing
else, and returns None where they would do more (a national prefix to strip, a
country code it does not know): then the caller asks phonenumbers. It also returns
None when the installed phonenumbers is not the version the table was written from
(its ``phonenumbers-<version>.dist-info`` folder is not there): plans change between
versions, and phonenumbers itself is then the only authority.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import msgspec

from .language import DATA

TABLE = DATA / "phones.json"

#: phonenumbers refuses a national number longer than this (``_MAX_LENGTH_FOR_NSN``)
_MAX_NATIONAL = 17
_MAX_CODE = 3  #: digits in the longest country calling code


class Plan(msgspec.Struct, array_like=True, frozen=True):
    """What phonenumbers knows of one calling code's plan, for counting digits."""

    lengths: tuple[int, ...]  #: possible lengths of a national significant number
    local_only: tuple[int, ...]  #: lengths dialable only within an area
    national_prefix: str | None  #: the pattern phonenumbers strips from the start, if any


class Table(msgspec.Struct, frozen=True):
    phonenumbers: str  #: the version the table was written from
    plans: dict[int, Plan | None]  #: calling code -> plan (None: no metadata)


@cache
def _plans() -> dict[int, Plan | None]:
    """The table's plans, or none at all when phonenumbers is another version than the table's."""
    table = msgspec.json.decode(TABLE.read_bytes(), type=Table)
    return table.plans if installed(table.phonenumbers) else {}


def installed(version: str) -> bool:
    """Whether this phonenumbers version is the one installed: one look for its
    ``.dist-info`` folder (the packaging standard's name for it) beside the package,
    instead of importing phonenumbers or importlib.metadata (tens of milliseconds)."""
    import importlib.util

    spec = importlib.util.find_spec("phonenumbers")
    if spec is None or spec.origin is None:
        return False
    return (Path(spec.origin).parent.parent / f"phonenumbers-{version}.dist-info").is_dir()


def possible(number: str) -> bool | None:
    """``phonenumbers.is_possible_number(phonenumbers.parse(number, None))``, or None.

    ``number`` is in E.123 form: ``+``, then digits with single spaces between
    groups. None means the table cannot settle it and phonenumbers must.
    """
    digits = number[1:].replace(" ", "")
    if not digits.isdigit() or not digits.isascii() or digits[0] == "0":
        return None
    plans = _plans()
    for size in range(1, min(len(digits), _MAX_CODE) + 1):
        code = int(digits[:size])
        if code in plans:
            break
    else:
        return None  # phonenumbers raises: an unknown calling code
    plan = plans[code]
    national = digits[size:]
    if plan is None or not plan.lengths or not 2 <= len(national) <= _MAX_NATIONAL:
        return None
    if plan.national_prefix and re.match(plan.national_prefix, national):
        return None  # phonenumbers might strip a prefix, or transform the number
    return len(national) in plan.lengths or len(national) in plan.local_only


def table() -> Table:
    """The table, from the installed phonenumbers."""
    import phonenumbers
    from phonenumbers.phonemetadata import PhoneMetadata
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE, region_code_for_country_code

    plans: dict[int, Plan | None] = {}
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        region = region_code_for_country_code(code)
        meta = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        general = meta.general_desc if meta is not None else None
        if meta is None or general is None:
            plans[code] = None  # phonenumbers has nothing to count with: it decides
            continue
        plans[code] = Plan(
            tuple(general.possible_length or ()),
            tuple(general.possible_length_local_only or ()),
            meta.national_prefix_for_parsing or None,
        )
    return Table(phonenumbers.__version__, plans)


def render() -> str:
    """The text of ``data/phones.json``, from the installed phonenumbers: one line per calling code."""
    data = table()
    encode = msgspec.json.encode
    rows = ",\n".join(f'  "{code}": {encode(plan).decode()}' for code, plan in data.plans.items())
    return f'{{\n "phonenumbers": {encode(data.phonenumbers).decode()},\n "plans": {{\n{rows}\n }}\n}}\n'
