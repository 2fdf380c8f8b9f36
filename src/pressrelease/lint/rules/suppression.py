"""Lint rules about suppression comments (PR009, PR010): produced by the engine."""

from __future__ import annotations

from ..registry import Rule

RULES: tuple[Rule, ...] = ()
