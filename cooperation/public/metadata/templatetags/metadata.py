"""`{% load metadata %}`: what base.html and the page templates put in a page's head for
search engines and link previews (cooperation/public/metadata/)."""

from django import template
from django.core.exceptions import DisallowedHost
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cooperation.public.metadata import share, structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def share_meta(context):
    """The canonical link, Open Graph and Twitter card of the page; nothing on a page drawn
    without its request (the 500 and 503 pages), nor on one whose host the site refuses
    (the 400 page of an unknown Host: its URLs cannot be written on that host)."""
    if "request" not in context:
        return ""
    try:
        context["request"].get_host()
    except DisallowedHost:
        return ""
    return render_to_string("includes/share_meta.html", {"share": share.share_of(context)})


@register.simple_tag(takes_context=True)
def structured_data_of(context, record):
    """`{% structured_data_of visit %}`: the JSON-LD scripts of a record's page."""
    documents = structured_data.documents(context["request"], record)
    return mark_safe("".join(structured_data.script(document) for document in documents))
