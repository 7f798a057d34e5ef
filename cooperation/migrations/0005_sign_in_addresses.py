"""Every failed sign-in has an address: sinoisrael/client_address.py always gives one now.

Rows written without one (X-Forwarded-For that could not be read, or no REMOTE_ADDR) get
0.0.0.0, the address now used for a connection the server did not say the origin of,
so they still count towards their account's lock until they age out.
"""

from django.db import migrations, models

# Frozen here: sinoisrael.client_address.UNKNOWN_PEER when this migration was written.
UNKNOWN_PEER = "0.0.0.0"


def give_every_failure_an_address(apps, schema_editor):
    FailedLogin = apps.get_model("cooperation", "FailedLogin")
    FailedLogin.objects.filter(address__isnull=True).update(address=UNKNOWN_PEER)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0004_search_indexes"),
    ]

    operations = [
        migrations.RunPython(give_every_failure_an_address, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="failedlogin",
            name="address",
            field=models.GenericIPAddressField(
                db_index=True,
                help_text="The client's, read through the trusted proxies; 0.0.0.0 when the "
                "server was not told who connected.",
                verbose_name="IP address",
            ),
        ),
    ]
