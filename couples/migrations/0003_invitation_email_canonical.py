from django.db import migrations, models


def fill_canonical(apps, schema_editor):
    from accounts.addresses import email_canonical_or_none

    Invitation = apps.get_model("couples", "Invitation")
    for invitation in Invitation.objects.only("pk", "email").iterator():
        # An old address with no canonical form keeps a value no account can match.
        canonical = email_canonical_or_none(invitation.email) or f"invalid:{invitation.pk}"
        Invitation.objects.filter(pk=invitation.pk).update(email_canonical=canonical)


class Migration(migrations.Migration):
    dependencies = [
        ("couples", "0002_membership_couple_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="email_canonical",
            field=models.CharField(db_index=True, default="", max_length=254),
            preserve_default=False,
        ),
        migrations.RunPython(fill_canonical, migrations.RunPython.noop),
    ]
