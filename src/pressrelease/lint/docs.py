"""Rule documentation from the registry: ``pressrelease rules`` pages and docs/rules.md.

``python -m pressrelease.lint.docs > docs/rules.md`` (``make docs``) regenerates
the file; a test fails when it is out of date. A rule's bad and good examples are
whole releases that differ in a line or two, so pages show those lines with a
little context rather than two screens of front matter.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence
from typing import Any

from .registry import Rule

CONTEXT = 1  #: unchanged lines shown around a difference


def _visible(text: str) -> str:
    """Control characters (PR004's NUL byte) written as ``\\x00``, so pages stay text."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", lambda m: f"\\x{ord(m.group(0)):02x}", text)


def excerpt(bad: str, good: str, context: int = CONTEXT) -> tuple[str, str]:
    """The lines where ``bad`` and ``good`` differ, with ``context`` lines around them."""
    bad, good = _visible(bad), _visible(good)
    a, b = bad.splitlines(), good.splitlines()
    if not a or not b:
        return bad.strip("\n"), good.strip("\n")
    keep_a: set[int] = set()
    keep_b: set[int] = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        keep_a.update(range(max(i1 - context, 0), min(max(i2, i1 + 1) + context, len(a))))
        keep_b.update(range(max(j1 - context, 0), min(max(j2, j1 + 1) + context, len(b))))
    if not keep_a and not keep_b:
        return bad.strip("\n"), good.strip("\n")
    return _pick(a, keep_a), _pick(b, keep_b)


def _pick(lines: Sequence[str], keep: set[int]) -> str:
    out: list[str] = []
    previous = -2
    for index in sorted(keep):
        if previous >= 0 and index != previous + 1:
            out.append("…")
        out.append(lines[index])
        previous = index
    return "\n".join(out)


def page(rule: Rule) -> dict[str, Any]:
    """Everything ``pressrelease rules CODE`` shows, as data (the JSON form)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "fixable": rule.fixable,
        "profiles": list(rule.profiles),
        "summary": rule.summary,
        "why": rule.why,
        "bad": rule.bad,
        "good": rule.good,
        "fix": "--fix applies a safe fix" if rule.fixable else "no automatic fix",
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _fence(text: str) -> str:
    return f"```markdown\n{text}\n```"


def markdown(rules: Sequence[Rule]) -> str:
    """docs/rules.md: a table of every rule, then one section per rule."""
    out = [
        "# Lint rules",
        "",
        "<!-- Generated from the registry by `python -m pressrelease.lint.docs` (`make docs`). Do not edit. -->",
        "",
        "Every rule has a code and a kebab-case name; both work in config, on the command line and",
        "in suppression comments. `pressrelease rules CODE` prints a rule's page. Severity is the",
        "default; `[lint.severity]` overrides it. Profiles are the house styles in which the rule",
        "is on by default; naming a rule by code or name turns it on in any profile. Each rule's",
        "reason names its sources; [the conventions page](./conventions.md) gathers them by subject.",
        "",
        "| code | name | severity | fix | profiles | what |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        fix = "yes" if rule.fixable else ""
        summary = rule.summary.replace("|", "\\|")
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity} | {fix} | "
            f"{', '.join(rule.profiles)} | {summary} |"
        )
    for rule in rules:
        bad, good = excerpt(rule.bad, rule.good)
        out += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.name}** · {rule.severity}{' · fixable' if rule.fixable else ''} · "
            f"profiles: {', '.join(rule.profiles)}",
            "",
            _sentence(rule.summary),
            "",
            f"*Why.* {rule.why}",
            "",
            "Bad:",
            "",
            _fence(bad),
            "",
            "Good:",
            "",
            _fence(good),
        ]
        if rule.fixable:
            out += ["", "*Fix.* `pressrelease lint --fix` applies it; `--diff` shows it first."]
    return "\n".join(out) + "\n"


def main() -> int:
    from .rules import ALL_RULES

    sys.stdout.write(markdown(ALL_RULES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
