"""A visit whose date no article gives can be recorded: its start date may be empty.

The model's ordering, latest first, lists such a visit after the dated ones on PostgreSQL
too (where a descending order puts empty values first), and an end date needs a start.
Going back needs every visit dated: the database then refuses an empty start, rather than
this migration inventing one.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0008_date_qualifiers'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='visit',
            options={'ordering': [models.OrderBy(models.F('start_date'), descending=True, nulls_last=True), 'title'], 'permissions': [('publish_visit', 'Can publish and unpublish visits')]},
        ),
        migrations.AlterField(
            model_name='historicalvisit',
            name='start_date',
            field=models.DateField(blank=True, help_text='Enter the first day of the period the article gives: for “June 2018” enter 2018-06-01 and choose precision “Month”; for “c. 1998” enter 1998-01-01, choose “Year” and the qualifier “Approximate”.', null=True, verbose_name='start'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='start_date',
            field=models.DateField(blank=True, help_text='Enter the first day of the period the article gives: for “June 2018” enter 2018-06-01 and choose precision “Month”; for “c. 1998” enter 1998-01-01, choose “Year” and the qualifier “Approximate”.', null=True, verbose_name='start'),
        ),
        migrations.AddConstraint(
            model_name='visit',
            constraint=models.CheckConstraint(condition=models.Q(('end_date__isnull', True), ('start_date__isnull', False), _connector='OR'), name='visit_end_needs_start', violation_error_message='A visit with an end date needs a start date.'),
        ),
    ]
