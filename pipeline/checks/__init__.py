"""Consistency checks: each takes a record and yields findings for a reader to double-check."""
