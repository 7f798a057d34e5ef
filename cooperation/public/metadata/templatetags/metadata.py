"""`{% load metadata %}`: what base.html and the page templates put in a page's head for
search engines and link previews (cooperation/public/metadata/)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cooperation.public.metadata import share, structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def share_meta(context):
    """The canonical link, Open Graph and Twitter card of the page; nothing on a page drawn
    without its request (the 500 and 503 pages)."""
    if "request" not in context:
        return ""
    return render_to_string("includes/share_meta.html", {"share": share.share_of(context)})


@register.simple_tag(takes_context=True)
def structured_data_of(context, record):
    """`{% structured_data_of visit %}`: the JSON-LD scripts of a record's page."""
    documents = structured_data.documents(context["request"], record)
    return mark_safe("".join(structured_data.script(document) for document in documents))
