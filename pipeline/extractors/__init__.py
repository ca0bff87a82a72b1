"""Extractors: one module per kind of item taken from a plan."""
