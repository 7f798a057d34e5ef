"""Footnote numbers beside each fact of a record's page (cooperation/public/evidence.py)."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def cited(evidence, kind, thing=None):
    """`{% cited evidence "origin" place %}`: the numbers of the notes that support the
    fact, each a link to its note ("[1][2]"), or nothing when no source is quoted for it."""
    if not evidence:
        return ""
    links = format_html_join(
        "",
        '<a href="#note-{0}" class="note-ref" aria-label="Evidence {0}">[{0}]</a>',
        ((number,) for number in evidence.numbers_for(kind, thing)),
    )
    return format_html("<sup>{}</sup>", links) if links else ""
