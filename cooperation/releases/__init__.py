"""Numbered, dated, immutable releases of every published record, and their listing."""
