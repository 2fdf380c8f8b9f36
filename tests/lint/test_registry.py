"""The registry's bookkeeping: codes, names, the catalogue of rules.md, examples, docs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pressrelease.config import PROFILES, Config, load
from pressrelease.lint.docs import markdown
from pressrelease.lint.engine import lint
from pressrelease.lint.registry import Rule, example_files
from pressrelease.lint.rules import ALL_RULES
from pressrelease.parse import parse

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"

#: every rule of the spec (rules.md), code -> name; codes never change meaning
CATALOGUE = {
    "PR001": "front-matter-missing",
    "PR002": "unknown-key",
    "PR003": "invalid-value",
    "PR004": "unreadable",
    "PR005": "empty-body",
    "PR006": "heading-level",
    "PR009": "bad-suppression",
    "PR010": "unused-suppression",
    "PR101": "headline-missing",
    "PR102": "headline-too-long",
    "PR103": "headline-all-caps",
    "PR104": "headline-trailing-period",
    "PR105": "headline-exclamation",
    "PR106": "subtitle-too-long",
    "PR201": "dateline-missing",
    "PR202": "date-mismatch",
    "PR203": "dateline-dash",
    "PR204": "weekday-mismatch",
    "PR205": "location-mismatch",
    "PR206": "dateline-style",
    "PR207": "date-format",
    "PR301": "no-quotes",
    "PR302": "unbalanced-quotes",
    "PR303": "unattributed-quote",
    "PR304": "quote-style",
    "PR305": "quote-too-long",
    "PR306": "too-many-quotes",
    "PR401": "editors-notes-missing",
    "PR402": "section-order",
    "PR403": "empty-section",
    "PR404": "boilerplate-missing",
    "PR405": "boilerplate-too-long",
    "PR406": "duplicate-section",
    "PR407": "end-mark",
    "PR501": "contact-missing",
    "PR502": "contact-unreachable",
    "PR503": "invalid-email",
    "PR504": "phone-format",
    "PR505": "contact-name-missing",
    "PR506": "contact-phone-missing",
    "PR601": "embargo-no-timezone",
    "PR602": "embargo-date-mismatch",
    "PR603": "embargo-passed",
    "PR604": "embargo-text",
    "PR701": "lede-too-long",
    "PR702": "body-length",
    "PR703": "placeholder",
    "PR704": "acronym-undefined",
    "PR705": "link-text",
    "PR706": "link-target",
    "PR707": "image-alt-missing",
    "PR708": "first-person",
    "PR709": "exclamation",
    "PR710": "remote-image",
    "PR801": "term",
}


def test_codes_are_unique_and_well_formed() -> None:
    codes = [r.code for r in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"PR\d{3}", c) for c in codes), codes


def test_names_are_unique_kebab_case() -> None:
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names), names


def test_every_rule_has_known_profiles_and_words() -> None:
    for rule in ALL_RULES:
        assert rule.profiles and set(rule.profiles) <= set(PROFILES), rule.code
        assert rule.summary.strip() and rule.why.strip(), rule.code
        assert rule.severity in ("error", "warning", "info"), rule.code


def test_every_rule_of_the_spec_is_registered_under_its_name() -> None:
    registered = {r.code: r.name for r in ALL_RULES}
    missing = sorted(set(CATALOGUE) - set(registered))
    assert missing == [], f"rules of rules.md not registered: {missing}"
    renamed = {c: (CATALOGUE[c], registered[c]) for c in CATALOGUE if registered[c] != CATALOGUE[c]}
    assert renamed == {}


#: an example that needs settings says so in a front-matter comment, which readers see too:
#: ``# run with [lint.terms] "Kenia" = "Kenya" in pressrelease.toml``
_NEEDS = re.compile(r"^# run with (\[[\w.-]+\]) (.+) in pressrelease\.toml$", re.MULTILINE)


def _config(text: str, folder: Path) -> Config:
    """The built-in defaults (isolated), plus the settings the example asks for."""
    wanted = _NEEDS.findall(text)
    if not wanted:
        return Config()
    path = folder / "pressrelease.toml"
    path.write_text("".join(f"{table}\n{line}\n" for table, line in wanted), encoding="utf-8")
    return load(path)


def _codes(rule: Rule, text: str, folder: Path) -> list[str]:
    files = example_files(text)
    config = _config(files[0][1], folder)
    for name, content in files:
        (folder / name).write_text(content, encoding="utf-8")
    path = folder / files[0][0] if len(files) > 1 else None  # one file: parsed as text, as a reader pastes it
    return [d.code for d in lint(parse(files[0][1], path, config), config, extend_select=[rule.code], now=NOW)]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_bad_example_fails_and_good_example_passes(rule: Rule, tmp_path: Path) -> None:
    assert rule.bad.strip() and rule.good.strip(), f"{rule.code} needs a bad and a good example"
    assert rule.code in _codes(rule, rule.bad, tmp_path), f"{rule.code}'s bad example does not trigger it"
    assert rule.code not in _codes(rule, rule.good, tmp_path), f"{rule.code}'s good example triggers it"


def test_docs_rules_md_is_current() -> None:
    expected = markdown(ALL_RULES)
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    assert current == expected, "docs/rules.md is out of date: run `make docs`"
