"""The plain-text email body: golden files for every example, and each convention of cli.md.

``PRESSRELEASE_REGEN=1 pytest tests/render/test_text.py`` rewrites the golden files
(``tests/fixtures/render/<example>.txt``); read the diff as a journalist would.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressrelease.config import DEFAULT, BuildConfig, Config, for_path
from pressrelease.model import Organization
from pressrelease.parse import parse, parse_file
from pressrelease.render.text import inline_plain, render_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))
GOLDEN = ROOT / "tests/fixtures/render"


def text_of(body: str, wrap: int | None = None, config: Config = DEFAULT, **front: str) -> str:
    """The text body of a release written inline."""
    fields = {"title": "Water board opens new plant", "date": "2024-07-19", **front}
    head = "\n".join(f"{key}: {value}" for key, value in fields.items())
    release = parse(f"---\n{head}\n---\n\n{dedent(body).strip()}\n", None, config)
    return render_text(release, config, wrap=wrap)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_golden(path: Path) -> None:
    text = render_text(parse_file(path), for_path(path))
    golden = GOLDEN / f"{path.stem}.txt"
    if os.environ.get("PRESSRELEASE_REGEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with PRESSRELEASE_REGEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_markdown_left(path: Path) -> None:
    text = render_text(parse_file(path), for_path(path))
    assert "**" not in text
    assert "](" not in text
    assert "__" not in text
    assert not re.search(r"^#{1,6} ", text, re.MULTILINE), "a Markdown heading survived"
    assert not re.search(r"^[*+] ", text, re.MULTILINE), "a Markdown bullet survived"
    assert "<" not in text, "angle brackets of an autolink survived"


def test_seed_reads_in_order() -> None:
    path = ROOT / "examples/iom-minsk-2024-07-19.md"
    text = render_text(parse_file(path), for_path(path))
    lines = text.splitlines()
    assert lines[0] == "FOR IMMEDIATE RELEASE"
    assert lines[2] == "UNLOCKING POTENTIAL OF MIGRATION IN ACHIEVING SUSTAINABLE DEVELOPMENT GOALS"
    assert lines[4].startswith("Minsk - On 19 July 2024, the fourth extended meeting")
    order = [
        text.index(s)
        for s in (
            "EDITOR’S NOTES",  # the writer's own heading, as the HTML and PDF print it
            "ABOUT THE INTERNATIONAL ORGANIZATION FOR MIGRATION",
            "CONTACT",
            "Hanna Kalichava",
        )
    ]
    assert order == sorted(order)
    assert text.endswith("In Belarus: Hanna Kalichava at hkalichava@iom.int\n")
    # paragraphs are single lines (no hard wrap by default), separated by one blank line
    assert "\n\n\n" not in text
    assert all(len(p.splitlines()) == 1 for p in text.split("\n\n")[2:10])


def test_headline_in_capitals_with_subtitle_under_it_and_markdown_stripped() -> None:
    text = text_of(
        "Nairobi – The plant opened.",
        title="Water *board* opens [plant](https://x.org)",
        subtitle="It serves 400,000 people",
    )
    assert text.splitlines()[:4] == ["FOR IMMEDIATE RELEASE", "", "WATER BOARD OPENS PLANT", "It serves 400,000 people"]
    assert "[1]" not in text


def test_no_placeholders_for_what_the_release_lacks() -> None:
    text = text_of("Nairobi – The plant opened.")
    assert "None" not in text
    for label in ("NOTES", "ABOUT", "CONTACT", "LINKS"):
        assert label not in text
    assert text == "FOR IMMEDIATE RELEASE\n\nWATER BOARD OPENS NEW PLANT\n\nNairobi – The plant opened.\n\n###\n"


def test_runs_of_spaces_in_prose_read_as_one_as_on_the_page() -> None:
    # A PDF's text layer and some typists leave two spaces inside a line; the HTML page
    # and the PDF show one, and so does the email text. Code keeps its own spacing.
    text = text_of("Nairobi – The  plant opened.  It serves `a  b` and *400,000   people*.")
    assert "Nairobi – The plant opened. It serves a  b and 400,000 people." in text


def test_embargo_line() -> None:
    text = text_of("Nairobi – The plant opened.", embargo="2024-07-19T10:00:00+03:00")
    assert text.startswith("EMBARGOED UNTIL 10:00 UTC+3, 19 July 2024\n")


def test_dateline_added_before_the_lede_only_when_missing() -> None:
    text = text_of("The plant opened.\n\nMore text.", location="Nairobi")
    assert "\nNairobi, 19 July 2024 – The plant opened.\n" in text
    assert "Nairobi, 19 July 2024 – More" not in text
    written = text_of("NAIROBI – The plant opened.", location="Nairobi")
    assert "Nairobi, 19 July 2024" not in written


def test_links_become_numbered_footnotes() -> None:
    text = text_of(
        """
        Read [the report](https://example.org/report) and [its annex](https://example.org/annex).
        The [report](https://example.org/report) again, and [bad](javascript:alert(1)), [worse](vbscript:x).
        """
    )
    assert "the report [1] and its annex [2]." in text
    assert "The report [1] again, and bad, worse." in text
    assert text.endswith("LINKS\n\n[1] https://example.org/report\n[2] https://example.org/annex\n")
    assert "javascript" not in text and "vbscript" not in text


def test_mailto_and_bare_urls_shown_once_not_footnoted() -> None:
    text = text_of(
        """
        Write to <press@example.org>, [our desk](mailto:desk@example.org), [desk@example.org](mailto:desk@example.org),
        see <https://example.org/a>, www.example.com, [example.com](https://example.com/) or call [us](tel:+4122555).
        """
    )
    assert "Write to press@example.org, our desk (desk@example.org), desk@example.org," in text
    assert "see https://example.org/a, www.example.com, example.com or call us (+4122555)." in text
    assert "LINKS" not in text and "[1]" not in text


def test_lists_bullets_numbers_and_nesting() -> None:
    text = text_of(
        """
        The plan:

        * first
        * second
          1. one
          2. two
             - deep
        * third

        3. three
        4. four
        """
    )
    assert "- first\n- second\n  1. one\n  2. two\n     - deep\n- third\n" in text
    assert "3. three\n4. four\n" in text


def test_loose_list_items_are_separated_by_a_blank_line() -> None:
    text = text_of("- one\n\n- two\n")
    assert "- one\n\n- two\n" in text


def test_block_quotes_keep_their_attribution_on_its_own_line() -> None:
    text = text_of(
        """
        > “Water changes everything for a family.”
        > — Grace Wanjiru, director
        >
        > A second paragraph.

        After.
        """
    )
    assert (
        "> “Water changes everything for a family.”\n> — Grace Wanjiru, director\n>\n> A second paragraph.\n\nAfter."
        in text
    )
    assert not re.search(r"^>\s*$\n\n", text, re.MULTILINE), "a dangling '>' line after the quote"


def test_subheads_images_code_and_rules() -> None:
    text = text_of(
        """
        Lede.

        ## What comes *next*

        ![The new plant at dawn](plant.jpg) and ![](x.png)

        ---

        ```
        kept   as is
        ```
        """
    )
    assert "\nWHAT COMES NEXT\n" in text
    assert "[Image: The new plant at dawn] and [Image]" in text
    assert "\nkept   as is\n" in text
    assert "\n———\n" in text


def test_raw_html_is_text_not_markup() -> None:
    text = text_of("Lede with <b>bold</b> & <script>x</script>.")
    assert "Lede with <b>bold</b> & <script>x</script>." in text


def test_sections_under_capitalised_labels_with_boilerplate_and_contacts() -> None:
    org = Organization(key="cwa", name="Clean Water Alliance", short_name="CWA", boilerplate="CWA brings water.")
    config = Config(organizations={"cwa": org}, default_organization="cwa")
    text = text_of(
        """
        Lede.

        ## Notes to editors

        Photos on request.
        """,
        config=config,
        contacts='[{name: Amina Odhiambo, title: Officer, email: amina@example.org, phone: "+254 20 555 0142"}]',
    )
    assert (
        "NOTES TO EDITORS\n\nPhotos on request.\n\nABOUT THE CLEAN WATER ALLIANCE\n\nCWA brings water.\n\nMEDIA CONTACT\n\n"
        in text
    )
    assert text.endswith("Amina Odhiambo, Officer\nEmail: amina@example.org\nTel: +254 20 555 0142\n")


def test_contact_section_kept_as_written_and_known_contacts_not_repeated() -> None:
    text = text_of(
        """
        Lede.

        ## Contact

        Jordan Okafor
        Email: jordan@example.com
        """,
        contacts="[{name: Jordan Okafor, email: jordan@example.com}, {name: Ana Ruiz, email: ana@example.com}]",
    )
    contact = text[text.index("\nCONTACT\n") :]
    assert contact.count("Jordan Okafor") == 1
    assert "Jordan Okafor\nEmail: jordan@example.com\n\nAna Ruiz\nEmail: ana@example.com\n" in contact


def test_labels_follow_the_language() -> None:
    text = text_of("Lede.\n\n## Notes aux rédactions\n\nNote [ici](https://x.org).\n", language="fr")
    assert text.startswith("POUR DIFFUSION IMMÉDIATE\n")
    assert "NOTES AUX RÉDACTIONS" in text and "LIENS\n\n[1] https://x.org" in text


def test_end_mark_from_the_source_else_the_profile() -> None:
    assert text_of("Lede.\n\n-30-\n").count("-30-") == 1
    assert "###" not in text_of("Lede.\n\n-30-\n")
    assert text_of("Lede.\n", profile="uk").endswith("ENDS\n")
    assert text_of("Lede.\n", profile="un").endswith("Lede.\n")


def test_wrap_keeps_prefixes_and_never_breaks_urls() -> None:
    url = "https://example.org/a-very-long-address-that-must-never-be-broken-across-two-lines"
    body = f"""
    Lede {"word " * 30} and {url} too.

    > {"quoted " * 20}

    - {"listed " * 15}
    """
    text = text_of(body, wrap=40)
    lines = text.splitlines()
    assert url in lines
    assert all(len(line) <= 40 for line in lines if url not in line)
    quoted = [line for line in lines if "quoted" in line]
    assert len(quoted) > 2 and all(line.startswith("> quoted") for line in quoted)
    listed = [line for line in lines if "listed" in line]
    assert listed[0].startswith("- listed") and all(line.startswith("  listed") for line in listed[1:])


def test_wrap_from_config_and_zero_means_none() -> None:
    config = Config(build=BuildConfig(wrap=30))
    long = "Lede " + "word " * 20
    assert max(map(len, text_of(long, config=config).splitlines())) <= 30
    assert any(len(line) > 80 for line in text_of(long, wrap=0, config=config).splitlines())


def test_template_override(tmp_path: Path) -> None:
    (tmp_path / "release.txt.j2").write_text("{{ headline }}\n--\n{% for b in body %}{{ b }}\n{% endfor %}")
    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\n{{ 7 * 7 }} is not evaluated.\n")
    text = render_text(release, DEFAULT, templates=tmp_path)
    assert text == "PLANT OPENS\n--\n{{ 7 * 7 }} is not evaluated.\n"


def test_inline_plain() -> None:
    assert inline_plain("A **bold** [link](https://x.org) `code`") == "A bold link code"


def test_text_after_the_end_mark_stays_after_it() -> None:
    text = text_of("Lede.\n\n###\n\nA stray line.\n\n## Notes to editors\n\nA note.\n")
    assert text.index("Lede.") < text.index("###") < text.index("A stray line.") < text.index("NOTES TO EDITORS")


def test_subtitle_without_a_title_is_still_printed() -> None:
    release = parse("---\nsubtitle: It serves 400,000 people\ndate: 2024-07-19\n---\n\nLede.\n")
    assert "\nIt serves 400,000 people\n" in render_text(release, DEFAULT)


def test_a_broken_override_is_one_clear_error(tmp_path: Path) -> None:
    from pressrelease.errors import RenderError

    release = parse("---\ntitle: Plant opens\ndate: 2024-07-19\n---\n\nLede.\n", "r.md")
    (tmp_path / "release.txt.j2").write_text("{{ no_such_value }}\n")
    with pytest.raises(
        RenderError, match=re.escape("r.md: plain-text template release.txt.j2: 'no_such_value' is undefined")
    ):
        render_text(release, DEFAULT, templates=tmp_path)
    (tmp_path / "release.txt.j2").write_text("{% if %}\n")
    with pytest.raises(RenderError, match=re.escape("release.txt.j2:1: ")):
        render_text(release, DEFAULT, templates=tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "# H",
                "## Notes to editors",
                "## Contact",
                "## About X",
                "- a",
                "  - b",
                "1. c",
                "> q",
                "> — Name",
                "[l](https://x.org)",
                "[j](javascript:x)",
                "![i](p.png)",
                "**b**",
                "_e_",
                "`c`",
                "```",
                "---",
                "###",
                "| a | b |",
                "|---|---|",
                "<b>x</b>",
                "a@b.org",
                "www.x.org",
                "",
                "text",
                "\\",
                "*",
                "[",
                "](",
            ]
        ),
        max_size=30,
    )
)
def test_any_markdown_renders(lines: list[str]) -> None:
    release = parse("---\ntitle: T\ndate: 2024-07-19\n---\n\n" + "\n".join(lines) + "\n")
    for wrap in (0, 20):
        text = render_text(release, DEFAULT, wrap=wrap)
        assert text.endswith("\n") and "\n\n\n" not in text


def test_a_contact_label_heading_its_own_paragraph_is_printed_once() -> None:
    text = text_of("ORLANDO, Fla. — Lede.\n\n###\n\n**Media Contact:**\nJohn Smith\njohn.smith@acme.example\n")
    tail = text[text.index("###") :]
    assert tail.split("\n\n")[1:3] == ["MEDIA CONTACT", "John Smith\njohn.smith@acme.example\n"]
    assert "Media Contact" not in tail


@given(
    st.lists(
        st.sampled_from(
            [
                "[",
                "]",
                "](",
                "![",
                "!",
                "(",
                ")",
                "\n",
                "a",
                " ",
                "javascript:x",
                "](javascript:x)",
                "](https://x)",
                "data:",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_refused_links_are_unlinked_as_the_pattern_would_everywhere(text: str) -> None:
    from pressrelease.render.text_lines import _REFUSED_LINK, _unlink, _without_refused_links

    assert _without_refused_links(text) == _REFUSED_LINK.sub(_unlink, text)
