"""Chinese speakers: the name within a subject that runs back from the verb to punctuation."""

from __future__ import annotations

import pytest

from pressrelease.parse import parse
from pressrelease.parse.chinese_names import is_name, name_stops

FRONT = "---\ntitle: 报告发布\ndate: 2026-04-22\nlanguage: zh\n---\n\n日内瓦——报告今天发布。\n\n"


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in parse(FRONT + text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“水位还在下降。”该组织总干事林静怡说。", "林静怡"),
        ("报告主要作者、水文地质学家赵文博表示：“农民并不是问题所在。”", "赵文博"),
        ("“我们必须行动。”林静怡女士强调。", "林静怡"),
        ("紧急项目主任特德·柴班(Ted Harlow)指出：“儿童最先受害。”", "特德·柴班(Ted Harlow)"),
        ("王明说：“水位还在下降。”", "王明"),
    ],
)
def test_the_name_follows_the_last_title(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_pronoun_stands_for_the_person_named_before_it_and_a_report_is_no_person() -> None:
    text = "赵文博表示：“农民并不是问题所在。”\n\n报告指出：“水位下降了。”\n\n他强调：“数据必须公开。”\n"
    assert speakers(text) == ["赵文博", "报告", "赵文博"]
    assert not is_name("报告", name_stops()) and not is_name("该组织", name_stops())
    assert is_name("林静怡", name_stops()) and not is_name("林", name_stops())
