"""Test helpers for rules: a clean release to plant defects in, and a way to run one rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pressrelease.config import DEFAULT, Config, for_path
from pressrelease.lint.registry import Context, Finding, Rule
from pressrelease.parse import parse, parse_file
from pressrelease.parse.language import language

# A release that every rule accepts in every profile. Plant one defect with
# CLEAN.replace(...) and expect exactly that rule's code at the planted position.
CLEAN = """\
---
title: Water Authority Opens Three Treatment Plants in Northern Region
subtitle: The plants will serve 400,000 people who now rely on trucked water
date: 2026-03-20
location: Nairobi
organization:
  name: Clean Water Alliance
  short_name: CWA
  boilerplate: The Clean Water Alliance brings safe water to rural communities in East Africa.
  acronyms: [CWA]
language: en
contacts:
  - name: Amina Odhiambo
    title: Communications Officer
    email: amina.odhiambo@example.org
    phone: "+254 20 555 0142"
tags: [water, Kenya]
---

Nairobi – Three new water treatment plants opened on Friday, 20 March 2026, in the northern region, bringing safe drinking water to about 400,000 people.

The plants were built over two years with support from county governments and local engineers. Each plant can treat six million litres a day and runs on solar power. Until now, most families in the region have bought water from tanker trucks at several times the price paid in towns, and many children have missed school to fetch it from distant wells. Engineers chose sites close to the largest villages, so that no household will be more than a short walk from a public tap. The treated water is tested every week by a county laboratory, and the results will be posted at each tap station.

“Safe water changes everything for a family: children stay in school and mothers no longer walk for hours,” said Grace Wanjiru, director of the Clean Water Alliance.

County officials said the plants would also supply three hospitals and twelve schools. Water committees in each village will manage the taps and collect small fees for maintenance. The fees will pay for spare parts, filters and the wages of the two operators at each plant. Health workers expect fewer cases of diarrhoea and other waterborne illness among young children, which have filled local clinics during every dry season. Farmers will also be able to buy treated water for livestock at a lower rate outside the busiest hours of the day.

“We trained two hundred technicians so that the plants keep running long after the ribbon is cut,” she added.

###

## Notes to editors

Photographs of the plants are available on request.

## Contact

Amina Odhiambo, Communications Officer, CWA
Email: amina.odhiambo@example.org
Tel: +254 20 555 0142
"""

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def context(text: str, config: Config = DEFAULT, profile: str | None = None, **thresholds: Any) -> Context:
    release = parse(text, None, config)
    limits = dict(config.lint.thresholds_for(language(release.language).thresholds))
    limits.update({k.replace("_", "-"): v for k, v in thresholds.items()})
    return Context(
        release=release,
        config=config,
        profile=profile or release.profile,
        thresholds=limits,
        lang=language(release.language),
        now=NOW,
    )


def run_rule(
    rule: Rule, text: str, config: Config = DEFAULT, profile: str | None = None, **thresholds: Any
) -> list[Finding]:
    """The findings of one rule on a text (no selection, no suppression)."""
    return list(rule.check(context(text, config, profile, **thresholds)))


ROOT = Path(__file__).resolve().parents[2]
#: every real release: the examples and the lint-precision fixtures
RELEASES = sorted([*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/releases/*.md")])


def errors_on(path: Path, rules: tuple[Rule, ...]) -> list[tuple[str, int, str]]:
    """The error-level findings of ``rules`` on a real release, with its own config."""
    config = for_path(path)
    release = parse_file(path, config)
    lang = language(release.language)
    ctx = Context(release, config, release.profile, config.lint.thresholds_for(lang.thresholds), lang, NOW)
    return [
        (r.code, f.span.line, f.message)
        for r in rules
        if r.severity == "error" and release.profile in r.profiles
        for f in r.check(ctx)
    ]


def plant(old: str, new: str, text: str = CLEAN) -> str:
    """``text`` with its one ``old`` replaced by ``new`` (a defect planted, or one removed)."""
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth ``needle`` in ``text``."""
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def found(rule: Rule, text: str, **kwargs: Any) -> list[tuple[int, int]]:
    """(line, column) of each finding of ``rule`` on ``text``."""
    return [(f.span.line, f.span.column) for f in run_rule(rule, text, **kwargs)]
