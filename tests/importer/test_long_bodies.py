"""A long body is read whole once: the front matter comes from a short first reading.

The importer fills the front matter from a first reading of the body (the dateline,
the lede's date, the About text, the contacts). For a body of thousands of
paragraphs that reading keeps only the lede's neighbourhood and the sections, and the
final reading checks it; when they disagree the whole body is read again.
"""

from __future__ import annotations

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import ImportFailed, core, import_bytes
from pressrelease.importer.arrange import Arranged

LEDE = "GENEVA, 3 March 2026 – The observatory published its yearly report on rivers today."
TAIL = (
    "## About the Observatory\n\nThe River Observatory measures water in 40 countries.\n\n"
    "## Contact\n\nAnn Vale, press officer, ann.vale@example.org, +41 22 555 01 23\n"
)


def document(paragraphs: int) -> bytes:
    middle = "\n\n".join(f"Paragraph {n} of the running text, about rivers and basins." for n in range(paragraphs))
    return f"# Rivers report published\n\n{LEDE}\n\n{middle}\n\n{TAIL}".encode()


def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the importer parses, in order."""
    seen: list[str] = []
    real = core.parse

    def recording(text: str, *args: object) -> object:
        seen.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "parse", recording)
    return seen


def test_a_long_body_is_read_whole_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = parsed_texts(monkeypatch)
    result = import_bytes(document(2000), "markdown", DEFAULT)
    assert len(seen) == 2
    draft, final = seen
    assert "Paragraph 1999 " not in draft and "Paragraph 1999 " in final
    assert "ann.vale@example.org" in draft
    assert result.release.date is not None and result.release.date.isoformat() == "2026-03-03"
    assert result.release.location == "GENEVA"
    assert [c.email for c in result.release.contacts] == ["ann.vale@example.org"]


@pytest.mark.parametrize("paragraphs", [0, 2, 40])
def test_the_short_reading_gives_the_front_matter_of_the_whole(
    monkeypatch: pytest.MonkeyPatch, paragraphs: int
) -> None:
    short = import_bytes(document(paragraphs), "markdown", DEFAULT)
    real = core._draft
    monkeypatch.setattr(core, "_draft", lambda code, laid, whole: real(code, laid, whole=True))
    whole = import_bytes(document(paragraphs), "markdown", DEFAULT)
    assert short.markdown == whole.markdown
    assert short.found == whole.found and short.missing == whole.missing


def test_a_short_reading_that_misses_the_lede_is_read_again_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    real = core._draft

    def losing_the_lede(code: str, laid: Arranged, *, whole: bool) -> str:
        text = real(code, laid, whole=whole)
        return text if whole else text.replace(LEDE, "")

    monkeypatch.setattr(core, "_draft", losing_the_lede)
    seen = parsed_texts(monkeypatch)
    result = import_bytes(document(40), "markdown", DEFAULT)
    assert len(seen) == 4  # short draft, final, whole draft, final
    assert "Paragraph 39 " in seen[2]
    assert result.release.date is not None and result.release.date.isoformat() == "2026-03-03"
    assert result.release.location == "GENEVA"
    assert "date: 2026-03-03" in result.markdown


def test_a_table_of_thousands_of_rows_is_read_row_by_row() -> None:
    """Each row is tested once and the table joined once (row by row, against the whole
    table so far, it was quadratic): every row still comes out, in order."""
    rows = "\n".join(f"| Pier {n} | {n} berths |" for n in range(3000))
    text = f"Harbour berths listed\n\n{LEDE}\n\n| Pier | Berths |\n| --- | --- |\n{rows}\n\n{TAIL}"
    result = import_bytes(text.encode(), "text", DEFAULT)
    body = [result.release.blocks[i].text for i in result.release.body]
    assert body[body.index("Pier 0 0 berths") :][:3000] == [f"Pier {n} {n} berths" for n in range(3000)]


def test_a_page_nested_too_deep_is_refused_with_a_message() -> None:
    """Thousands of unclosed <div>: one line saying so, not minutes of work or a RecursionError."""
    page = "<html><body><h1>Harbour works</h1>" + "<div>" * 5000 + f"<p>{LEDE}</p></body></html>"
    with pytest.raises(ImportFailed, match="nested more than 256 deep"):
        import_bytes(page.encode(), "html", DEFAULT)


def test_a_page_nested_deep_but_within_the_limit_is_read() -> None:
    page = "<html><body>" + "<div>" * 250 + f"<h1>Harbour works</h1><p>{LEDE}</p>" + "</div>" * 250 + "</body></html>"
    result = import_bytes(page.encode(), "html", DEFAULT)
    assert "# Harbour works" not in result.markdown  # the headline went to the front matter
    assert LEDE.split(" – ")[1] in result.markdown
