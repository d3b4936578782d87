"""The Ontario sites' quarterly survey (issue 17): append-only, refused changes on PostgreSQL."""

import django.db.models.deletion
import sentier.core.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [
        ("ontario", "0009_office_postal_address"),
        ("reference", "0005_program_assistance"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteSurveyResponse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("period", models.CharField(max_length=7, verbose_name="quarter")),
                (
                    "answered_at",
                    models.DateTimeField(
                        auto_now_add=True, db_index=True, verbose_name="answered on"
                    ),
                ),
                ("language", models.CharField(max_length=8, verbose_name="language")),
                (
                    "informed",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Strongly disagree"),
                            (2, "Disagree"),
                            (3, "Neither agree nor disagree"),
                            (4, "Agree"),
                            (5, "Strongly agree"),
                        ],
                        verbose_name="We know which of our clients were referred to Employment Ontario at grant time",
                    ),
                ),
                (
                    "supported",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Strongly disagree"),
                            (2, "Disagree"),
                            (3, "Neither agree nor disagree"),
                            (4, "Agree"),
                            (5, "Strongly agree"),
                        ],
                        verbose_name="Clients referred at grant time still get the full range of our supports",
                    ),
                ),
                (
                    "targets",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Strongly disagree"),
                            (2, "Disagree"),
                            (3, "Neither agree nor disagree"),
                            (4, "Agree"),
                            (5, "Strongly agree"),
                        ],
                        verbose_name="Our targets still fit the clients we can refer ourselves",
                    ),
                ),
                (
                    "ministry",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Strongly disagree"),
                            (2, "Disagree"),
                            (3, "Neither agree nor disagree"),
                            (4, "Agree"),
                            (5, "Strongly agree"),
                        ],
                        verbose_name="The ministry’s operational supports answer our questions",
                    ),
                ),
                (
                    "overall",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "Strongly disagree"),
                            (2, "Disagree"),
                            (3, "Neither agree nor disagree"),
                            (4, "Agree"),
                            (5, "Strongly agree"),
                        ],
                        verbose_name="Overall, the new referral pathways work well for our clients",
                    ),
                ),
                ("comment", models.TextField(blank=True, max_length=1000, verbose_name="comment")),
                (
                    "respondent",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="answered by",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="reference.region",
                        verbose_name="site",
                    ),
                ),
            ],
            options={
                "verbose_name": "site survey answer",
                "verbose_name_plural": "site survey answers",
                "ordering": ["-period", "-answered_at", "-id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "period"), name="one_site_answer_per_quarter"
                    )
                ],
            },
            bases=(sentier.core.models.AppendOnly, models.Model),
        ),
        refuse_changes("ontario_sitesurveyresponse"),
    ]
