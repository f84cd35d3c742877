"""Lesson 1 widgets: label each paragraph of a page as body, comment or other; page-part charts."""

from __future__ import annotations

__all__: list[str] = []
