import django.db.models.deletion
import sentier.core.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("feedback", "0001_surveys"),
        ("feedback", "0002_answers_refuse_changes"),
        ("feedback", "0003_placement_survey"),
    ]

    initial = True

    dependencies = [
        ("network", "0007_service_province_wide"),
        ("participants", "0011_languages_on_the_file"),
        ("reference", "0004_first_nations_odsp_sites"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="ParticipantSurveyResponse",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "moment",
                            models.CharField(
                                choices=[
                                    ("plan_agreed", "Support plan agreed"),
                                    ("plan_ended", "Support plan ended"),
                                    ("referral_completed", "Referral completed"),
                                    ("placement_ended", "PAAS Action participation ended"),
                                ],
                                max_length=24,
                                verbose_name="milestone",
                            ),
                        ),
                        ("subject", models.UUIDField(verbose_name="plan, referral or placement")),
                        ("moment_at", models.DateTimeField(verbose_name="milestone reached on")),
                        (
                            "answered_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="answered on"
                            ),
                        ),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "understood",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="I understood what was offered to me",
                            ),
                        ),
                        (
                            "listened",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="I was listened to",
                            ),
                        ),
                        (
                            "helped",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="The support helped me",
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
                                verbose_name="Overall, I am satisfied",
                            ),
                        ),
                        (
                            "comment",
                            models.TextField(blank=True, max_length=1000, verbose_name="comment"),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "activities",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="The activities were right for me",
                            ),
                        ),
                        (
                            "pace",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="I could go at my own pace",
                            ),
                        ),
                        (
                            "staff",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                null=True,
                                verbose_name="Someone was there to help me when I needed it",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "participant survey answer",
                        "verbose_name_plural": "participant survey answers",
                        "ordering": ["-answered_at", "-id"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("participant", "moment", "subject"),
                                name="one_answer_per_milestone",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("moment", "placement_ended"),
                                        ("activities__isnull", False),
                                        ("pace__isnull", False),
                                        ("staff__isnull", False),
                                        ("understood__isnull", True),
                                        ("listened__isnull", True),
                                        ("helped__isnull", True),
                                    ),
                                    models.Q(
                                        models.Q(("moment", "placement_ended"), _negated=True),
                                        ("understood__isnull", False),
                                        ("listened__isnull", False),
                                        ("helped__isnull", False),
                                        ("activities__isnull", True),
                                        ("pace__isnull", True),
                                        ("staff__isnull", True),
                                    ),
                                    _connector="OR",
                                ),
                                name="survey_questions_match_milestone",
                            ),
                        ],
                        "indexes": [],
                    },
                    bases=(sentier.core.models.AppendOnly, models.Model),
                ),
                migrations.CreateModel(
                    name="PartnerSurveyResponse",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
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
                            "complete",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="The referrals we receive hold what we need to start",
                            ),
                        ),
                        (
                            "timely",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="We have enough time to answer a referral",
                            ),
                        ),
                        (
                            "reachable",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="We can reach the person’s caseworker when we need to",
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
                                verbose_name="Overall, the referral process works well",
                            ),
                        ),
                        (
                            "comment",
                            models.TextField(blank=True, max_length=1000, verbose_name="comment"),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                        (
                            "respondent",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="respondent",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "partner survey answer",
                        "verbose_name_plural": "partner survey answers",
                        "ordering": ["-answered_at", "-id"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("respondent", "period"),
                                name="one_partner_answer_per_quarter",
                            )
                        ],
                        "indexes": [],
                    },
                    bases=(sentier.core.models.AppendOnly, models.Model),
                ),
            ]
        ),
        refuse_changes("feedback_participantsurveyresponse"),  # 0002_answers_refuse_changes
        refuse_changes("feedback_partnersurveyresponse"),  # 0002_answers_refuse_changes
    ]
