"""Segment stage (stub)."""

from __future__ import annotations

from models import Document, Outline


def segment(document: Document) -> Outline:
    return Outline(headings=(), ends=())
