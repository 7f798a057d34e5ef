"""Admin actions: the publishing steps, and merging two duplicates."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from cooperation.records import merging, workflow


def change_status(modeladmin, request, queryset, *, step, status: str, done: str):
    """Take `step` for each selected record not already at `status`, and say what happened."""
    changed, refused = 0, []
    for record in queryset.exclude(status=status):
        try:
            step(record=record, user=request.user)
        except ValidationError as error:
            refused.append(f"“{record}”: {' '.join(error.messages)}")
        else:
            changed += 1
    if changed:
        noun = modeladmin.opts.verbose_name if changed == 1 else modeladmin.opts.verbose_name_plural
        modeladmin.message_user(request, f"{changed} {noun} {done}.", messages.SUCCESS)
    if refused:
        modeladmin.message_user(request, "Not changed: " + " ".join(refused), messages.ERROR)


@admin.action(description="Submit for review", permissions=["change"])
def submit_for_review(modeladmin, request, queryset):
    change_status(
        modeladmin,
        request,
        queryset,
        step=workflow.submit_for_review,
        status=workflow.REVIEW,
        done="submitted for review",
    )


@admin.action(description="Publish", permissions=["publish"])
def publish(modeladmin, request, queryset):
    change_status(
        modeladmin,
        request,
        queryset,
        step=workflow.publish,
        status=workflow.PUBLISHED,
        done="published",
    )


@admin.action(description="Return to draft", permissions=["change"])
def return_to_draft(modeladmin, request, queryset):
    change_status(
        modeladmin,
        request,
        queryset,
        step=workflow.return_to_draft,
        status=workflow.DRAFT,
        done="returned to draft",
    )


# Merging deletes the duplicate, so it takes the permission to delete (editors).
@admin.action(description="Merge the two selected into one", permissions=["delete"])
def merge_two(modeladmin, request, queryset):
    opts = modeladmin.opts
    records = list(queryset)
    if len(records) != 2:
        modeladmin.message_user(
            request, f"Select exactly two {opts.verbose_name_plural} to merge.", messages.ERROR
        )
        return None
    keep_pk = request.POST.get("keep")
    if keep_pk is None:
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge two {opts.verbose_name_plural}",
            "opts": opts,
            "records": [(record, merging.link_count(record)) for record in records],
            "action": request.POST.get("action"),
        }
        return TemplateResponse(request, "admin/cooperation/merge_confirmation.html", context)
    keep, remove = records if str(records[0].pk) == keep_pk else reversed(records)
    try:
        moved = merging.merge(keep=keep, remove=remove, user=request.user)
    except ValidationError as error:
        modeladmin.message_user(request, "Not merged: " + " ".join(error.messages), messages.ERROR)
    else:
        modeladmin.message_user(
            request,
            f"Merged “{remove}” into “{keep}”: {moved} links moved, its names kept as aliases.",
            messages.SUCCESS,
        )
    return None
