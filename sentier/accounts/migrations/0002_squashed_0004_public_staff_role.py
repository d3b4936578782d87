import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("accounts", "0002_initial"),
        ("accounts", "0003_participant_page_languages"),
        ("accounts", "0004_public_staff_role"),
    ]

    initial = True

    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("network", "0001_initial"),
        ("reference", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="organization",
            field=models.ForeignKey(
                blank=True,
                help_text="For partner staff: the organization they work for.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="staff",
                to="network.organization",
                verbose_name="organization",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="region",
            field=models.ForeignKey(
                blank=True,
                help_text="For caseworkers and coordinators: the region they serve.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="staff",
                to="reference.region",
                verbose_name="region",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="user_permissions",
            field=models.ManyToManyField(
                blank=True,
                help_text="Specific permissions for this user.",
                related_name="user_set",
                related_query_name="user",
                to="auth.permission",
                verbose_name="user permissions",
            ),
        ),
        migrations.AddField(
            model_name="historicaluser",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicaluser",
            name="organization",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For partner staff: the organization they work for.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="network.organization",
                verbose_name="organization",
            ),
        ),
        migrations.AddField(
            model_name="historicaluser",
            name="region",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For caseworkers and coordinators: the region they serve.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="reference.region",
                verbose_name="region",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("role", "caseworker"), _negated=True),
                    ("region__isnull", False),
                    _connector="OR",
                ),
                name="caseworker_has_region",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("role", "coordinator"), _negated=True),
                    ("region__isnull", False),
                    _connector="OR",
                ),
                name="coordinator_has_region",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("role", "partner_staff"), _negated=True),
                    ("organization__isnull", False),
                    _connector="OR",
                ),
                name="partner_staff_has_organization",
            ),
        ),
        migrations.AlterField(
            model_name="historicaluser",
            name="preferred_language",
            field=models.CharField(
                choices=[
                    ("fr-ca", "Français"),
                    ("en-ca", "English"),
                    ("es", "Español"),
                    ("ar", "العربية"),
                    ("ht", "Kreyòl ayisyen"),
                ],
                default="fr-ca",
                max_length=8,
                verbose_name="preferred language",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(
                choices=[
                    ("fr-ca", "Français"),
                    ("en-ca", "English"),
                    ("es", "Español"),
                    ("ar", "العربية"),
                    ("ht", "Kreyòl ayisyen"),
                ],
                default="fr-ca",
                max_length=8,
                verbose_name="preferred language",
            ),
        ),
        migrations.AlterField(
            model_name="historicaluser",
            name="role",
            field=models.CharField(
                choices=[
                    ("participant", "Participant"),
                    ("caseworker", "Caseworker"),
                    ("coordinator", "Ministry coordinator"),
                    ("partner_staff", "Partner organization staff"),
                    ("public_staff", "Public network staff"),
                    ("analyst", "Program analyst"),
                    ("administrator", "Administrator"),
                ],
                max_length=20,
                verbose_name="role",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="role",
            field=models.CharField(
                choices=[
                    ("participant", "Participant"),
                    ("caseworker", "Caseworker"),
                    ("coordinator", "Ministry coordinator"),
                    ("partner_staff", "Partner organization staff"),
                    ("public_staff", "Public network staff"),
                    ("analyst", "Program analyst"),
                    ("administrator", "Administrator"),
                ],
                max_length=20,
                verbose_name="role",
            ),
        ),
    ]
