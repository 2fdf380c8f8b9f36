"""PR704 on the capitals real releases are full of: places, wire tags, names, codes, labels.

Each form is planted in the clean release in invented words; the second half checks that
undefined initials next to those forms are still reported.
"""

from __future__ import annotations

import pytest

from pressrelease.lint.rules import body
from pressrelease.lint.rules._not_initials import cased

from .util import plant, run_rule, where

LEDE = "Nairobi – Three"
OFFICIALS = "County officials"


def flagged(text: str) -> list[str]:
    return [f.message.split("'")[1] for f in run_rule(body.acronym_undefined, text)]


@pytest.mark.parametrize(
    "dateline",
    [
        "KISUMU, Kenya--(BUSINESS WIRE)--Three",
        "KISUMU, Kenya–(BUSINESS WIRE)-–Three",
        "ELDORET, Kenya and NAKURU, Kenya, March 20, 2026, March 20, 2026 (GLOBE NEWSWIRE) — Three",
        "KISUMU, Kenya, March 20, 2026 /PRNewswire/ -- Three",
        "MOMBASA, KE — 20 de marzo de 2026 — (AGUA NEWSWIRE) — Three",
    ],
)
def test_wire_datelines_and_tags_are_not_acronyms(dateline: str) -> None:
    assert flagged(plant(LEDE, dateline)) == [], dateline


@pytest.mark.parametrize(
    "planted",
    [
        # places
        "Officials in Fresno, CA, and in Tulsa, OK",
        "Officials at 12 Acacia Road, Hobart TAS 7000",
        "The Kenya Water Partners Association has a chapter, the KWPA-MN, and county officials",
        "Funcionarios de EE. UU. y de las FF.AA. and county officials",
        "Officials from the UAE and the DRC",
        # codes
        "Officials (document WSB/C/2026/14-REV/2) and county officials",
        "Officials citing report NWA-00172-2026",
        "Officials citing the Commission's proposal COM(2026) 118 final",
        "Officials of Tana Pumps (TSX-V: TNP) and Kiri Mills (NYSE American: KRM)",
        "Officials who tested CD4 and KRX7 samples at COP31",
        "Officials posting as #CLEANTAP and @KWATER",
        "Officials of the BLUE@TAP trial",
        # names and brands
        "Officials with ZENTRA Pumps and the KORVEX® filter maker",
        "Officials of BRAVIK CORPORATION (NYSE: BRVK)",
        "Officials of Tana Harbor LLC",
        "Officials of Kenya Power, TELKOM, Equity Bank and Safaricom",
        "Officials: Wanjiku NJOROGE (+254 20 555 0177) or Otieno ODHIAMBO and county officials",
        "Officials welcomed Commissioner Halima WEKESA and Dr Baraka MUTUA",
        "Officials, said Ms ACHIENG, met",
        # spelled out earlier, without a parenthesis
        "The Water Sector Trust Fund paid for one plant. WSTF officials",
        "The Commission for Rural Equality paid for one plant. CRE officials",
        "The Tana® Water Works paid for one plant. TWW officials",
    ],
)
def test_forms_that_are_not_undefined_acronyms(planted: str) -> None:
    assert flagged(plant(OFFICIALS, planted)) == [], planted


def test_line_labels_kickers_and_section_headings_are_not_acronyms() -> None:
    text = plant("## Contact", "## CONTACT")
    text = plant(OFFICIALS, "WATER UPDATE: County officials", text)
    text = plant("Photographs of the plants", "SOURCE Clean Water Alliance\n\nPhotographs of the plants", text)
    assert flagged(text) == []


def test_the_title_spells_out_initials_for_the_whole_release() -> None:
    text = plant("title: Water Authority Opens", "title: Lake Basin Authority Opens")
    assert flagged(plant(OFFICIALS, "LBA officials", text)) == []


def test_names_in_the_front_matter_are_not_acronyms() -> None:
    text = plant("  name: Clean Water Alliance\n", "  name: KENWAT Group\n")
    text = plant("  - name: Amina Odhiambo\n", "  - name: Amina ODHIAMBO\n", text)
    text = plant(OFFICIALS, "KENWAT officials and Amina ODHIAMBO", text)
    assert flagged(text) == []


def test_a_script_without_capitals_ends_the_token() -> None:
    assert cased("UNICEF紧急项目") == "UNICEF"
    assert cased("RWSB") == "RWSB"
    text = plant(OFFICIALS, "KWB水务 officials")
    findings = run_rule(body.acronym_undefined, text)
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [
        (*where(text, "KWB"), where(text, "KWB")[1] + 3)
    ]


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        ("The RWSB Board and county officials", ["RWSB"]),  # an article: initials inside a name
        ("Officials of Albania, the RWSB, Kenya and Uganda", ["RWSB"]),  # not a whole list item
        ("Officials in Fresno, RWSB and county officials", ["RWSB"]),  # a town, but not a region code
        ("Officials in the CA office", ["CA"]),  # a region code, but not after a town
        ("Officials of the RWSB-led programme", ["RWSB"]),  # joined, but no digit: not a code
        ("The Water Board Services Rural team. RWSB officials", ["RWSB"]),  # initials in another order
        ("The Rural Water, Services Board team. RWSB officials", ["RWSB"]),  # a comma between the words
        ("Officials of the RWSB. The Rural Water Services Board", ["RWSB"]),  # spelled out too late
        ("RWSB officials and Amani Otieno", ["RWSB"]),
        ("Officials met. Today RWSB said", ["RWSB"]),  # a sentence's first word is not a given name
        ("Officials of the Kisumu RWSB office", ["RWSB"]),  # an article before the place
        ("Officials of Kenya’s RWSB", ["RWSB"]),  # a possessive is not a given name
    ],
)
def test_undefined_initials_next_to_those_forms_are_still_reported(planted: str, expected: list[str]) -> None:
    assert flagged(plant(OFFICIALS, planted)) == expected, planted
