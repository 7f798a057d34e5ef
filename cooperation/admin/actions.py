"""Admin actions: the publishing steps, and merging two duplicates."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from cooperation.records import merging, workflow


def change_status(modeladmin, request, queryset, *, step, status: str, done: str):
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


def status_action(step, *, status: str, description: str, done: str, permission: str):
    """An action named after its publishing step, shown to those with `permission`."""

    @admin.action(description=description, permissions=[permission])
    def action(modeladmin, request, queryset):
        change_status(modeladmin, request, queryset, step=step, status=status, done=done)

    action.__name__ = step.__name__
    return action


submit_for_review, publish, return_to_draft = (
    status_action(step, status=status, description=description, done=done, permission=permission)
    for step, status, description, done, permission in [
        (
            workflow.submit_for_review,
            workflow.REVIEW,
            "Submit for review",
            "submitted for review",
            "change",
        ),
        (workflow.publish, workflow.PUBLISHED, "Publish", "published", "publish"),
        (
            workflow.return_to_draft,
            workflow.DRAFT,
            "Return to draft",
            "returned to draft",
            "change",
        ),
    ]
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
