"""Placeholder (being built; see the issue)."""
