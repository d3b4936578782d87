"""The survey after a PAAS Action participation: its moment, its three questions of its own, and
the check that each answer holds its milestone's questions only."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_answers_refuse_changes"),
        ("participants", "0011_languages_on_the_file"),
    ]

    operations = [
        migrations.AddField(
            model_name="participantsurveyresponse",
            name="activities",
            field=models.PositiveSmallIntegerField(
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
        migrations.AddField(
            model_name="participantsurveyresponse",
            name="pace",
            field=models.PositiveSmallIntegerField(
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
        migrations.AddField(
            model_name="participantsurveyresponse",
            name="staff",
            field=models.PositiveSmallIntegerField(
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
        migrations.AlterField(
            model_name="participantsurveyresponse",
            name="helped",
            field=models.PositiveSmallIntegerField(
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
        migrations.AlterField(
            model_name="participantsurveyresponse",
            name="listened",
            field=models.PositiveSmallIntegerField(
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
        migrations.AlterField(
            model_name="participantsurveyresponse",
            name="moment",
            field=models.CharField(
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
        migrations.AlterField(
            model_name="participantsurveyresponse",
            name="subject",
            field=models.UUIDField(verbose_name="plan, referral or placement"),
        ),
        migrations.AlterField(
            model_name="participantsurveyresponse",
            name="understood",
            field=models.PositiveSmallIntegerField(
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
        migrations.AddConstraint(
            model_name="participantsurveyresponse",
            constraint=models.CheckConstraint(
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
        ),
    ]
