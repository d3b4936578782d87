"""App configuration for sentier.network."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Its menu entries (sentier.core.menu) and the timeline event kinds it writes
# (sentier.participants.events): neither imports a model, so they load with the app.
from sentier.network import (
    menu,  # noqa: F401
    timeline_kinds,  # noqa: F401
)


class NetworkConfig(AppConfig):
    name = "sentier.network"
    label = "network"
    verbose_name = _("Partner network")

    def ready(self) -> None:
        # Inside ready(): these import models, which exist only once the app registry is loaded.
        # Permissions and the panels this capability adds to shared pages.
        from sentier.network import panels, permissions, search  # noqa: F401
        from sentier.network.loading import DirectoryLoader
        from sentier.reference.loading import register_loader

        # The directory (clienteles, RSSMO members, services) loads with the reference data.
        register_loader(DirectoryLoader())
        # The directory search's folded texts follow what they are made of.
        search.connect()
