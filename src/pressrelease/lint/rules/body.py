"""Lint rules: body."""

from __future__ import annotations

from ..registry import Rule

RULES: tuple[Rule, ...] = ()
