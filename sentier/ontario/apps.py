"""App configuration for sentier.ontario."""

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class OntarioConfig(AppConfig):
    name = "sentier.ontario"
    label = "ontario"
    verbose_name = _("Ontario configuration")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        from sentier.accounts import scopes
        from sentier.intake.hooks import on_submitted

        # The timeline event kinds this app writes (see sentier.participants.events).
        # Its menu entries (see sentier.core.menu).
        from sentier.ontario import correspondence as ontario_correspondence
        from sentier.ontario import (
            menu,  # noqa: F401
            panels,  # noqa: F401  (sections added to shared pages)
            permissions,  # noqa: F401  (who may do what, imported once)
            timeline_kinds,  # noqa: F401
        )
        from sentier.ontario.actions import EO_CHANNEL
        from sentier.ontario.caseload import ontario_files
        from sentier.ontario.checks import check_odsp_return_address
        from sentier.ontario.odsp.reference import ODSPReferenceLoader
        from sentier.ontario.routing import route_if_ontario
        from sentier.ontario.sharing import describe_eo_message
        from sentier.ontario.units import UNIT_SCOPE
        from sentier.outbox.delivery import FileDropChannel, register_channel
        from sentier.participants import caseload
        from sentier.reference.loading import register_loader
        from sentier.referrals.exchanges import Exchange, register_exchange

        # A supervisor's caseload per caseworker counts the Ontario rows assigned to each.
        caseload.register(ontario_files)
        # Each Ontario unit reaches its own program's files and queue, not its region's.
        scopes.register(UNIT_SCOPE)
        # Referrals to Employment Ontario leave as files dropped for the exchange to pick up,
        # under the exchange's rules (no community expiry), read back from the message itself.
        register_channel(EO_CHANNEL, FileDropChannel())
        register_exchange(
            Exchange(
                channel=EO_CHANNEL,
                name=_("Employment Ontario data exchange"),
                describe=describe_eo_message,
            )
        )
        # Ontario Works waits for its grant at the local office; ODSP lands in the centralized
        # intake unit (004): routed as the application is sent.
        on_submitted(route_if_ontario)
        # The ODSP refusal reasons and First Nations sites come with the Ontario reference data.
        register_loader(ODSPReferenceLoader())
        # No package with the placeholder return address in production.
        checks.register(check_odsp_return_address)
        # Its events reach the person by their channel, in Ontario's words (issue 19).
        ontario_correspondence.register()
