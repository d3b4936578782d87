from typing import Any

import django.db.models.deletion
import sentier.plans.models
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels

# From 0002_seed_difficulties: the examples of difficulties from 001 (QUESTIONS – RÉPONSES).
SOURCE = "001_415f001b499895c5.txt — QUESTIONS – RÉPONSES"

DIFFICULTIES = [
    (
        "housing",
        "Itinérance ou difficulté d'accès à un logement salubre et adéquat",
        "Homelessness or no access to safe, adequate housing",
    ),
    (
        "addiction",
        "Dépendance à l'alcool, à la drogue, au jeu",
        "Addiction to alcohol, drugs or gambling",
    ),
    (
        "mental_health",
        "Troubles de la personnalité, troubles du comportement, troubles anxieux",
        "Personality, behaviour or anxiety disorders",
    ),
    (
        "loss_of_spouse",
        "Perte d'un conjoint (séparation, divorce, décès)",
        "Loss of a spouse (separation, divorce, death)",
    ),
    (
        "loss_of_child",
        "Décès ou perte de la garde d'un enfant",
        "Death of a child or loss of custody",
    ),
    (
        "violence",
        "Violence conjugale, agression ou exploitation sexuelle",
        "Domestic violence, sexual assault or exploitation",
    ),
    ("debt", "Endettement excessif", "Excessive debt"),
]


def seed(apps: Any, schema_editor: Any) -> None:
    Difficulty = apps.get_model("plans", "Difficulty")
    for position, (code, name_fr, name_en) in enumerate(DIFFICULTIES, start=1):
        Difficulty.objects.update_or_create(
            code=code,
            defaults={
                "name_fr": name_fr,
                "name_en": name_en,
                "position": position * 10,
                "source": SOURCE,
            },
        )


class Migration(migrations.Migration):
    replaces = [
        ("plans", "0001_initial"),
        ("plans", "0002_seed_difficulties"),
        ("plans", "0003_transitions_kept_when_a_plan_is_deleted"),
        ("plans", "0004_transition_log_refuses_changes"),
        ("plans", "0005_shared_with_organizations"),
        ("plans", "0006_follow_up_mobile_agent_visit"),
    ]

    initial = True

    dependencies = [
        ("decisions", "0002_history"),
        ("network", "0007_service_province_wide"),
        ("participants", "0006_more_event_kinds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Difficulty",
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
                        ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                        ("name_fr", models.CharField(max_length=200, verbose_name="name (French)")),
                        (
                            "name_en",
                            models.CharField(max_length=200, verbose_name="name (English)"),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        ("active", models.BooleanField(default=True, verbose_name="offered")),
                        (
                            "source",
                            models.CharField(blank=True, max_length=200, verbose_name="source"),
                        ),
                    ],
                    options={
                        "verbose_name": "difficulty",
                        "verbose_name_plural": "difficulties",
                        "ordering": ["position", "code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="CalendarFeed",
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
                        (
                            "token",
                            models.CharField(
                                default=sentier.plans.models.new_feed_token,
                                max_length=64,
                                unique=True,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="plan_calendar_feed",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalSupportPlan",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("requested", "Requested"),
                                    ("ineligible", "Not eligible"),
                                    ("proposed", "Proposed"),
                                    ("declined", "Declined by the person"),
                                    ("active", "In progress"),
                                    ("extension_requested", "Extension requested"),
                                    ("ended", "Ended"),
                                    ("completed", "Completed"),
                                ],
                                default="requested",
                                max_length=24,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "origin",
                            models.CharField(
                                choices=[
                                    ("requested", "Requested by the person"),
                                    ("proposed", "Proposed by the caseworker"),
                                ],
                                max_length=12,
                                verbose_name="origin",
                            ),
                        ),
                        (
                            "request_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="channel of the request",
                            ),
                        ),
                        (
                            "request_note",
                            models.TextField(blank=True, verbose_name="what the person said"),
                        ),
                        (
                            "other_difficulty",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="other difficulty"
                            ),
                        ),
                        (
                            "purpose",
                            models.TextField(
                                blank=True,
                                verbose_name="what the plan is for, in the person's words",
                            ),
                        ),
                        (
                            "started_on",
                            models.DateField(blank=True, null=True, verbose_name="started on"),
                        ),
                        (
                            "planned_end_on",
                            models.DateField(blank=True, null=True, verbose_name="planned end"),
                        ),
                        (
                            "agreement_summary",
                            models.TextField(
                                blank=True, verbose_name="plain-language summary agreed to"
                            ),
                        ),
                        (
                            "agreement_version",
                            models.CharField(
                                blank=True, max_length=20, verbose_name="summary version"
                            ),
                        ),
                        (
                            "agreement_language",
                            models.CharField(
                                blank=True, max_length=8, verbose_name="summary language"
                            ),
                        ),
                        (
                            "agreed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="agreed on"),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement channel",
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
                        ),
                        (
                            "end_reason",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("participant_choice", "The person chose to end it"),
                                    ("objectives_attained", "Objectives attained"),
                                    ("objectives_not_attained", "Objectives not attained"),
                                    ("caseworker", "Ended by the caseworker"),
                                    ("evolved_to_service_plan", "Evolved into a service plan"),
                                ],
                                max_length=30,
                                verbose_name="end reason",
                            ),
                        ),
                        ("end_note", models.TextField(blank=True, verbose_name="end note")),
                        ("version", models.PositiveIntegerField(default=1, verbose_name="version")),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="created on"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "caseworker",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="caseworker",
                            ),
                        ),
                        (
                            "decision",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="decisions.decision",
                                verbose_name="eligibility decision",
                            ),
                        ),
                        (
                            "ended_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ended by",
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
                            "participant",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical personalized support plan",
                        "verbose_name_plural": "historical personalized support plans",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="SupportPlan",
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
                            "status",
                            models.CharField(
                                choices=[
                                    ("requested", "Requested"),
                                    ("ineligible", "Not eligible"),
                                    ("proposed", "Proposed"),
                                    ("declined", "Declined by the person"),
                                    ("active", "In progress"),
                                    ("extension_requested", "Extension requested"),
                                    ("ended", "Ended"),
                                    ("completed", "Completed"),
                                ],
                                default="requested",
                                max_length=24,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "origin",
                            models.CharField(
                                choices=[
                                    ("requested", "Requested by the person"),
                                    ("proposed", "Proposed by the caseworker"),
                                ],
                                max_length=12,
                                verbose_name="origin",
                            ),
                        ),
                        (
                            "request_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="channel of the request",
                            ),
                        ),
                        (
                            "request_note",
                            models.TextField(blank=True, verbose_name="what the person said"),
                        ),
                        (
                            "other_difficulty",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="other difficulty"
                            ),
                        ),
                        (
                            "purpose",
                            models.TextField(
                                blank=True,
                                verbose_name="what the plan is for, in the person's words",
                            ),
                        ),
                        (
                            "started_on",
                            models.DateField(blank=True, null=True, verbose_name="started on"),
                        ),
                        (
                            "planned_end_on",
                            models.DateField(blank=True, null=True, verbose_name="planned end"),
                        ),
                        (
                            "agreement_summary",
                            models.TextField(
                                blank=True, verbose_name="plain-language summary agreed to"
                            ),
                        ),
                        (
                            "agreement_version",
                            models.CharField(
                                blank=True, max_length=20, verbose_name="summary version"
                            ),
                        ),
                        (
                            "agreement_language",
                            models.CharField(
                                blank=True, max_length=8, verbose_name="summary language"
                            ),
                        ),
                        (
                            "agreed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="agreed on"),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement channel",
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
                        ),
                        (
                            "end_reason",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("participant_choice", "The person chose to end it"),
                                    ("objectives_attained", "Objectives attained"),
                                    ("objectives_not_attained", "Objectives not attained"),
                                    ("caseworker", "Ended by the caseworker"),
                                    ("evolved_to_service_plan", "Evolved into a service plan"),
                                ],
                                max_length=30,
                                verbose_name="end reason",
                            ),
                        ),
                        ("end_note", models.TextField(blank=True, verbose_name="end note")),
                        ("version", models.PositiveIntegerField(default=1, verbose_name="version")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created on"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated on"),
                        ),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "caseworker",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="support_plans",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="caseworker",
                            ),
                        ),
                        (
                            "decision",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="decisions.decision",
                                verbose_name="eligibility decision",
                            ),
                        ),
                        (
                            "difficulties",
                            models.ManyToManyField(
                                blank=True,
                                related_name="plans",
                                to="plans.difficulty",
                                verbose_name="difficulties",
                            ),
                        ),
                        (
                            "ended_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ended by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="support_plans",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "personalized support plan",
                        "verbose_name_plural": "personalized support plans",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["participant", "status"],
                                name="plans_suppo_partici_961381_idx",
                            ),
                            models.Index(
                                fields=["caseworker", "status", "planned_end_on"],
                                name="plans_suppo_casewor_8093eb_idx",
                            ),
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Objective",
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
                        ("text", models.CharField(max_length=300, verbose_name="objective")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("open", "Working on it"),
                                    ("attained", "Attained"),
                                    ("not_attained", "Not attained"),
                                    ("dropped", "Set aside"),
                                ],
                                default="open",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="order")),
                        ("version", models.PositiveIntegerField(default=1)),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="objectives",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "objective",
                        "verbose_name_plural": "objectives",
                        "ordering": ["position", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="PlanTransition",
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
                        (
                            "from_status",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("requested", "Requested"),
                                    ("ineligible", "Not eligible"),
                                    ("proposed", "Proposed"),
                                    ("declined", "Declined by the person"),
                                    ("active", "In progress"),
                                    ("extension_requested", "Extension requested"),
                                    ("ended", "Ended"),
                                    ("completed", "Completed"),
                                ],
                                max_length=24,
                            ),
                        ),
                        (
                            "to_status",
                            models.CharField(
                                choices=[
                                    ("requested", "Requested"),
                                    ("ineligible", "Not eligible"),
                                    ("proposed", "Proposed"),
                                    ("declined", "Declined by the person"),
                                    ("active", "In progress"),
                                    ("extension_requested", "Extension requested"),
                                    ("ended", "Ended"),
                                    ("completed", "Completed"),
                                ],
                                max_length=24,
                            ),
                        ),
                        ("at", models.DateTimeField()),
                        ("reason", models.TextField(blank=True)),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="transitions",
                                to="plans.supportplan",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="PlanAction",
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
                            "who",
                            models.CharField(
                                choices=[
                                    ("participant", "The person"),
                                    ("caseworker", "The caseworker"),
                                    ("together", "Together"),
                                    ("organization", "An organization"),
                                    ("other", "Someone else"),
                                ],
                                default="together",
                                max_length=15,
                                verbose_name="who",
                            ),
                        ),
                        (
                            "who_detail",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="name (organization, person)",
                            ),
                        ),
                        ("what", models.CharField(max_length=300, verbose_name="what")),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by when")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="planned",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1)),
                        (
                            "objective",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="actions",
                                to="plans.objective",
                                verbose_name="objective",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actions",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("step", "A step of the plan"),
                                    ("volunteering", "Volunteering"),
                                    (
                                        "social_participation",
                                        "Another social-participation activity",
                                    ),
                                ],
                                default="step",
                                max_length=24,
                                verbose_name="kind of action",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action",
                        "verbose_name_plural": "actions",
                        "ordering": ["due_on", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalPlanAction",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        (
                            "who",
                            models.CharField(
                                choices=[
                                    ("participant", "The person"),
                                    ("caseworker", "The caseworker"),
                                    ("together", "Together"),
                                    ("organization", "An organization"),
                                    ("other", "Someone else"),
                                ],
                                default="together",
                                max_length=15,
                                verbose_name="who",
                            ),
                        ),
                        (
                            "who_detail",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="name (organization, person)",
                            ),
                        ),
                        ("what", models.CharField(max_length=300, verbose_name="what")),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by when")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="planned",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
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
                            "objective",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.objective",
                                verbose_name="objective",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("step", "A step of the plan"),
                                    ("volunteering", "Volunteering"),
                                    (
                                        "social_participation",
                                        "Another social-participation activity",
                                    ),
                                ],
                                default="step",
                                max_length=24,
                                verbose_name="kind of action",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical action",
                        "verbose_name_plural": "historical actions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalObjective",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        ("text", models.CharField(max_length=300, verbose_name="objective")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("open", "Working on it"),
                                    ("attained", "Attained"),
                                    ("not_attained", "Not attained"),
                                    ("dropped", "Set aside"),
                                ],
                                default="open",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="order")),
                        ("version", models.PositiveIntegerField(default=1)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
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
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical objective",
                        "verbose_name_plural": "historical objectives",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalFollowUp",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        ("scheduled_for", models.DateTimeField(verbose_name="date and time")),
                        (
                            "mode",
                            models.CharField(
                                choices=[
                                    ("in_person", "In person"),
                                    ("phone", "By phone"),
                                    ("video", "By video"),
                                    ("home_visit", "Home visit"),
                                    ("mobile_agent", "Visit by a mobile agent"),
                                ],
                                max_length=12,
                                verbose_name="how",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("done", "Held"),
                                    ("missed", "Missed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="scheduled",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("notes", models.TextField(blank=True, verbose_name="notes")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        (
                            "reminded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reminder sent"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
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
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical follow-up",
                        "verbose_name_plural": "historical follow-ups",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalExtension",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        ("requested_at", models.DateTimeField(verbose_name="requested on")),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="channel",
                            ),
                        ),
                        ("why", models.TextField(blank=True, verbose_name="why")),
                        (
                            "wished_end_on",
                            models.DateField(blank=True, null=True, verbose_name="until when"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for a decision"),
                                    ("granted", "Granted"),
                                    ("refused", "Refused"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided on"),
                        ),
                        ("decision_reason", models.TextField(blank=True, verbose_name="reason")),
                        (
                            "previous_end_on",
                            models.DateField(blank=True, null=True, verbose_name="previous end"),
                        ),
                        (
                            "new_end_on",
                            models.DateField(blank=True, null=True, verbose_name="new end"),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
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
                            "requested_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.supportplan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical extension",
                        "verbose_name_plural": "historical extensions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="FollowUp",
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
                        ("scheduled_for", models.DateTimeField(verbose_name="date and time")),
                        (
                            "mode",
                            models.CharField(
                                choices=[
                                    ("in_person", "In person"),
                                    ("phone", "By phone"),
                                    ("video", "By video"),
                                    ("home_visit", "Home visit"),
                                    ("mobile_agent", "Visit by a mobile agent"),
                                ],
                                max_length=12,
                                verbose_name="how",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("done", "Held"),
                                    ("missed", "Missed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="scheduled",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("notes", models.TextField(blank=True, verbose_name="notes")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        (
                            "reminded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reminder sent"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=1)),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="follow_ups",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "follow-up",
                        "verbose_name_plural": "follow-ups",
                        "ordering": ["scheduled_for", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "scheduled_for"],
                                name="plans_follo_status_ae3af1_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Extension",
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
                        ("requested_at", models.DateTimeField(verbose_name="requested on")),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="channel",
                            ),
                        ),
                        ("why", models.TextField(blank=True, verbose_name="why")),
                        (
                            "wished_end_on",
                            models.DateField(blank=True, null=True, verbose_name="until when"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for a decision"),
                                    ("granted", "Granted"),
                                    ("refused", "Refused"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided on"),
                        ),
                        ("decision_reason", models.TextField(blank=True, verbose_name="reason")),
                        (
                            "previous_end_on",
                            models.DateField(blank=True, null=True, verbose_name="previous end"),
                        ),
                        (
                            "new_end_on",
                            models.DateField(blank=True, null=True, verbose_name="new end"),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "requested_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="extensions",
                                to="plans.supportplan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "extension",
                        "verbose_name_plural": "extensions",
                        "ordering": ["-requested_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalPlanShare",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        ("shared_at", models.DateTimeField(verbose_name="shared on")),
                        (
                            "taken_back_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="taken back on"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "shared_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "taken_back_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical plan shared with an organization",
                        "verbose_name_plural": "historical plans shared with organizations",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="PlanShare",
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
                        ("shared_at", models.DateTimeField(verbose_name="shared on")),
                        (
                            "taken_back_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="taken back on"
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="shared_support_plans",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="shares",
                                to="plans.supportplan",
                            ),
                        ),
                        (
                            "shared_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "taken_back_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "plan shared with an organization",
                        "verbose_name_plural": "plans shared with organizations",
                        "ordering": ["shared_at", "id"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("taken_back_at__isnull", True)),
                                fields=("plan", "organization"),
                                name="one_running_share_per_organization",
                            )
                        ],
                        "indexes": [],
                    },
                ),
            ]
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),  # 0002_seed_difficulties
        refuse_changes("plans_plantransition"),  # 0004_transition_log_refuses_changes
    ]
