"""When a person withdraws a consent: the referrals that relied on it are told and, if still
pending, cancelled (registered with :mod:`sentier.consent.hooks` in ``ReferralsConfig.ready``).

Stopping queued deliveries to partner systems is the exchange capability's handler; this one
tells the receiving organization (a notice in its portal and an e-mail) and closes what has not
been answered yet, with the side SYSTEM and the reason "consent withdrawn".
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.consent.hooks import on_withdrawal
from sentier.consent.models import Consent
from sentier.referrals import notify, states
from sentier.referrals.actions import transition_referral
from sentier.referrals.models import Audience, NoticeKind, Referral, ReferralStatus, Side


@on_withdrawal
def tell_recipients_and_cancel_pending(consent: Consent, actor: User | None) -> None:
    """Runs inside the withdrawal's transaction."""
    at = consent.withdrawn_at or timezone.now()
    affected = Referral.objects.filter(
        consent=consent, status__in=states.PENDING | states.OPEN
    ).select_related("organization", "participant")
    for referral in affected:
        if referral.status in states.PENDING:
            referral = transition_referral(
                referral=referral,
                to_status=ReferralStatus.CANCELLED,
                side=Side.SYSTEM,
                actor_label=_("Consent withdrawn"),
                reason=_("Consent withdrawn"),
                at=at,
            )
        notify.add_notice(
            referral, audience=Audience.RECEIVER, kind=NoticeKind.CONSENT_WITHDRAWN, at=at
        )
