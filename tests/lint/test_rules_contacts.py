"""Contact rules (PR5xx): each defect planted in CLEAN, found where it was planted."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.lint.registry import Rule
from pressrelease.lint.rules import contacts

from .util import CLEAN, RELEASES, errors_on, found, plant, run_rule, where

FRONT = (
    "contacts:\n  - name: Amina Odhiambo\n    title: Communications Officer\n"
    '    email: amina.odhiambo@example.org\n    phone: "+254 20 555 0142"\n'
)
SECTION = "Amina Odhiambo, Communications Officer, CWA\nEmail: amina.odhiambo@example.org\nTel: +254 20 555 0142\n"


@pytest.mark.parametrize("rule", contacts.RULES, ids=lambda r: r.code)
def test_clean_release_passes(rule: Rule) -> None:
    assert run_rule(rule, CLEAN) == []


@pytest.mark.parametrize("rule", contacts.RULES, ids=lambda r: r.code)
def test_examples_bad_fails_good_passes(rule: Rule) -> None:
    assert run_rule(rule, rule.bad), f"{rule.code}: its bad example must fail"
    assert run_rule(rule, rule.good) == [], f"{rule.code}: its good example must pass"


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_real_releases_have_no_errors(path: Path) -> None:
    assert errors_on(path, contacts.RULES) == []


def test_contact_missing_points_at_end_of_file() -> None:
    text = plant("\n## Contact\n\n" + SECTION, "", plant(FRONT, ""))
    lines = text.splitlines()
    assert found(contacts.contact_missing, text) == [(len(lines), len(lines[-1]) + 1)]


def test_front_matter_contact_alone_is_enough() -> None:
    assert run_rule(contacts.contact_missing, plant("\n## Contact\n\n" + SECTION, "")) == []


def test_contact_unreachable_front_matter() -> None:
    text = plant("\n## Contact\n\n" + SECTION, "")
    text = plant('    email: amina.odhiambo@example.org\n    phone: "+254 20 555 0142"\n', "", text)
    assert found(contacts.contact_unreachable, text) == [where(text, "Amina Odhiambo")]


def test_contact_unreachable_section() -> None:
    text = plant(FRONT, "")
    text = plant(SECTION, "Amina Odhiambo, Communications Officer, CWA\n", text)
    assert found(contacts.contact_unreachable, text) == [where(text, "Amina Odhiambo, Communications")]
    assert run_rule(contacts.contact_missing, text) == []  # PR502 speaks for it, not PR501


def test_invalid_email_in_front_matter() -> None:
    text = CLEAN.replace("amina.odhiambo@example.org", "amina.odhiambo@example..org", 1)
    assert found(contacts.invalid_email, text) == [where(text, "amina.odhiambo@example..org")]
    assert where(text, "amina.odhiambo@example..org") == (15, 12)


def test_invalid_email_in_section() -> None:
    text = plant("Email: amina.odhiambo@example.org\nTel", "Email: amina.odhiambo@example\nTel")
    assert found(contacts.invalid_email, text) == [(39, 8)]


def test_bold_and_linked_emails_are_valid() -> None:
    text = plant("Email: amina.odhiambo@example.org", "Email: **amina.odhiambo@example.org**.")
    assert run_rule(contacts.invalid_email, text) == []
    text = plant(
        "Email: amina.odhiambo@example.org",
        "Email: [amina.odhiambo@example.org](mailto:amina.odhiambo@example.org)",
    )
    assert run_rule(contacts.invalid_email, text) == []


def test_phone_format_front_matter() -> None:
    text = plant('phone: "+254 20 555 0142"', 'phone: "(020) 555 0142"')
    findings = run_rule(contacts.phone_format, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(16, 13)]
    assert "international form" in findings[0].message


def test_phone_format_section_suggests_international_form() -> None:
    text = plant("Tel: +254 20 555 0142", "Tel: 00254 20-555-0142")
    findings = run_rule(contacts.phone_format, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(40, 6)]
    assert "'+254 20 555 0142'" in findings[0].message


@pytest.mark.parametrize("number", ["(555) 010-2030", "020 7946 0000", "+44 (0)20 7946 0321", "+1-212-555-0187"])
def test_phone_format_flags_national_and_punctuated_forms(number: str) -> None:
    text = plant("Tel: +254 20 555 0142", f"Tel: {number}")
    assert found(contacts.phone_format, text) == [(40, 6)]


@pytest.mark.parametrize("number", ["+41 79 403 5526", "+1 212 555 0187", "+375 17 555 01 42"])
def test_phone_format_accepts_e123(number: str) -> None:
    text = plant("Tel: +254 20 555 0142", f"Tel: {number}")
    assert run_rule(contacts.phone_format, text) == []


def test_phone_with_too_few_digits_for_its_country() -> None:
    text = plant("Tel: +254 20 555 0142", "Tel: +41 79 403 55")
    findings = run_rule(contacts.phone_format, text)
    assert [(f.span.line, f.span.column) for f in findings] == [(40, 6)]
    assert "wrong number of digits" in findings[0].message


def test_contact_name_missing() -> None:
    text = CLEAN + "\nEmail: desk@example.org\n"
    assert found(contacts.contact_name_missing, text) == [where(text, "desk@example.org")]


def test_a_desk_is_a_name() -> None:
    text = CLEAN + "\nPress Office: desk@example.org\n"
    assert run_rule(contacts.contact_name_missing, text) == []
    text = CLEAN + "\nMedia enquiries: desk@example.org\n"
    assert found(contacts.contact_name_missing, text) == [where(text, "desk@example.org")]


def test_contact_phone_missing() -> None:
    text = plant('    phone: "+254 20 555 0142"\n', "")
    text = plant("Tel: +254 20 555 0142\n", "", text)
    assert found(contacts.contact_phone_missing, text) == [(15, 12)]


def test_phone_in_section_only_is_enough() -> None:
    text = plant('    phone: "+254 20 555 0142"\n', "")
    assert run_rule(contacts.contact_phone_missing, text) == []


def test_contact_lines_after_the_end_mark_without_heading_are_not_missing() -> None:
    # PR407 tells the writer to put them under a heading; PR501 does not cry "no contact".
    text = plant("\n## Contact\n\n" + SECTION, "", plant(FRONT, ""))
    assert found(contacts.contact_missing, text) != []
    text = plant("###\n", "###\n\nMedia Contact:\nJane Doe\njane.doe@example.org\n", text)
    assert run_rule(contacts.contact_missing, text) == []


def test_name_in_its_own_paragraph_owns_the_next_paragraphs_addresses() -> None:
    text = plant(SECTION, "**Amina Odhiambo**\n\nEmail: press@example.org\nTel: +254 20 555 0142\n")
    assert run_rule(contacts.contact_name_missing, text) == []


LOCAL = st.text(alphabet="abcXYZ019!#$%&'*+/=?^_`{|}~-.é\"() ,:;<>@[\\]", min_size=1, max_size=70)
LABEL = st.text(alphabet="abcxyz019-_é", min_size=1, max_size=66)
TLD = st.sampled_from(["org", "int", "uk", "co", "ORG", "123", "test", "local", "localhost", "onion", "arpa", "x" * 64])


@given(LOCAL, st.lists(LABEL, min_size=1, max_size=3), TLD)
def test_plainly_valid_addresses_are_valid_to_email_validator(local: str, labels: list[str], tld: str) -> None:
    """PR503's shortcut never accepts an address that email-validator would refuse."""
    from email_validator import EmailNotValidError, validate_email

    from pressrelease.lint.rules.contacts import plainly_valid

    address = f"{local}@{'.'.join([*labels, tld])}"
    if plainly_valid(address):
        try:
            validate_email(address, check_deliverability=False)
        except EmailNotValidError as error:
            raise AssertionError(f"{address!r}: {error}") from None


@pytest.mark.parametrize(
    "address", ["hkalichava@iom.int", "amina.odhiambo@example.org", "press.office+media@gov.uk", "a@b.co"]
)
def test_common_addresses_take_the_shortcut(address: str) -> None:
    from pressrelease.lint.rules.contacts import plainly_valid

    assert plainly_valid(address)


@pytest.mark.parametrize("address", ["a..b@example.org", "a@example..org", "a@localhost", "a@b.test", "é@x.org"])
def test_unusual_addresses_go_to_email_validator(address: str) -> None:
    from pressrelease.lint.rules.contacts import plainly_valid

    assert not plainly_valid(address)


@pytest.mark.parametrize("after", ["\n", "\n\n"], ids=["body-right-after", "blank-line-after"])
def test_phone_on_the_last_front_matter_line_is_found_on_its_line(after: str) -> None:
    """The last field before the closing '---' has a line too, with or without a blank line after it."""
    text = (
        "---\ntitle: Plants Open\ndate: 2026-03-20\nlocation: Nairobi\n"
        'contacts:\n  - name: Amina Odhiambo\n    phone: "+41 79 403 55"\n---'
        + after
        + "NAIROBI – The plants opened.\n"
    )
    assert found(contacts.phone_format, text) == [where(text, "+41 79 403 55")]
