"""A visit's places and bodies as rows with a role (from, to, hosted by, invited by), each a
municipality or an organization, instead of one origin municipality and destination
municipalities. Each visit's origin becomes its first "from" row and each destination a "to"
row. Backwards, the first municipality "from" becomes the origin again and the municipality
"to" rows the destinations; a visit that comes only from organizations cannot go back.
Historical versions of visits lose their origin (the rows keep a history of their own from
now on).
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from cooperation.migrations._roles import granting

# Frozen: what this migration gives each role (analysts edit a visit's places with it).
ANALYST = {f"{action}_visitplace" for action in ("view", "add", "change", "delete")}
EDITOR = ANALYST | {"change_historicalvisitplace"}


def copy_places(apps, schema_editor):
    visit_model = apps.get_model("cooperation", "Visit")
    place_model = apps.get_model("cooperation", "VisitPlace")
    for visit in visit_model.objects.order_by("pk"):
        place_model.objects.create(visit=visit, role="origin", municipality_id=visit.origin_id)
        for place in visit.destinations.order_by("pk"):
            place_model.objects.create(visit=visit, role="destination", municipality=place)


def copy_places_back(apps, schema_editor):
    visit_model = apps.get_model("cooperation", "Visit")
    place_model = apps.get_model("cooperation", "VisitPlace")
    for visit in visit_model.objects.order_by("pk"):
        places = place_model.objects.filter(visit=visit, municipality__isnull=False).order_by("pk")
        origin = places.filter(role="origin").first()
        if origin is None:
            raise RuntimeError(
                f"Visit {visit.pk} ({visit.title}) comes from no municipality: give it one "
                "before migrating back."
            )
        visit.origin_id = origin.municipality_id
        visit.save(update_fields=["origin"])
        visit.destinations.set(
            [place.municipality_id for place in places.filter(role="destination")]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0009_visit_date_unknown'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalVisitPlace',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('origin', 'From'), ('destination', 'To'), ('host', 'Hosted by'), ('inviter', 'Invited by')], max_length=12)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('municipality', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cooperation.municipality')),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cooperation.organization')),
                ('visit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cooperation.visit')),
            ],
            options={
                'verbose_name': 'historical place or body of a visit',
                'verbose_name_plural': 'historical places and bodies of visits',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='VisitPlace',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('origin', 'From'), ('destination', 'To'), ('host', 'Hosted by'), ('inviter', 'Invited by')], max_length=12)),
                ('municipality', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='visit_places', to='cooperation.municipality')),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='visit_places', to='cooperation.organization')),
                ('visit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='places', to='cooperation.visit')),
            ],
            options={
                'verbose_name': 'place or body of a visit',
                'verbose_name_plural': 'places and bodies of visits',
                'ordering': ['pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='visitplace',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('municipality__isnull', False), ('organization__isnull', True)), models.Q(('municipality__isnull', True), ('organization__isnull', False)), _connector='OR'), name='visit_place_is_one_thing', violation_error_message='A place is either a municipality or an organization.'),
        ),
        migrations.AddConstraint(
            model_name='visitplace',
            constraint=models.UniqueConstraint(condition=models.Q(('municipality__isnull', False)), fields=('visit', 'role', 'municipality'), name='visit_municipality_once_per_role', violation_error_message='This municipality is already listed in this role.'),
        ),
        migrations.AddConstraint(
            model_name='visitplace',
            constraint=models.UniqueConstraint(condition=models.Q(('organization__isnull', False)), fields=('visit', 'role', 'organization'), name='visit_organization_once_per_role', violation_error_message='This organization is already listed in this role.'),
        ),
        migrations.AlterField(
            model_name="visit",
            name="origin",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="visits_out",
                to="cooperation.municipality",
            ),
        ),
        migrations.RunPython(copy_places, copy_places_back),
        migrations.RemoveField(
            model_name='historicalvisit',
            name='origin',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='destinations',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='origin',
        ),
        migrations.DeleteModel(
            name='HistoricalVisit_destinations',
        ),
        granting(analyst=ANALYST, editor=EDITOR),
    ]
