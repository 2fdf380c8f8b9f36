"""``python -m pressrelease``."""

from pressrelease.cli import run

run()
