"""Sign-in addresses: every failed sign-in has one, and the known ones are remembered.

sinoisrael/client_address.py always gives an address now. Failed sign-ins written without
one (X-Forwarded-For that could not be read, or no REMOTE_ADDR) get
0.0.0.0, the address now used for a connection the server did not say the origin of,
so they still count towards their account's lock until they age out.

KnownSignInAddress remembers where each account signed in successfully, so that others'
failures do not lock it there (cooperation/login_throttle.py).
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
        migrations.CreateModel(
            name="KnownSignInAddress",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        help_text="Case-folded, as in failed sign-ins.", max_length=150
                    ),
                ),
                ("address", models.GenericIPAddressField(verbose_name="IP address")),
                (
                    "signed_in_at",
                    models.DateTimeField(db_index=True, verbose_name="last signed in"),
                ),
            ],
            options={
                "verbose_name": "known sign-in address",
                "ordering": ["username", "address"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("username", "address"), name="known_sign_in_address_once"
                    )
                ],
            },
        ),
    ]
