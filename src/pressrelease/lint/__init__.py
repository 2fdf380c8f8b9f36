"""Lint: rules over the parsed model, selection, suppression, fixes."""
