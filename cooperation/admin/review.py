"""Change forms whose saves go through review when they touch what the public sees.

For someone who may not review (an analyst), saving a change to a public object saves
nothing on it: the change form and its inlines become a proposed change
(cooperation/records/revisions.py), the page says so, and an editor approves or rejects it on
the proposed change's page. Each hook asks `needs_review` of the object as saved in the
database, which the diverted save leaves as it was.
"""

from django.contrib import messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from cooperation.admin.formsets import kept_forms
from cooperation.models import Revision, RevisionStatus
from cooperation.records.revisions import (
    field_values,
    link_fields,
    needs_review,
    propose,
    row_relations,
    row_value,
    snapshot,
    sorted_rows,
)

PROPOSED = "Proposed a change for review."


def submitted(form, formsets) -> dict:
    """What a validated admin change form and its inline formsets would save, unsaved.

    Links and rows the page does not show keep their saved values.
    """
    obj = form.instance
    model = type(obj)
    state = snapshot(model._default_manager.get(pk=obj.pk))
    state["fields"] = field_values(obj)
    links_by_through = {field.remote_field.through: field for field in link_fields(model)}
    rows_by_model = {relation.related_model: relation for relation in row_relations(model)}
    for field in link_fields(model):
        if field.name in form.cleaned_data:
            state["links"][field.name] = sorted(item.pk for item in form.cleaned_data[field.name])
    for formset in formsets:
        kept = [row_form.instance for row_form in kept_forms(formset)]
        if link := links_by_through.get(formset.model):  # rows of a plain many-to-many
            target = f"{link.m2m_reverse_field_name()}_id"
            state["links"][link.name] = sorted(getattr(row, target) for row in kept)
        elif relation := rows_by_model.get(formset.model):
            state["rows"][relation.get_accessor_name()] = sorted_rows(
                [row_value(relation, row) for row in kept]
            )
    return state


def pending_revisions(obj) -> list[Revision]:
    return list(
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            status=RevisionStatus.PENDING,
        ).select_related("proposed_by")
    )


def revision_link(revision: Revision) -> str:
    url = reverse("admin:cooperation_revision_change", args=[revision.pk])
    return format_html('<a href="{}">change #{}</a>', url, revision.pk)


class ReviewedChangesMixin:
    """Mix into a HistoryAdmin (before it) whose objects the public may see."""

    def save_model(self, request, obj, form, change):
        if change and needs_review(user=request.user, obj=obj):
            return  # kept as a proposed change by save_related
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not (change and needs_review(user=request.user, obj=form.instance)):
            super().save_related(request, form, formsets, change)
            return
        revision = propose(
            obj=form.instance,
            state=submitted(form, formsets),
            user=request.user,
            reason=form.cleaned_data.get("change_reason") or "",
        )
        if revision is None:
            self.message_user(request, "Nothing was changed, so nothing goes to review.")
            return
        self.message_user(
            request,
            format_html(
                "Your {} to “{}” waits for an editor's review. Until it is approved the "
                "public site shows the published version.",
                revision_link(revision),
                form.instance,
            ),
            messages.SUCCESS,
        )

    def construct_change_message(self, request, form, formsets, add=False):
        """The admin log's line; a diverted save saved no rows to describe."""
        if add or not needs_review(user=request.user, obj=form.instance):
            return super().construct_change_message(request, form, formsets, add)
        changed = form.has_changed() or any(formset.has_changed() for formset in formsets)
        return PROPOSED if changed else []

    def response_change(self, request, obj):
        if IS_POPUP_VAR in request.POST or not needs_review(user=request.user, obj=obj):
            return super().response_change(request, obj)
        if "_continue" in request.POST:
            return HttpResponseRedirect(request.path)
        return self.response_post_save_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            context = {
                **context,
                "pending_revisions": pending_revisions(obj),
                "saves_go_to_review": needs_review(user=request.user, obj=obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            revisions = Revision.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
            ).select_related("proposed_by", "reviewed_by")
            extra_context = {**(extra_context or {}), "revisions": revisions}
        return super().history_view(request, object_id, extra_context)
