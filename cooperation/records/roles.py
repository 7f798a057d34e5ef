"""The two admin roles, Analyst and Editor, as groups of permissions.

Analysts add and change everything, and move records between draft and review; a change
to what the public sees waits for review (records/revisions.py). Editors may also
publish, unpublish, delete, revert to an earlier version and approve or reject proposed
changes. Migrations create the groups (each with a frozen copy of its lists);
`define_roles` applies these lists, the current ones, whenever the roles change.
"""

ANALYST = "Analyst"
EDITOR = "Editor"

ENTRIES = [
    "municipality",
    "organization",
    "person",
    "source",
    "sector",
    "liaisonoffice",
    "visit",
    "event",
    "agreement",
]
# The rows that belong to an entry (other names, staff, participants, parties, citations):
# an analyst edits them with the entry.
RECORD_PARTS = [
    "municipalityalias",
    "organizationalias",
    "personalias",
    "officealias",
    "officestaff",
    "visitplace",
    "visitparticipant",
    "agreementparty",
    "agreementsignatory",
    "agreementstatus",
    "officecitation",
    "visitcitation",
    "agreementcitation",
    "eventorganizer",
    "eventparticipant",
    "eventcitation",
]
PUBLISHABLE = ["liaisonoffice", "visit", "event", "agreement"]


def analyst_codenames() -> set[str]:
    return {
        *(f"{action}_{model}" for model in ENTRIES for action in ("view", "add", "change")),
        *(
            f"{action}_{model}"
            for model in RECORD_PARTS
            for action in ("view", "add", "change", "delete")
        ),
        "view_revision",
    }


def editor_codenames() -> set[str]:
    return {
        *analyst_codenames(),
        *(f"delete_{model}" for model in ENTRIES),
        *(f"publish_{model}" for model in PUBLISHABLE),
        # Reverting to a version takes changing it (cooperation/admin/history.py).
        *(f"change_historical{model}" for model in ENTRIES + RECORD_PARTS),
        "review_revision",
    }


def define_roles(apps) -> None:
    """Create or update both groups with exactly their permissions, which must exist."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, codenames in ((ANALYST, analyst_codenames()), (EDITOR, editor_codenames())):
        permissions = permission_model.objects.filter(
            content_type__app_label="cooperation", codename__in=codenames
        )
        missing = codenames - set(permissions.values_list("codename", flat=True))
        if missing:
            raise LookupError(f"Permissions not found for the {name} role: {sorted(missing)}")
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(permissions)
