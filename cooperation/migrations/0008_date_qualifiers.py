"""Dates as reported: each partial date's "approximate" flag becomes a qualifier, `exact`,
`approximate`, `inferred` or `no_later_than` (cooperation/partial_dates.py).

Forwards, a date that was approximate is `approximate` and every other one `exact`; back,
`approximate` sets the flag and every other qualifier leaves it unset (the flag has no word
for an inferred or "no later than" date). History rows are converted with their records,
so an earlier version still reads as it did.
"""

from django.db import migrations, models
from django.db.models import Q

# Frozen: the partial dates of each model when this migration was written, each as
# (the columns' prefix, the label of its date), and the constraints' prefix.
DATES = {
    "liaisonoffice": ("office", [("announced", "announced"), ("opened", "opened"), ("closed", "closed")]),
    "visit": ("visit", [("start", "start"), ("end", "end")]),
    "agreement": ("agreement", [("signed", "signed"), ("ended", "ended")]),
    "source": ("source", [("published", "publication date")]),
}
REQUIRED = {("visit", "start")}  # a visit's start date was required until 0008
QUALIFIERS = [
    ("exact", "Exact"),
    ("approximate", "Approximate (c.)"),
    ("inferred", "Inferred ([year])"),
    ("no_later_than", "No later than (by)"),
]
DATE_HELP = (
    "Enter the first day of the period the article gives: for “June 2018” enter "
    "2018-06-01 and choose precision “Month”; for “c. 1998” enter 1998-01-01, choose "
    "“Year” and the qualifier “Approximate”."
)
QUALIFIER_HELP = (
    "Exact: the article states the date (“on 5 June 2018”). "
    "Approximate: the article is vague, as “twin cities for the past 20 years” said in "
    "2018, shown “c. 1998”. "
    "Inferred: the article does not state the year and you worked it out from context, as "
    "“from June 5 to 7” in an article of 2018, shown “5-7 June [2018]”. "
    "No later than: the article says only that it had happened by then; use it for "
    "“since 2015” or “already by 2015” when the article does not say when it began, "
    "shown “by 2015”."
)
QUALIFIER_KNOWN = "A date's qualifier is exact, approximate, inferred or “no later than”."
QUALIFIER_NEEDS_DATE = "Only a date can be approximate, inferred or “no later than”."


def dates():
    """(model, its history's model, constraints' prefix, columns' prefix, label) per date."""
    return [
        (model, f"historical{model}", record, name, label)
        for model, (record, names) in DATES.items()
        for name, label in names
    ]


def qualifiers_from_flags(apps, schema_editor):
    for model, history, _, name, _ in dates():
        for model_name in (model, history):
            rows = apps.get_model("cooperation", model_name).objects
            rows.filter(**{f"{name}_approximate": True}).update(
                **{f"{name}_qualifier": "approximate"}
            )


def flags_from_qualifiers(apps, schema_editor):
    for model, history, _, name, _ in dates():
        for model_name in (model, history):
            rows = apps.get_model("cooperation", model_name).objects
            rows.filter(**{f"{name}_qualifier": "approximate"}).update(
                **{f"{name}_approximate": True}
            )


def date_field(model, name, label):
    required = (model, name) in REQUIRED
    return models.DateField(
        blank=not required, null=not required, help_text=DATE_HELP, verbose_name=label
    )


def qualifier_field(label):
    return models.CharField(
        choices=QUALIFIERS,
        default="exact",
        help_text=QUALIFIER_HELP,
        max_length=13,
        verbose_name=f"{label} qualifier",
    )


def constraints(record, name):
    return [
        models.CheckConstraint(
            condition=Q((f"{name}_qualifier__in", [value for value, _ in QUALIFIERS])),
            name=f"{record}_{name}_qualifier_known",
            violation_error_message=QUALIFIER_KNOWN,
        ),
        models.CheckConstraint(
            condition=Q((f"{name}_qualifier", "exact")) | Q((f"{name}_date__isnull", False)),
            name=f"{record}_{name}_qualifier_has_date",
            violation_error_message=QUALIFIER_NEEDS_DATE,
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0007_names_in_three_scripts"),
    ]

    operations = [
        *(
            operation
            for model, history, _, name, label in dates()
            for model_name in (model, history)
            for operation in (
                migrations.AddField(
                    model_name=model_name,
                    name=f"{name}_qualifier",
                    field=qualifier_field(label),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name=f"{name}_date",
                    field=date_field(model, name, label),
                ),
            )
        ),
        migrations.RunPython(qualifiers_from_flags, flags_from_qualifiers),
        *(
            migrations.RemoveField(model_name=model_name, name=f"{name}_approximate")
            for model, history, _, name, _ in dates()
            for model_name in (model, history)
        ),
        *(
            migrations.AddConstraint(model_name=model, constraint=constraint)
            for model, _, record, name, _ in dates()
            for constraint in constraints(record, name)
        ),
    ]
