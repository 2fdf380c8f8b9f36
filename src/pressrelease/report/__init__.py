"""Lint output formats: text, concise, json, github, sarif."""
