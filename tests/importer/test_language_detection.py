"""Telling a text's language by its script: right, or no answer, never a confident wrong one."""

from __future__ import annotations

import pytest

from pressrelease.importer.meta import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Arabic with Latin names and an organisation's acronym among the words.
        ("قال John Harrow من منظمة UNDP إن العمل في Tripoli و Benghazi سيستمر. وأضاف أن Ocean Aid تعمل هناك.", "ar"),
        # Chinese full of English acronyms and a place in Latin letters.
        ("UNICEF、WHO、WFP和UNHCR今天在Geneva发表联合声明，呼吁各方保护儿童。", "zh"),
        # Japanese writes Han characters too; its kana tell it from Chinese.
        ("国連児童基金は本日、東京で年次報告書を発表した。子どもの健康について述べている。", "ja"),
    ],
)
def test_the_script_decides_when_it_is_the_texts_own(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.value == code


@pytest.mark.parametrize(
    "text",
    [
        # Persian and Urdu in Arabic script, Ukrainian and Serbian in Cyrillic: not Arabic, not Russian.
        "سازمان بین‌المللی مهاجرت امروز گزارش سالانه خود را درباره چهل کشور منتشر کرد.",
        "بین الاقوامی تنظیم نے آج چالیس ملکوں کے بارے میں اپنی سالانہ رپورٹ جاری کی۔",
        "Міжнародна організація з міграції сьогодні оприлюднила щорічну доповідь про сорок країн.",
        "Међународна организација за миграције данас је објавила годишњи извештај о четрдесет земаља.",
        # Bulgarian: no letter of its own but ъ, a vowel there and rare in Russian.
        "Организацията публикува днес годишния си доклад, който показва, че броят на мигрантите в "
        "България се е увеличил и че има нужда от още подкрепа към общините.",
    ],
)
def test_another_language_of_the_script_gets_no_answer(text: str) -> None:
    assert detect_language(text) is None


def test_russian_with_a_hard_sign_in_a_word_or_two_is_still_russian() -> None:
    text = (
        "Организация Объединённых Наций сегодня опубликовала ежегодный доклад о сорока странах. "
        "В докладе говорится, что число мигрантов выросло, и подчёркивается роль местных общин."
    )
    found = detect_language(text)
    assert found is not None and found.value == "ru"


def test_a_few_words_of_arabic_or_chinese_in_an_english_text_leave_it_english() -> None:
    text = (
        "The agency (الوكالة, 机构) said on Monday that the figures were final and that the report "
        "would be published in full next week in Geneva by the team that wrote it."
    )
    found = detect_language(text)
    assert found is not None and found.value == "en"
