"""Partner staff manage their organization's API keys and see its outgoing deliveries.

``/exchange/keys/``: the keys (a new key is shown once, right after it is created), a form to
create one, a page to revoke one; the webhook addresses and the latest deliveries, failures
first, each failure with a button to try again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.core.forms import bind_form
from sentier.core.requests import request_user
from sentier.exchange import actions, selectors
from sentier.exchange.forms import ApiKeyForm
from sentier.referrals.models import WebhookEndpoint

NEW_KEY_SESSION = "exchange_new_key"


@login_required
def keys(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    organization = selectors.organization_for_user(user)
    form = bind_form(request, ApiKeyForm)
    if request.method == "POST" and form.is_valid():
        try:
            new = actions.create_api_key(
                actor=user, organization=organization, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            # Shown once, on the next page; never stored in clear anywhere else.
            request.session[NEW_KEY_SESSION] = {"uuid": str(new.key.uuid), "raw": new.raw}
            return redirect("exchange:keys")
    new_key = request.session.pop(NEW_KEY_SESSION, None)
    return render(
        request,
        "exchange/keys.html",
        {
            "organization": organization,
            "keys": selectors.list_keys_for_user(user),
            "new_key": new_key,
            "form": form,
            "endpoints": WebhookEndpoint.objects.filter(organization=organization),
            "deliveries": selectors.list_messages_for_user(user),
        },
    )


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
