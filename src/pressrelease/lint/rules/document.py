"""Lint rules: document."""

from __future__ import annotations

from ..registry import Rule

RULES: tuple[Rule, ...] = ()
