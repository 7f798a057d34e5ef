"""Names in English, Chinese and Hebrew; other names as rows tagged by language.

Each municipality, organization, person and office had one `native_name` (Chinese or
Hebrew, per `native_language`) and `aliases`, one per line. Now: `name_zh` and `name_he`,
and alias rows whose language is read from their script. The native name goes to the
field of its language; every alias line becomes a row. `search_names` is filled as `Named.save()` fills it,
and PostgreSQL gets a trigram index on it. Historical rows keep their native name in the
field of its language; the alias lines they held are not kept (the current ones are rows).
Backwards, the Chinese name (else the Hebrew one) becomes the native name and the rest
alias lines again.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from cooperation.migrations._roles import granting
from cooperation.scripts import script_language, search_key

NAMED = {
    "municipality": "municipalityalias",
    "organization": "organizationalias",
    "person": "personalias",
    "liaisonoffice": "officealias",
}


# Frozen: what this migration gives each role (analysts edit other names with their owner).
ALIASES = [f"{name}alias" for name in ("municipality", "organization", "person", "office")]
ANALYST = {f"{action}_{model}" for model in ALIASES for action in ("view", "add", "change", "delete")}
EDITOR = ANALYST | {f"change_historical{model}" for model in ALIASES}


def copy_names(apps, schema_editor):
    for model_name, alias_model_name in NAMED.items():
        model = apps.get_model("cooperation", model_name)
        alias_model = apps.get_model("cooperation", alias_model_name)
        for row in model.objects.all():
            if row.native_name:
                field = "name_he" if row.native_language == "he" else "name_zh"
                setattr(row, field, row.native_name)
            lines = [line.strip() for line in row.old_aliases.splitlines()]
            aliases = list(dict.fromkeys(line for line in lines if line))  # each once, in order
            for line in aliases:
                alias_model.objects.create(
                    owner=row, name=line, language=script_language(line) or "en"
                )
            row.search_names = search_key([row.name, row.name_zh, row.name_he, *aliases])
            row.save(update_fields=["name_zh", "name_he", "search_names"])
        history = apps.get_model("cooperation", f"historical{model_name}")
        for language, field in (("zh", "name_zh"), ("he", "name_he")):
            history.objects.filter(native_language=language).update(
                **{field: models.F("native_name")}
            )


def copy_names_back(apps, schema_editor):
    for model_name in NAMED:
        model = apps.get_model("cooperation", model_name)
        for row in model.objects.all():
            aliases = list(row.aliases.order_by("pk").values_list("name", flat=True))
            native = row.name_zh or row.name_he
            row.native_name = native
            row.native_language = "zh" if row.name_zh else ("he" if row.name_he else "")
            if row.name_zh and row.name_he:
                aliases.append(row.name_he)
            row.old_aliases = "\n".join(aliases)
            row.save(update_fields=["native_name", "native_language", "old_aliases"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in NAMED:
        table = f"cooperation_{model_name}"
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{model_name}_search_names_trgm" ON "{table}" '
            "USING gin (search_names gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in NAMED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{model_name}_search_names_trgm"')


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0006_revisions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name="liaisonoffice",
            old_name="aliases",
            new_name="old_aliases",
        ),
        migrations.RenameField(
            model_name="municipality",
            old_name="aliases",
            new_name="old_aliases",
        ),
        migrations.RenameField(
            model_name="organization",
            old_name="aliases",
            new_name="old_aliases",
        ),
        migrations.RenameField(
            model_name="person",
            old_name="aliases",
            new_name="old_aliases",
        ),
        migrations.AddField(
            model_name="historicalliaisonoffice",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="historicalliaisonoffice",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="historicalliaisonoffice",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="historicalmunicipality",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="historicalmunicipality",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="historicalmunicipality",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="historicalorganization",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="historicalorganization",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="historicalorganization",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="liaisonoffice",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="liaisonoffice",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="liaisonoffice",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="municipality",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="municipality",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="municipality",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="organization",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="person",
            name="name_he",
            field=models.CharField(
                blank=True,
                help_text="Without vowel points, e.g. חיפה.",
                max_length=200,
                verbose_name="Hebrew name",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="name_zh",
            field=models.CharField(
                blank=True,
                help_text="In simplified characters, e.g. 北京; traditional forms are found as well.",
                max_length=200,
                verbose_name="Chinese name",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AlterField(
            model_name="historicalliaisonoffice",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmunicipality",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="historicalorganization",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="historicalperson",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="liaisonoffice",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="municipality",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="name",
            field=models.CharField(
                help_text="The usual English name.", max_length=200, verbose_name="English name"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalMunicipalityAlias",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cooperation.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical other name of a municipality",
                "verbose_name_plural": "historical other name of a municipalitys",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOfficeAlias",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cooperation.liaisonoffice",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical other name of an office",
                "verbose_name_plural": "historical other name of an offices",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrganizationAlias",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cooperation.organization",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical other name of an organization",
                "verbose_name_plural": "historical other name of an organizations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPersonAlias",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cooperation.person",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical other name of a person",
                "verbose_name_plural": "historical other name of a persons",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="MunicipalityAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="cooperation.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "other name of a municipality",
                "ordering": ["pk"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "name"),
                        name="municipality_alias_once",
                        violation_error_message="It already has this other name.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OfficeAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="cooperation.liaisonoffice",
                    ),
                ),
            ],
            options={
                "verbose_name": "other name of an office",
                "ordering": ["pk"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "name"),
                        name="office_alias_once",
                        violation_error_message="It already has this other name.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OrganizationAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="cooperation.organization",
                    ),
                ),
            ],
            options={
                "verbose_name": "other name of an organization",
                "ordering": ["pk"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "name"),
                        name="organization_alias_once",
                        violation_error_message="It already has this other name.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="PersonAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                (
                    "language",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("en", "English or another Latin spelling"),
                            ("zh", "Chinese"),
                            ("he", "Hebrew"),
                            ("other", "Other"),
                        ],
                        help_text="Leave empty to read it from the script: Chinese characters, Hebrew letters, else English or another Latin spelling.",
                        max_length=5,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="cooperation.person",
                    ),
                ),
            ],
            options={
                "verbose_name": "other name of a person",
                "ordering": ["pk"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "name"),
                        name="person_alias_once",
                        violation_error_message="It already has this other name.",
                    )
                ],
            },
        ),
        migrations.RunPython(copy_names, copy_names_back),
        migrations.RemoveField(
            model_name="historicalliaisonoffice",
            name="aliases",
        ),
        migrations.RemoveField(
            model_name="historicalliaisonoffice",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="historicalliaisonoffice",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="historicalmunicipality",
            name="aliases",
        ),
        migrations.RemoveField(
            model_name="historicalmunicipality",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="historicalmunicipality",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="historicalorganization",
            name="aliases",
        ),
        migrations.RemoveField(
            model_name="historicalorganization",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="historicalorganization",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="historicalperson",
            name="aliases",
        ),
        migrations.RemoveField(
            model_name="historicalperson",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="historicalperson",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="liaisonoffice",
            name="old_aliases",
        ),
        migrations.RemoveField(
            model_name="liaisonoffice",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="liaisonoffice",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="municipality",
            name="old_aliases",
        ),
        migrations.RemoveField(
            model_name="municipality",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="municipality",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="organization",
            name="old_aliases",
        ),
        migrations.RemoveField(
            model_name="organization",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="organization",
            name="native_name",
        ),
        migrations.RemoveField(
            model_name="person",
            name="old_aliases",
        ),
        migrations.RemoveField(
            model_name="person",
            name="native_language",
        ),
        migrations.RemoveField(
            model_name="person",
            name="native_name",
        ),
        migrations.RunPython(create_index, drop_index),
        granting(analyst=ANALYST, editor=EDITOR),
    ]
