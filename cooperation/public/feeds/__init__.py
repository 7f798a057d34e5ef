"""Atom feeds of what the public lists show, published or corrected, newest first."""
