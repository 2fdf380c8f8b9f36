"""Renderers: HTML, PDF, plain text and .eml from one parsed release."""
