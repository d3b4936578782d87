"""The day's mailing of Disability Determination Packages: mark a batch as mailed in one go.

All or nothing: if any package of the batch was already mailed (a colleague was quicker), the
whole batch is refused with the names, and nothing changes; so it is when a package's address
is incomplete (issue 21: staff complete it first). One timeline row per package.
``actions.mark_package_mailed`` (one package, from its page) goes through here too.

Refusal notices to mail (``ontario.notices``: a refused applicant without e-mail) follow the
same rules in ``mark_notices_mailed``: all or none, never twice, never to an incomplete address.
The ODSP day's mailing lists its notices to mail beside its packages (refused at intake, or the
disability not confirmed by the Disability Adjudication Unit): ``mailing_pdf`` prints the chosen
ones as one PDF, ``mark_mailing_mailed`` marks packages and notices together, all or none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.ontario import states
from sentier.ontario.models import (
    DeterminationPackage,
    MailingStatus,
    NoticeStatus,
    RefusalNotice,
)
from sentier.ontario.notices import (
    file_address_complete,
    lock_notice,
    notice_document,
    record_mailed,
)
from sentier.ontario.package import documents_pdf, package_document
from sentier.ontario.permissions import works_odsp_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.actions import add_event

#: Most packages printed or marked in one go: a day's envelopes, and what one request can
#: render (about 0.4 s a package here, so about 12 s, under the usual 30 s worker timeout).
BATCH_MAX = 30


@transaction.atomic
def mark_packages_mailed(
    *,
    actor: User,
    packages: Sequence[DeterminationPackage],
    at: dt.datetime | None = None,
) -> list[DeterminationPackage]:
    """Mark every package of the batch as mailed, or none of them."""
    if not may(actor, "ontario.work_odsp_intake"):
        raise PermissionDenied
    if not packages:
        raise ValidationError(_("Choose at least one package to mark as mailed."))
    if len({p.pk for p in packages}) > BATCH_MAX:
        raise ValidationError(
            _("Mark at most %(count)s packages at a time.") % {"count": BATCH_MAX}
        )
    locked = list(
        DeterminationPackage.objects.select_for_update(of=("self",))
        .select_related("odsp_application__participant")
        .defer("pdf")
        .filter(pk__in=[p.pk for p in packages])
        .order_by("generated_at", "id")
    )
    already = [p for p in locked if p.status != MailingStatus.QUEUED]
    if already:
        names = ", ".join(p.odsp_application.participant.full_name for p in already)
        raise ValidationError(
            ngettext(
                "The package of %(names)s was already mailed. Nothing was marked: "
                "choose the packages again.",
                "The packages of %(names)s were already mailed. Nothing was marked: "
                "choose the packages again.",
                len(already),
            )
            % {"names": names}
        )
    if any(not works_odsp_application(actor, p.odsp_application) for p in locked):
        raise PermissionDenied
    incomplete = [p for p in locked if not p.address_complete]
    if incomplete:
        names = ", ".join(p.odsp_application.participant.full_name for p in incomplete)
        raise ValidationError(
            _(
                "Complete the mailing address first (street, city, province and postal code): "
                "%(names)s. Nothing was marked."
            )
            % {"names": names}
        )
    at = at or timezone.now()
    DeterminationPackage.objects.filter(pk__in=[p.pk for p in locked]).update(
        status=MailingStatus.MAILED, mailed_at=at, mailed_by=actor, version=F("version") + 1
    )
    for package in locked:
        states.PACKAGE.apply(
            package, MailingStatus.MAILED, side=states.ODSP_INTAKE, actor=actor, at=at
        )
        package.mailed_at = at
        package.mailed_by = actor
        package.version += 1
        add_event(
            participant=package.odsp_application.participant,
            kind=OntarioEventKind.ODSP_INTAKE,
            actor=actor,
            data={"package": str(package.uuid), "step": "mailed"},
            occurred_at=at,
        )
    return locked


@transaction.atomic
def mark_notices_mailed(
    *,
    actor: User,
    notices: Sequence[RefusalNotice],
    at: dt.datetime | None = None,
) -> list[RefusalNotice]:
    """Mark every refusal notice of the batch as mailed to its file's address, or none."""
    if not notices:
        raise ValidationError(_("Choose at least one notice to mark as mailed."))
    if len({n.pk for n in notices}) > BATCH_MAX:
        raise ValidationError(_("Mark at most %(count)s notices at a time.") % {"count": BATCH_MAX})
    locked = [
        lock_notice(actor=actor, notice=notice)
        for notice in sorted({n.pk: n for n in notices}.values(), key=lambda n: n.pk)
    ]
    already = [n for n in locked if n.status != NoticeStatus.TO_MAIL]
    if already:
        names = ", ".join(n.participant.full_name for n in already)
        raise ValidationError(
            ngettext(
                "The refusal notice of %(names)s is not waiting to be mailed (already mailed, "
                "or sent by e-mail). Nothing was marked.",
                "The refusal notices of %(names)s are not waiting to be mailed (already "
                "mailed, or sent by e-mail). Nothing was marked.",
                len(already),
            )
            % {"names": names}
        )
    incomplete = [n for n in locked if not file_address_complete(n)]
    if incomplete:
        names = ", ".join(n.participant.full_name for n in incomplete)
        raise ValidationError(
            _(
                "Complete the mailing address on the file first (street, city, province and "
                "postal code): %(names)s. Nothing was marked."
            )
            % {"names": names}
        )
    at = at or timezone.now()
    for notice in locked:
        record_mailed(notice, actor=actor, at=at)
    return locked


def incomplete_names(
    packages: Sequence[DeterminationPackage], notices: Sequence[RefusalNotice]
) -> list[str]:
    """Who, among a batch about to be printed, has an incomplete mailing address."""
    return [
        p.odsp_application.participant.full_name for p in packages if not p.address_complete
    ] + [n.participant.full_name for n in notices if not file_address_complete(n)]


def mailing_pdf(
    packages: Sequence[DeterminationPackage],
    notices: Sequence[RefusalNotice],
    *,
    two_sided: bool = False,
) -> bytes:
    """The day's mailing to print as ONE tagged PDF: the packages, then the refusal notices
    (each as it would leave now, to the file's address)."""
    documents = [
        package_document(package.odsp_application, at=package.generated_at, package=package)
        for package in packages
    ] + [notice_document(notice) for notice in notices]
    return documents_pdf(documents, two_sided=two_sided)


@transaction.atomic
def mark_mailing_mailed(
    *,
    actor: User,
    packages: Sequence[DeterminationPackage],
    notices: Sequence[RefusalNotice],
    at: dt.datetime | None = None,
) -> tuple[list[DeterminationPackage], list[RefusalNotice]]:
    """Mark the chosen packages and refusal notices of the day's mailing as mailed: every one,
    or none (a refusal of either part rolls the other back)."""
    if not may(actor, "ontario.work_odsp_intake"):
        raise PermissionDenied
    if not packages and not notices:
        raise ValidationError(_("Choose at least one package or notice to mark as mailed."))
    at = at or timezone.now()
    done_packages = mark_packages_mailed(actor=actor, packages=packages, at=at) if packages else []
    done_notices = mark_notices_mailed(actor=actor, notices=notices, at=at) if notices else []
    return done_packages, done_notices
