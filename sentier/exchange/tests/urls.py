"""The project's URLs with the exchange pages mounted as the integrator will (``exchange/``)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config import urls as project

urlpatterns = i18n_patterns(
    path("exchange/", include("sentier.exchange.urls")), prefix_default_language=True
) + list(project.urlpatterns)

handler400 = project.handler400
handler403 = project.handler403
handler404 = project.handler404
handler500 = project.handler500
