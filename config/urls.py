"""Top-level URLs: pages under a language prefix (/fr-ca/, /en-ca/), the API and health outside."""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from sentier.site import views as site_views

# The admin has no sign-in form of its own: it sends people to allauth's, where MFA is asked for.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/", include("sentier.api.urls")),
    path("", site_views.root_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("participants/", include("sentier.participants.urls")),
    path("directory/", include("sentier.network.urls")),
    path("decisions/", include("sentier.decisions.urls")),
    path("paas/", include("sentier.paas.urls")),
    path("apply/", include("sentier.intake.urls")),
    path("consent/", include("sentier.consent.urls")),
    path("referrals/", include("sentier.referrals.urls")),
    path("plans/", include("sentier.plans.urls")),
    path("service-plans/", include("sentier.serviceplans.urls")),
    path("ontario/", include("sentier.ontario.urls")),
    path("exchange/", include("sentier.exchange.urls")),
    path("correspondence/", include("sentier.correspondence.urls")),
    path("simulations/", include("sentier.simulations.urls")),
    path("insights/", include("sentier.insights.urls")),
    path("feedback/", include("sentier.feedback.urls")),
    path("", include("sentier.site.urls")),
    prefix_default_language=True,
)

handler400 = "sentier.site.views.bad_request"
handler403 = "sentier.site.views.permission_denied"
handler404 = "sentier.site.views.page_not_found"
handler500 = "sentier.site.views.server_error"
