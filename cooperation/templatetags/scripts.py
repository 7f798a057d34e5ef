"""Names as the site shows them: each in its own bidirectional isolate, and Chinese and
Hebrew marked with their language so browsers and screen readers render and read them right.

Every name, title and role a record holds is shown through these. In a `<bdi>` a name in
Hebrew, or one that carries a direction control (a record imported from elsewhere may), can
reorder only itself, never the rest of the heading or line around it.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from cooperation.scripts import script_language

register = template.Library()

MARKED = {"zh", "he"}  # the page is English: other Latin-script names need no mark


@register.simple_tag
def in_script(text, language=""):
    """The text in a `<bdi>`, with `lang` (and `dir="rtl"` for Hebrew) when Chinese or
    Hebrew: the `language` given, else the one its script shows."""
    language = language if language in MARKED else script_language(str(text))
    if language == "he":
        return format_html('<bdi lang="he" dir="rtl">{}</bdi>', text)
    if language:
        return format_html('<bdi lang="{}">{}</bdi>', language, text)
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def isolated(text):
    """`{{ office.sponsor|isolated }}`: the name as `in_script` shows it."""
    return in_script(text)


@register.filter
def join_isolated(items, separator):
    """`{{ visit.destinations.all|join_isolated:", " }}`: each name isolated, then joined."""
    return mark_safe(conditional_escape(separator).join(in_script(item) for item in items))
