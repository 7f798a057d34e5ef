"""The editors' review screen: each proposed change side by side with what the public sees,
approved or rejected with a note. Analysts see their changes and the decisions."""

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst

from cooperation.admin.base import ReadableSelectionMixin
from cooperation.models import Revision
from cooperation.records.revisions import (
    approve,
    link_fields,
    may_review,
    own_fields,
    reject,
    row_fields,
    row_relations,
    snapshot,
)

EMPTY = "—"


class DecisionForm(forms.Form):
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Kept with the decision; needed to reject (the author reads it).",
    )


@dataclass(frozen=True)
class ChangedPart:
    label: str
    published: list[str]
    proposed: list[str]
    changed_since: bool  # the published value is not what the change was proposed against


def shown(field, value) -> str:
    """A stored value as an editor reads it: names for links, labels for choices."""
    if value in (None, ""):
        return EMPTY
    if field.is_relation:
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target else f"(deleted, #{value})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    return str(value)


def shown_row(relation, row: dict) -> str:
    return ", ".join(
        shown(field, row.get(field.attname))
        for field in row_fields(relation)
        if row.get(field.attname) not in (None, "")
    )


def names_of(model, ids: list[int]) -> list[str]:
    return [str(item) for item in model._default_manager.filter(pk__in=ids)] or [EMPTY]


def changed_parts(revision: Revision, current: dict) -> list[ChangedPart]:
    """Each part the revision changes: as published now and as proposed."""
    model = revision.content_type.model_class()
    base, proposed = revision.base, revision.proposed
    parts = []
    for field in own_fields(model):
        name = field.attname
        if name in proposed.get("fields", {}):
            parts.append(
                ChangedPart(
                    capfirst(field.verbose_name),
                    [shown(field, current["fields"].get(name))],
                    [shown(field, proposed["fields"][name])],
                    current["fields"].get(name) != base["fields"][name],
                )
            )
    for field in link_fields(model):
        if field.name in proposed.get("links", {}):
            parts.append(
                ChangedPart(
                    capfirst(field.verbose_name),
                    names_of(field.related_model, current["links"][field.name]),
                    names_of(field.related_model, proposed["links"][field.name]),
                    current["links"][field.name] != base["links"][field.name],
                )
            )
    for relation in row_relations(model):
        accessor = relation.get_accessor_name()
        if accessor in proposed.get("rows", {}):
            parts.append(
                ChangedPart(
                    capfirst(relation.related_model._meta.verbose_name_plural),
                    [shown_row(relation, row) for row in current["rows"][accessor]] or [EMPTY],
                    [shown_row(relation, row) for row in proposed["rows"][accessor]] or [EMPTY],
                    current["rows"][accessor] != base["rows"][accessor],
                )
            )
    return parts


@admin.register(Revision)
class RevisionAdmin(ReadableSelectionMixin, admin.ModelAdmin):
    list_display = ["number", "target", "content_type", "proposed_by", "proposed_at", "status"]
    list_filter = ["status", ("content_type", admin.RelatedOnlyFieldListFilter), "proposed_by"]
    list_select_related = ["content_type", "proposed_by"]
    search_fields = ["reason", "review_note", "proposed_by__username"]
    date_hierarchy = "proposed_at"
    actions = None

    @admin.display(description="Change", ordering="pk")
    def number(self, revision):
        return f"#{revision.pk}"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("target")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return may_review(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, unquote(object_id))
        if revision is None or not self.has_view_permission(request, revision):
            raise Http404("No such proposed change.")
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            if not self.has_change_permission(request, revision):
                raise PermissionDenied("Only editors approve or reject proposed changes.")
            if form.is_valid():
                response = self.decide(request, revision, form)
                if response is not None:
                    return response
        target = revision.target
        context = {
            **self.admin_site.each_context(request),
            **(extra_context or {}),
            "title": str(revision),
            "opts": self.opts,
            "revision": revision,
            "target": target,
            "target_url": target
            and reverse(
                f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk]
            ),
            "parts": changed_parts(revision, snapshot(target)) if target else [],
            "preview_url": (
                f"{target.get_absolute_url()}?revision={revision.pk}"
                if target is not None and hasattr(target, "get_absolute_url")
                else None
            ),
            "form": form,
            "may_decide": revision.is_pending and self.has_change_permission(request, revision),
        }
        return TemplateResponse(request, "admin/cooperation/revision_review.html", context)

    def decide(self, request, revision, form):
        """Approve or reject as the button says; a refusal stays on the page with its
        reason."""
        note = form.cleaned_data["note"]
        try:
            if "_approve" in request.POST:
                approve(revision=revision, user=request.user, note=note)
                done = "approved: the public site shows it now"
            else:
                reject(revision=revision, user=request.user, note=note)
                done = "rejected"
        except ValidationError as error:
            form.add_error(None, error)
            return None
        self.message_user(request, f"{revision} {done}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:cooperation_revision_changelist"))
