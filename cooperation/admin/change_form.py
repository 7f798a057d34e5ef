"""How a change form reads (templates/admin/cooperation/change_form.html).

A record's form reads like the article it comes from: its title, then who (parties,
places, people), where, when, what, the evidence, and its publication last. Its sections
are one list, `article`, of fieldsets and inlines in that order; Django would show every
fieldset first and every inline after them, so the status would come before the sources.

Each partial date is one box (cooperation/admin/dates.py); how to type one is said once,
at the top of the dates section, not under each box.

A refused form lists at its top each field that is wrong, by its label and with a link to
it, an inline's row by the inline's name and the row's number.
"""

from dataclasses import dataclass

from django.utils.text import capfirst

from cooperation.admin.dates import DATE_BOX_HELP


def dates_section(*boxes: str, before: tuple[str, ...] = ()) -> tuple[str, dict]:
    """The section of the date boxes `boxes`, with how to type a date once at its top;
    `before` are fields that come first (an office's operating status)."""
    return ("When", {"fields": [*before, *boxes], "description": DATE_BOX_HELP})


def fieldsets_of(article: list) -> list:
    return [part for part in article if not isinstance(part, type)]


def inlines_of(article: list) -> list:
    return [part for part in article if isinstance(part, type)]


def article_parts(article: list, adminform, inline_admin_formsets) -> list[tuple[str, object]]:
    """("fieldset", fieldset) and ("inline", inline formset) in the article's order, for
    the template; an inline the user may not see is left out, as Django leaves it out."""
    fieldsets = iter(adminform)  # built from `fieldsets_of(article)`, in its order
    shown = {type(inline.opts): inline for inline in inline_admin_formsets}
    parts = []
    for part in article:
        if not isinstance(part, type):
            parts.append(("fieldset", next(fieldsets)))
        elif part in shown:
            parts.append(("inline", shown[part]))
    return parts


@dataclass(frozen=True)
class WrongField:
    label: str
    anchor: str  # the id of the element the link scrolls to
    messages: list[str]


def field_errors(form, prefix_label: str = "") -> list[WrongField]:
    wrong = []
    for name, messages in form.errors.items():
        if name == "__all__":
            continue
        field = form[name]
        label = capfirst(field.label)
        wrong.append(
            WrongField(
                label=f"{prefix_label}: {label}" if prefix_label else label,
                anchor=field.id_for_label or field.auto_id,
                messages=list(messages),
            )
        )
    return wrong


def error_summary(adminform, inline_admin_formsets) -> list[WrongField]:
    """Each wrong field of a refused change form: the form's own by their labels, then each
    inline's errors, its rules across rows by its name ("Agreement parties") and its rows'
    by the row ("Visit participant 2: Person"). The form's errors that name no field are
    listed by Django right above, under "Please correct the errors below"."""
    wrong = field_errors(adminform.form)
    for inline in inline_admin_formsets:
        formset, opts = inline.formset, inline.opts
        if formset.non_form_errors():
            wrong.append(
                WrongField(
                    label=capfirst(opts.verbose_name_plural),
                    anchor=f"{formset.prefix}-group",
                    messages=list(formset.non_form_errors()),
                )
            )
        for number, form in enumerate(formset.forms, start=1):
            row = f"{capfirst(opts.verbose_name)} {number}"
            if form.non_field_errors():
                wrong.append(
                    WrongField(
                        label=row,
                        anchor=f"{formset.prefix}-{number - 1}",
                        messages=list(form.non_field_errors()),
                    )
                )
            wrong.extend(field_errors(form, row))
    return wrong
