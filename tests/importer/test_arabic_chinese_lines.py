"""Importing Arabic and Chinese releases: their release and embargo lines stay out of the
title and the body (the embargo is reported, to go in the front matter), as English ones do."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease.config import DEFAULT
from pressrelease.importer import ImportResult, import_file

ARABIC_TITLE = "شبكة الأنهار الإقليمية تطلق برنامجاً جديداً لرصد جودة المياه في ثلاث مدن"
ARABIC_BODY = """إربد، 9 تشرين الأول/أكتوبر 2025 – أطلقت شبكة الأنهار الإقليمية اليوم برنامجاً جديداً لرصد جودة المياه في ثلاث مدن، يشمل أكثر من 120 نقطة قياس على طول الأنهار والقنوات.

وقالت سلمى العبدالله، منسقة البرنامج: «سنعرف للمرة الأولى ما يجري في كل قناة يوماً بيوم، وسننشر القراءات للجميع».

ويمتد البرنامج ثلاث سنوات بتمويل قدره 4.5 مليون دولار.

{end}

للمزيد من المعلومات:
هالة يوسف، مسؤولة الإعلام
hala.youssef@rivers.example.org
"""

CHINESE_TITLE = "区域河流网络启动三座城市水质监测新计划"
CHINESE_BODY = """昆明，2025年10月9日——区域河流网络今天启动一项水质监测新计划，在三座城市的河道和水渠沿线设立120多个监测点，每天公布读数。

计划协调员陈晓岚说：“我们第一次能够逐日了解每条水渠的情况，并向所有人公开这些数据。”

该计划为期三年，资金总额为450万美元。

{end}

媒体联系人：
刘海燕，新闻官员
liu.haiyan@rivers.example.org
"""


def imported(tmp_path: Path, head: list[str], title: str, body: str, end: str) -> ImportResult:
    source = tmp_path / "release.txt"
    source.write_text("\n\n".join([*head, title, body.format(end=end)]), encoding="utf-8")
    return import_file(source, DEFAULT)


@pytest.mark.parametrize(
    ("head", "title", "body", "embargo"),
    [
        (
            ["بيان صحفي", "يحظر النشر قبل الساعة 10:00 (UTC+3)، الخميس 9 تشرين الأول/أكتوبر 2025"],
            ARABIC_TITLE,
            ARABIC_BODY,
            "يحظر النشر قبل الساعة 10:00 (UTC+3)، الخميس 9 تشرين الأول/أكتوبر 2025",
        ),
        (["للنشر الفوري"], ARABIC_TITLE, ARABIC_BODY, None),
        (["新闻稿", "2025年10月9日上午10时前禁止发布"], CHINESE_TITLE, CHINESE_BODY, "2025年10月9日上午10时前禁止发布"),
        (["禁发至2025年10月9日10:00（UTC+8）"], CHINESE_TITLE, CHINESE_BODY, "禁发至2025年10月9日10:00（UTC+8）"),
        (["供即时发布"], CHINESE_TITLE, CHINESE_BODY, None),
    ],
)
def test_release_and_embargo_lines_are_not_the_title_nor_the_body(
    tmp_path: Path, head: list[str], title: str, body: str, embargo: str | None
) -> None:
    result = imported(tmp_path, head, title, body, "")
    assert result.release.title == title
    assert result.release.subtitle is None
    lede = result.release.blocks[result.release.lede or 0].text
    assert lede.startswith(("إربد", "昆明"))
    notes = [note for note in result.notes if note.startswith("embargo line left out")]
    assert notes == (
        [f"embargo line left out: “{embargo}”; add `embargo:` with a time zone if it still holds"] if embargo else []
    )


@pytest.mark.parametrize(
    ("title", "body", "written", "mark"),
    [
        (ARABIC_TITLE, ARABIC_BODY, "-انتهى-", "-انتهى-"),
        (ARABIC_TITLE, ARABIC_BODY, "انتهى", "انتهى"),
        (ARABIC_TITLE, ARABIC_BODY, "-  انتهى  -", "-انتهى-"),
        (CHINESE_TITLE, CHINESE_BODY, "（完）", "（完）"),
        (CHINESE_TITLE, CHINESE_BODY, "完", "完"),
        (CHINESE_TITLE, CHINESE_BODY, "— 完 —", "— 完 —"),
    ],
)
def test_arabic_and_chinese_end_marks_end_the_release(
    tmp_path: Path, title: str, body: str, written: str, mark: str
) -> None:
    result = imported(tmp_path, [], title, body, written)
    release = result.release
    assert release.end_mark is not None and release.end_mark.text == mark
    assert ("end mark", mark) in result.found
    assert [release.blocks[i].text for i in release.body if written in release.blocks[i].text] == []
    assert [s.kind for s in release.sections] == ["contact"]
