"""Menu entries of the Ontario configuration: OW intake staff see the applications to decide,
OW office staff the common assessment, ODSP intake staff their queue; coordinators and
administrators see the local office's and the ODSP queue, administrators the intake's too (see
sentier.core.menu: each is shown to whoever holds its permission)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sentier.core import menu

menu.register(
    210, _("Local office worklist"), "ontario:assessment_queue", "ontario.view_assessment_queue"
)
menu.register(
    205, _("Ontario Works intake"), "ontario:ow_intake_queue", "ontario.view_ow_intake_queue"
)
menu.register(220, _("ODSP intake"), "ontario:odsp_queue", "ontario.view_odsp_queue")
