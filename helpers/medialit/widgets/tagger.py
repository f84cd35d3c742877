"""Lesson 2 widgets: tag loaded words in headlines, compare with the helper and the class; rewrite neutrally."""

from __future__ import annotations

__all__: list[str] = []
