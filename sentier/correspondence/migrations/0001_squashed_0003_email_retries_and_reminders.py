import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("correspondence", "0001_notices_and_contact_preferences"),
        ("correspondence", "0002_ontario_subjects"),
        ("correspondence", "0003_email_retries_and_reminders"),
    ]

    initial = True

    dependencies = [
        ("participants", "0011_languages_on_the_file"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="ContactPreference",
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
                            "channel",
                            models.CharField(
                                choices=[
                                    ("email", "E-mail"),
                                    ("letter", "Letter"),
                                    ("phone", "Phone call from the caseworker"),
                                ],
                                max_length=10,
                                verbose_name="how to be told",
                            ),
                        ),
                        ("recorded_at", models.DateTimeField(verbose_name="recorded on")),
                        (
                            "participant",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="contact_preference",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "contact preference",
                        "verbose_name_plural": "contact preferences",
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Notice",
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
                            "subject",
                            models.CharField(
                                choices=[
                                    ("application_received", "Application received"),
                                    ("recommendation_decided", "Recommendation decided"),
                                    ("plan_agreed", "Support plan agreed"),
                                    ("plan_extended", "Support plan extension answered"),
                                    ("plan_ended", "Support plan ended"),
                                    ("referral_answered", "Referral accepted or declined"),
                                    ("place_offered", "Place offered from a waiting list"),
                                    ("follow_up_reminder", "Follow-up reminder"),
                                    ("consent_expiring", "Consent about to expire"),
                                    ("on_application_decided", "Application granted or confirmed"),
                                    ("on_information_asked", "Missing information asked"),
                                    ("on_application_refused", "Application refused"),
                                    ("on_action_plan", "Action plan put in place or reviewed"),
                                ],
                                max_length=30,
                                verbose_name="about",
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("email", "E-mail"),
                                    ("letter", "Letter"),
                                    ("phone", "Phone call from the caseworker"),
                                ],
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("to_send", "To e-mail"),
                                    ("sent", "E-mailed"),
                                    ("failed", "Could not be sent"),
                                    ("replaced", "Not e-mailed: a letter or a call instead"),
                                    ("to_mail", "To mail"),
                                    ("mailed", "Mailed"),
                                    ("refused", "Letter refused: no postal address"),
                                    ("to_call", "To call"),
                                    ("called", "Call recorded"),
                                ],
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("fr-ca", "Français"),
                                    ("en-ca", "English"),
                                    ("es", "Español"),
                                    ("ar", "العربية"),
                                    ("ht", "Kreyòl ayisyen"),
                                ],
                                max_length=8,
                                verbose_name="language",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="planned on")),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="call by")),
                        (
                            "text_version",
                            models.CharField(
                                blank=True, max_length=20, verbose_name="text version"
                            ),
                        ),
                        ("text", models.TextField(blank=True, verbose_name="text sent")),
                        ("pdf", models.BinaryField(blank=True, null=True)),
                        (
                            "sha256",
                            models.CharField(blank=True, max_length=64, verbose_name="SHA-256"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "address_lines",
                            models.JSONField(blank=True, default=list, verbose_name="address"),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=0, verbose_name="tries"),
                        ),
                        (
                            "error",
                            models.CharField(blank=True, max_length=300, verbose_name="problem"),
                        ),
                        (
                            "outcome",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("reached", "Spoke with the person"),
                                    ("message", "Left a message"),
                                    ("no_answer", "No answer"),
                                    ("wrong_number", "Wrong or out-of-service number"),
                                ],
                                max_length=15,
                                verbose_name="outcome of the call",
                            ),
                        ),
                        (
                            "outcome_note",
                            models.CharField(blank=True, max_length=300, verbose_name="note"),
                        ),
                        (
                            "assignee",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="caseworker",
                            ),
                        ),
                        (
                            "event",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notices",
                                to="participants.timelineevent",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notices",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "sent_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "retry_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="next try"),
                        ),
                    ],
                    options={
                        "verbose_name": "notice",
                        "verbose_name_plural": "notices",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["status", "channel"], name="corresponde_status_bf1ac6_idx"
                            ),
                            models.Index(
                                fields=["assignee", "status", "due_on"],
                                name="corresponde_assigne_5d8aa9_idx",
                            ),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("event", "channel"), name="one_notice_per_event_and_channel"
                            )
                        ],
                    },
                ),
            ]
        ),
    ]
