"""Arabic and Chinese releases: the two examples lint clean, and defects planted in them
are found where they are; Chinese lengths are counted in characters.

The examples are read from disk with their own config (examples/pressrelease.toml);
each defect is planted by replacing one piece of text, and the finding must point at
the line and column of what was planted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressrelease.config import for_path, load
from pressrelease.lint.engine import Diagnostic, lint
from pressrelease.parse import parse

ROOT = Path(__file__).resolve().parents[2]
ARABIC = ROOT / "examples" / "ar-gfo-aquifers-amman.md"
CHINESE = ROOT / "examples" / "zh-gfo-groundwater-geneva.md"
NOW = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


def lint_text(path: Path, text: str) -> list[Diagnostic]:
    config = for_path(path)
    return lint(parse(text, path, config), config, now=NOW)


def planted(path: Path, old: str, new: str) -> tuple[str, int, int]:
    """The example with ``old`` replaced by ``new``, and the line and column where ``new`` starts."""
    source = path.read_text(encoding="utf-8")
    assert source.count(old) == 1, old
    at = source.index(old)
    line = source.count("\n", 0, at) + 1
    column = at - source.rfind("\n", 0, at)
    return source.replace(old, new), line, column


def codes(found: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in found]


@pytest.mark.parametrize("path", [ARABIC, CHINESE], ids=lambda p: p.name)
def test_the_examples_lint_clean(path: Path) -> None:
    assert codes(lint_text(path, path.read_text(encoding="utf-8"))) == []


def test_arabic_missing_dateline_is_found_at_the_lede() -> None:
    text, line, column = planted(ARABIC, "عمّان، 15 نيسان/أبريل 2026 – أفاد", "أفاد")
    text = text.replace("location: عمّان\n", "")
    assert codes(lint_text(ARABIC, text)) == [("PR201", line - 1, column)]  # one front-matter line less


def test_arabic_unattributed_quotation_is_found_at_its_mark() -> None:
    old = "«حين يرى المزارع"
    text, line, column = planted(ARABIC, "، قال سامي النجار، رئيس جمعية مزارعي وادي الريان، وهي", "، وهي")
    source = ARABIC.read_text(encoding="utf-8")
    at = source.index(old)
    line, column = source.count("\n", 0, at) + 1, at - source.rfind("\n", 0, at)
    assert codes(lint_text(ARABIC, text)) == [("PR303", line, column)]


def test_arabic_wrong_weekday_is_found_at_the_date() -> None:
    text, line, column = planted(ARABIC, "الأربعاء 15 نيسان", "الخميس 15 نيسان")
    found = lint_text(ARABIC, text)
    assert codes(found) == [("PR204", line, column)]
    assert "Wednesday, not a Thursday" in found[0].message


def test_chinese_missing_dateline_is_found_at_the_lede() -> None:
    text, line, column = planted(CHINESE, "日内瓦，2026年4月22日——全球", "全球")
    text = text.replace("location: 日内瓦\n", "")
    assert codes(lint_text(CHINESE, text)) == [("PR201", line - 1, column)]


def test_chinese_unattributed_quotation_is_found_at_its_mark() -> None:
    text, line, column = planted(CHINESE, "他强调：“凡是", "有人认为：“凡是")
    assert codes(lint_text(CHINESE, text)) == [("PR303", line, column + len("有人认为："))]


def test_chinese_wrong_weekday_is_found_at_the_date() -> None:
    text, line, column = planted(CHINESE, "2026年4月24日（星期五）", "2026年4月24日（星期四）")
    found = lint_text(CHINESE, text)
    assert codes(found) == [("PR204", line, column)]
    assert "Friday, not a Thursday" in found[0].message


@pytest.mark.parametrize(
    ("written", "wrong"),
    [
        ("星期四，2026年4月24日", True),
        ("周四（4月24日）", True),
        ("星期五，2026年4月24日", False),
        ("周五（4月24日）", False),
    ],
)
def test_chinese_weekday_before_the_date_is_checked(written: str, wrong: bool) -> None:
    text, line, column = planted(CHINESE, "2026年4月24日（星期五）", written)
    found = lint_text(CHINESE, text)
    assert codes(found) == ([("PR204", line, column)] if wrong else [])
    if wrong:
        assert "Friday, not a Thursday" in found[0].message


def test_chinese_lengths_are_counted_in_characters_against_their_own_limits() -> None:
    longer = "报告指出，" + "地下水位持续下降" * 8 + "。"
    text, line, column = planted(
        CHINESE, "全球淡水观测组织（GFO）今天发布报告指出，", "全球淡水观测组织（GFO）今天" + longer
    )
    found = lint_text(CHINESE, text)
    assert codes(found) == [("PR701", line, column)]
    assert "characters (limit 60)" in found[0].message


def test_a_configs_own_limit_wins_over_the_languages(tmp_path: Path) -> None:
    (tmp_path / "pressrelease.toml").write_text(
        (ROOT / "examples" / "pressrelease.toml").read_text(encoding="utf-8")
        + "\n[lint.thresholds]\nlede-max-words = 40\n",
        encoding="utf-8",
    )
    config = load(tmp_path / "pressrelease.toml")
    assert config.lint.thresholds_for({"lede-max-words": 60, "body-min-words": 425}) == {
        **config.lint.thresholds,
        "lede-max-words": 40,
        "body-min-words": 425,
    }
    release = parse(CHINESE.read_text(encoding="utf-8"), tmp_path / "zh.md", config)
    lede = release.blocks[release.lede or 0].text.split("——", 1)[1]
    counted = sum("\u4e00" <= ch <= "\u9fff" for ch in lede) + len(("GFO", "361", "143"))
    found = [d for d in lint(release, config, now=NOW) if d.code == "PR701"]
    assert [d.message.split(";")[0] for d in found] == [f"the lede has {counted} characters (limit 40)"]


def test_chinese_quotation_sentences_end_at_chinese_stops() -> None:
    release = parse(CHINESE.read_text(encoding="utf-8"), CHINESE, for_path(CHINESE))
    first = release.quotes[0]
    assert first.text.endswith("。") and first.sentences == 1
    assert first.words == len(first.text) - sum(ch in "，。" for ch in first.text)  # each character a word


@pytest.mark.parametrize(
    ("path", "mark"),
    [(ARABIC, "-انتهى-"), (ARABIC, "انتهى"), (CHINESE, "（完）"), (CHINESE, "-完-"), (CHINESE, "###")],
)
def test_end_marks_of_each_language(path: Path, mark: str) -> None:
    source = path.read_text(encoding="utf-8")
    own = "-انتهى-" if path == ARABIC else "（完）"
    release = parse(source.replace(f"\n{own}\n", f"\n{mark}\n"), path, for_path(path))
    assert release.end_mark is not None and release.end_mark.text == mark


def test_text_after_an_arabic_end_mark_is_reported() -> None:
    text, line, _ = planted(ARABIC, "-انتهى-\n\n## ملاحظات", "-انتهى-\n\nسطر بعد النهاية.\n\n## ملاحظات")
    assert codes(lint_text(ARABIC, text)) == [("PR407", line + 2, 1)]


def test_chinese_full_stop_and_exclamation_marks_are_read_as_such() -> None:
    title = "title: 全球淡水观测组织报告：五分之二大型流域地下水位持续下降"
    text, line, column = planted(CHINESE, title, title + "！")
    found = lint_text(CHINESE, text)
    assert codes(found) == [("PR105", line, column + len(title))]
    assert "'！'" in found[0].message
    text, line, column = planted(CHINESE, title, title + "。")
    assert codes(lint_text(CHINESE, text)) == [("PR104", line, column + len(title))]
    text, line, column = planted(CHINESE, "持续下降。\n", "持续下降！\n")
    assert codes(lint_text(CHINESE, text)) == [("PR709", line, column + len("持续下降"))]


def test_a_chinese_heading_may_end_with_a_full_width_colon() -> None:
    source = CHINESE.read_text(encoding="utf-8").replace("## 编辑注\n", "## 编辑注：\n")
    release = parse(source, CHINESE, for_path(CHINESE))
    assert (release.sections[0].kind, release.sections[0].heading) == ("notes", "编辑注")


ARABIC_LEDE = "عمّان، 15 نيسان/أبريل 2026 – أفاد"
CHINESE_LEDE = "日内瓦，2026年4月22日——全球"


def with_release_line(path: Path, line: str, embargo: str | None) -> tuple[str, int]:
    """The example with ``line`` as a paragraph above its lede (and ``embargo`` in its front
    matter when given), and the line number of ``line``."""
    source = path.read_text(encoding="utf-8")
    if embargo is not None:
        source = source.replace("\ndate: ", f"\nembargo: {embargo}\ndate: ", 1)
    lede = ARABIC_LEDE if path == ARABIC else CHINESE_LEDE
    source = source.replace(lede, f"{line}\n\n{lede}", 1)
    return source, source[: source.index(line)].count("\n") + 1


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        (ARABIC, "يحظر النشر قبل الساعة 10:00 (UTC+3)، الأربعاء 15 نيسان/أبريل 2026", 1),
        (ARABIC, "**محظور النشر حتى 15 أبريل 2026، الساعة 10:00 صباحاً**", 3),
        (CHINESE, "禁发至2026年4月22日10时（UTC+2）", 1),
        (CHINESE, "2026年4月22日上午10时前禁止发布", 1),
        (CHINESE, "【禁止发布至2026年4月22日10:00】", 2),
    ],
)
def test_an_embargo_line_standing_in_for_the_front_matter(path: Path, line: str, column: int) -> None:
    text, at = with_release_line(path, line, None)
    release = parse(text, path, for_path(path))
    assert release.blocks[release.lede or 0].text.startswith(ARABIC_LEDE[:5] if path == ARABIC else "日内瓦")
    found = lint_text(path, text)
    assert codes(found) == [("PR604", at, column)]
    assert "only in the text" in found[0].message


@pytest.mark.parametrize(
    ("path", "embargo", "line", "what"),
    [
        (
            ARABIC,
            "2026-04-15T10:00:00+03:00",
            "يحظر النشر قبل الساعة 10:00 (UTC+3)، الأربعاء 15 نيسان/أبريل 2026",
            None,
        ),
        (ARABIC, "2026-04-15T10:00:00+03:00", "يحظر النشر قبل الساعة ٠٧:٠٠ بتوقيت غرينتش يوم 15 أبريل 2026", "time"),
        (ARABIC, "2026-04-15T10:00:00+03:00", "محظور النشر حتى 16 نيسان/أبريل 2026، الساعة 10:00", "date"),
        (ARABIC, "2026-04-15T15:00:00+03:00", "يحظر النشر قبل 15 نيسان/أبريل 2026، الساعة 3:00 مساءً", None),
        (CHINESE, "2026-04-22T10:00:00+02:00", "禁发至2026年4月22日10时（UTC+2）", None),
        (CHINESE, "2026-04-22T10:00:00+02:00", "2026年4月22日上午10时30分前禁止发布", "time"),
        (CHINESE, "2026-04-22T15:00:00+02:00", "2026年4月22日下午3时前禁止发布", None),
        (CHINESE, "2026-04-22T10:00:00+02:00", "禁发至2026年4月23日10:00", "date"),
    ],
)
def test_an_embargo_line_is_compared_with_the_front_matter(
    path: Path, embargo: str, line: str, what: str | None
) -> None:
    text, at = with_release_line(path, line, embargo)
    found = [d for d in lint_text(path, text) if d.code == "PR604"]
    if what is None:
        assert found == []
    else:
        assert codes(found) == [("PR604", at, 1)]
        assert f"different {what}" in found[0].message


@pytest.mark.parametrize(
    ("path", "line"),
    [(ARABIC, "للنشر الفوري"), (ARABIC, "**للنشر فوراً**"), (CHINESE, "即时发布"), (CHINESE, "供即时发布")],
)
def test_an_immediate_release_line_is_not_the_lede(path: Path, line: str) -> None:
    text, _ = with_release_line(path, line, None)
    release = parse(text, path, for_path(path))
    assert release.blocks[release.lede or 0].text.startswith(ARABIC_LEDE[:5] if path == ARABIC else "日内瓦")
    assert codes(lint_text(path, text)) == []
