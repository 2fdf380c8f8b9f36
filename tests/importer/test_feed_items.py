"""Where an imported article ends (a feed's next item) and which headline it keeps (an archive's or the text's)."""

from __future__ import annotations

from .test_real_forms import LEDE, body_markdown, body_texts, text_import


def test_the_next_item_of_a_news_feed_or_digest_is_not_the_release() -> None:
    feed = (
        "Observatory reports on the rivers of forty countries\n\n"
        "Wed, 09/30/2020 - 12:30\n\n"
        f"Geneva – {LEDE}\n\n"
        "The survey will be repeated next year.\n\n"
        "Observatory opens an office in Lima\n\n"
        "Tue, 09/29/2020 - 10:51\n\n"
        "Lima – The observatory opened a regional office in Lima today to cover the rivers of the Andes.\n"
    )
    digest = (
        "RIVER DESK: Observatory reports on the rivers of forty countries\n\n"
        f"{LEDE}\n\n"
        "The survey will be repeated next year.\n\n"
        "RIVER DESK:Observatory opens an office in Lima\n\n"
        "The observatory opened a regional office in Lima today to cover the rivers of the Andes.\n"
    )
    for text in (feed, digest):
        body = body_markdown(text_import(text))
        assert "repeated next year" in body and "Lima" not in body


def test_a_headline_opening_with_an_abbreviation_and_colon_does_not_cut_the_article() -> None:
    text = f"OBS:s board welcomes the new director of the observatory\n\n{LEDE}\n\nOBS works in forty countries.\n"
    assert "OBS works in forty countries." in body_texts(text_import(text))


def test_the_texts_headline_wins_when_an_archive_header_only_shortens_it() -> None:
    text = (
        '---\ntitle: "Doctors alarmed by closure of River Health Advisory Panel"\ndate: "2013-12-16"\n---\n\n'
        "DOCTORS ALARMED BY CLOSURE OF RIVER HEALTH ADVISORY PANEL (RHAP)\n\n"
        "The River Doctors Association said today that closing the panel leaves the valley's clinics without advice.\n"
    )
    assert text_import(text).release.title == "DOCTORS ALARMED BY CLOSURE OF RIVER HEALTH ADVISORY PANEL (RHAP)"
