"""Filters by a municipality, a person or a party to an agreement, typed in a text box
rather than chosen in a select.

A select carries every choice in every box that offers it: three selects of 360
municipalities made 68 of the office list's 82 KB. A box instead names a `<datalist>` of
suggestions, which browsers offer as the reader types (no script), and the page carries
each list once for every box that shares it (`PublicFilterForm.suggestion_lists`).

A box takes a slug (the public contract's parameters: `?sponsor=beijing`) or a name or
alias as the records write it, in English, Chinese or Hebrew, compared as the search
compares names (`scripts.name_key`: case, accents, vowel points, punctuation and traditional
characters aside: "tel-aviv yafo" and 東莞 are found). A name that several share is refused
with their slugs, so the reader can pick one; a name or slug that no published record
names is refused exactly like one that does not exist.
"""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cooperation import scripts


def refuse_control_characters(text: str) -> None:
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise ValidationError("Remove the control characters (such as tabs) from what you typed.")


@dataclass(frozen=True)
class Choice:
    slug: str
    name: str
    keys: tuple[str, ...]  # the name_key of each of its names and aliases

    @classmethod
    def of(cls, slug: str, name: str, search_names: str) -> "Choice":
        """From a row's `search_names`, its names and aliases folded (one a line)."""
        keys = dict.fromkeys(map(scripts.name_key, search_names.splitlines()))
        return cls(slug, name, tuple(key for key in keys if key))


@dataclass(frozen=True)
class Suggestions:
    """A `<datalist>`: `id` names it, so the boxes that offer the same list share one."""

    id: str
    choices: tuple[Choice, ...]

    def html(self) -> SafeString:
        # One joined string, not a template per option: hundreds of them on every list page.
        options = "".join(
            f'<option value="{escape(choice.slug)}">{escape(choice.name)}</option>'
            for choice in self.choices
        )
        return mark_safe(f'<datalist id="{escape(self.id)}">{options}</datalist>')


class TypedNameField(forms.CharField):
    """The slug of one of `choices`, typed as its slug or one of its names."""

    def __init__(
        self, *, noun, placeholder, choices=(), suggestions: Suggestions | None = None, **kwargs
    ):
        self.noun, self.placeholder = noun, placeholder
        self.choices = tuple(choices)
        self.suggestions = suggestions
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # a longer entry gets the message, not a cut-off box
        # The suggestions, not what this browser typed before; the select's empty choice.
        attrs.update(autocomplete="off", placeholder=self.placeholder)
        if self.suggestions is not None:
            attrs["list"] = self.suggestions.id
        return attrs

    def name_of(self, slug: str) -> str:
        return next((choice.name for choice in self.choices if choice.slug == slug), slug)

    @cached_property
    def slugs_by_name(self) -> dict[str, list[str]]:
        by_name: dict[str, list[str]] = {}
        for choice in self.choices:
            for key in choice.keys:
                by_name.setdefault(key, []).append(choice.slug)
        return by_name

    def to_python(self, value):
        text = super().to_python(value)
        refuse_control_characters(text)
        if not text or any(choice.slug == text for choice in self.choices):
            return text
        slugs = self.slugs_by_name.get(scripts.name_key(text), [])
        if len(slugs) == 1:
            return slugs[0]
        if slugs:
            raise ValidationError(
                f"Several are called “{text}”: type the slug of the one you mean "
                f"({', '.join(slugs)})."
            )
        raise ValidationError(
            f"No {self.noun} in the published records is called “{text}”. Type a name in "
            "English, Chinese or Hebrew, or choose one of the suggestions."
        )


class TypedNameFilter(django_filters.CharFilter):
    """A filter by a slug that a `TypedNameField` reads; `choices` and `suggestions` are
    set per request (`extra`), from what the public may see."""

    field_class = TypedNameField
