"""Mark Chinese and Hebrew text so browsers and screen readers render and read it right."""

from django import template
from django.utils.html import format_html

register = template.Library()

HEBREW = range(0x0590, 0x0600)
CJK = (range(0x3000, 0x3040), range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xFF00, 0xFFF0))


def script_language(text: str) -> str:
    """'he' for text with Hebrew letters, 'zh' for text with Chinese characters, else ''."""
    for char in text:
        code = ord(char)
        if code in HEBREW:
            return "he"
        if any(code in block for block in CJK):
            return "zh"
    return ""


@register.simple_tag
def in_script(text, language=""):
    """The text, wrapped in a span with `lang` (and `dir="rtl"` for Hebrew) when not English."""
    language = language or script_language(str(text))
    if not language:
        return text
    if language == "he":
        return format_html('<span lang="he" dir="rtl">{}</span>', text)
    return format_html('<span lang="{}">{}</span>', language, text)
