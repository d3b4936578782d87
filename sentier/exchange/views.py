"""Partner staff manage their organization's API keys and see its outgoing deliveries.

``/exchange/keys/``: the keys (a new key is shown once, right after it is created), a form to
create one, a page to revoke one; the webhook addresses and the latest deliveries, failures
first, each failure with a button to try again.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.requests import request_user
from sentier.core.forms import bind_form
from sentier.exchange import actions, selectors
from sentier.exchange.forms import ApiKeyForm, WebhookEndpointForm
from sentier.network.models import Organization

NEW_KEY_SESSION = "exchange_new_key"
NEW_SECRET_SESSION = "exchange_new_secret"  # noqa: S105 - a session key name


def _page(
    request: HttpRequest,
    user: User,
    organization: Organization,
    form: ApiKeyForm,
    webhook_form: WebhookEndpointForm,
) -> HttpResponse:
    return render(
        request,
        "exchange/keys.html",
        {
            "organization": organization,
            "keys": selectors.list_keys_for_user(user),
            "new_key": request.session.pop(NEW_KEY_SESSION, None),
            "new_secret": request.session.pop(NEW_SECRET_SESSION, None),
            "form": form,
            "webhook_form": webhook_form,
            "endpoints": selectors.list_endpoints_for_user(user),
            "deliveries": selectors.list_messages_for_user(user),
        },
    )


def _refuse(form: forms.Form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def keys(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    organization = selectors.organization_for_user(user)
    form = bind_form(request, ApiKeyForm)
    if request.method == "POST" and form.is_valid():
        try:
            new = actions.create_api_key(
                actor=user,
                organization=organization,
                name=form.cleaned_data["name"],
                valid_days=form.cleaned_data["valid_days"],
            )
        except ValidationError as error:
            _refuse(form, error)
        else:
            # Shown once, on the next page; never stored in clear anywhere else.
            request.session[NEW_KEY_SESSION] = {"uuid": str(new.key.uuid), "raw": new.raw}
            return redirect("exchange:keys")
    return _page(request, user, organization, form, WebhookEndpointForm())


@login_required
@require_POST
def add_webhook(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    organization = selectors.organization_for_user(user)
    form = WebhookEndpointForm(data=request.POST)
    if form.is_valid():
        try:
            endpoint, secret = actions.add_webhook_endpoint(
                actor=user, organization=organization, url=form.cleaned_data["url"]
            )
        except ValidationError as error:
            _refuse(form, error)
        else:
            request.session[NEW_SECRET_SESSION] = {"url": endpoint.url, "secret": secret}
            return redirect(reverse("exchange:keys") + "#webhooks-heading")
    return _page(request, user, organization, ApiKeyForm(), form)


@login_required
@require_POST
def turn_off_webhook(request: HttpRequest, endpoint_uuid: str) -> HttpResponse:
    user = request_user(request)
    endpoint = selectors.get_endpoint_for_user(user, endpoint_uuid)
    actions.turn_off_webhook_endpoint(actor=user, endpoint=endpoint)
    messages.success(
        request, _("Sentier no longer sends messages to %(url)s.") % {"url": endpoint.url}
    )
    return redirect("exchange:keys")


@login_required
def revoke(request: HttpRequest, key_uuid: str) -> HttpResponse:
    user = request_user(request)
    key = selectors.get_key_for_user(user, key_uuid)
    if request.method == "POST":
        actions.revoke_api_key(actor=user, key=key)
        messages.success(request, _("The key “%(name)s” no longer works.") % {"name": key.name})
        return redirect("exchange:keys")
    return render(request, "exchange/revoke.html", {"key": key})


@login_required
@require_POST
def retry(request: HttpRequest, message_uuid: str) -> HttpResponse:
    user = request_user(request)
    message = selectors.get_message_for_user(user, message_uuid)
    if actions.retry_message(actor=user, message=message):
        messages.success(request, _("The delivery will be tried again within a few minutes."))
    else:
        messages.info(request, _("This delivery is not waiting for a new try."))
    return redirect("exchange:keys")
