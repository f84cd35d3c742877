"""Lesson 4 widgets: word choice, sources, numbers and readability across the reports."""

from __future__ import annotations

__all__: list[str] = []
