"""The seed: an IOM release copied from its web page, menus and all (issue 5's acceptance test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressrelease.config import load
from pressrelease.importer import ImportResult

from .util import FIXTURES, body_texts, found, imported, lint_errors

SEED = FIXTURES / "seed-iom-minsk.txt"
EXAMPLES_CONFIG = Path(__file__).resolve().parents[2] / "examples" / "pressrelease.toml"
NAVIGATION = (
    "Who We Are",
    "About",
    "IOM Global",
    "Our Work",
    "Where We Work",
    "Data and Resources",
    "Take action",
    "2030 Agenda",
)
WHO_WE_ARE = (
    "The International Organization for Migration (IOM) is part of the United Nations System as the leading "
    "inter-governmental organization promoting since 1951 humane and orderly migration for the benefit of all, "
    "with 175 member states and a presence in over 100 countries. IOM has been active in Europe and Central Asia "
    "since 1990."
)


@pytest.fixture(scope="module")
def seed() -> ImportResult:
    return imported("seed-iom-minsk.txt")


def _seed_article_lines() -> list[str]:
    """The seed's lines from the lede to the last sentence before "Editor’s Notes:"."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Minsk - On 19 July 2024"))
    end = lines.index("Editor’s Notes:")
    return lines[start:end]


def test_front_matter_values(seed: ImportResult) -> None:
    release = seed.release
    assert release.title == "Unlocking Potential of Migration in Achieving Sustainable Development Goals"
    assert release.date == dt.date(2024, 7, 19)
    assert release.location == "Minsk"
    assert release.language == "en"
    assert release.front_matter.data["contacts"] == [
        {"name": "Hanna Kalichava", "region": "In Belarus", "email": "hkalichava@iom.int"}
    ]


def test_body_paragraphs_are_the_seeds_word_for_word(seed: ImportResult) -> None:
    assert body_texts(seed) == _seed_article_lines()


def test_no_navigation_line_reaches_the_release(seed: ImportResult) -> None:
    release = seed.release
    texts = [b.text for b in release.blocks]
    for line in NAVIGATION:
        assert not any(t.startswith(line) for t in texts), line
    assert not any("Our WorkIOM" in t or "WHO WE ARE" in t for t in texts)
    body = "\n".join(body_texts(seed))
    assert "Where We Work" not in body and "Take action" not in body


def test_sections_notes_and_contact(seed: ImportResult) -> None:
    release = seed.release
    assert [s.kind for s in release.sections] == ["notes", "contact"]
    notes = release.section("notes")
    assert notes is not None and notes.heading == "Editor’s Notes"
    assert [release.blocks[i].text for i in notes.blocks] == [
        "More information can be found in the IOM Flagship Report: Leveraging Human Mobility to Rescue the 2030 Agenda."
    ]
    assert "In Belarus: Hanna Kalichava at <hkalichava@iom.int>" in seed.markdown


def test_parses_cleanly_and_lints_without_errors(seed: ImportResult) -> None:
    release = seed.release
    assert release.problems == ()
    assert release.dateline is not None and [p.name for p in release.dateline.places] == ["Minsk"]
    assert release.lede_date is not None and release.lede_date.text == "19 July 2024"
    quote = next(q for q in release.quotes)
    assert quote.text.startswith("Through their work, their remittances") and quote.attributed
    assert [c.email for c in release.contacts] == ["hkalichava@iom.int"]
    assert lint_errors(seed) == []


def test_who_we_are_is_the_organisation_boilerplate_without_a_config(seed: ImportResult) -> None:
    assert seed.boilerplate is not None and seed.boilerplate.text == WHO_WE_ARE
    assert seed.release.front_matter.data["organization"] == {
        "name": "International Organization for Migration",
        "short_name": "IOM",
        "boilerplate": WHO_WE_ARE,
    }
    org = seed.release.organization
    assert org is not None and org.boilerplate == WHO_WE_ARE
    assert WHO_WE_ARE not in "\n".join(b.text for b in seed.release.blocks)
    assert any("Who We Are" in note and "organization.boilerplate" in note for note in seed.notes)


def test_with_the_examples_config_the_organisation_is_its_key() -> None:
    config = load(EXAMPLES_CONFIG)
    result = imported("seed-iom-minsk.txt", config)
    assert result.release.front_matter.data["organization"] == "iom"
    assert any("is the config's boilerplate for 'iom'" in note for note in result.notes)
    assert lint_errors(result, config) == []


def test_the_report_names_what_was_found(seed: ImportResult) -> None:
    facts = found(seed)
    assert facts["date"].startswith("2024-07-19 (from the lede")
    assert facts["location"] == "Minsk (from the dateline)"
    assert "Hanna Kalichava (hkalichava@iom.int)" in facts["contacts"]
    assert seed.missing == []
    assert "IOM Global" in seed.dropped and "- 2030 Agenda" in seed.dropped


def test_close_to_the_hand_made_conversion(seed: ImportResult) -> None:
    """Everything after the front matter matches examples/iom-minsk-2024-07-19.md but the contact label."""
    example = (EXAMPLES_CONFIG.parent / "iom-minsk-2024-07-19.md").read_text(encoding="utf-8")
    ours = seed.markdown.split("---\n", 2)[2]
    theirs = example.split("---\n", 2)[2]
    assert ours.replace("## Media contact", "## Contact") == theirs
