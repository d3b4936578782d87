"""The ``status_is`` filter: what a template says about a status, with the statuses checked."""

from __future__ import annotations

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.template import Context, Template

from sentier.core.models import Transition
from sentier.participants.models import FileStatus, Participant


def render(text: str, **context: object) -> str:
    return Template("{% load lifecycle %}" + text).render(Context(context))


def test_one_or_several_statuses() -> None:
    person = Participant(status=FileStatus.PENDING)
    assert render('{% if p|status_is:"pending" %}yes{% endif %}', p=person) == "yes"
    assert render('{% if p|status_is:"active pending" %}yes{% endif %}', p=person) == "yes"
    assert render('{% if p|status_is:"active" %}yes{% else %}no{% endif %}', p=person) == "no"


def test_no_object_is_no_status() -> None:
    assert render('{% if p|status_is:"pending" %}yes{% else %}no{% endif %}', p=None) == "no"
    assert render('{% if missing|status_is:"pending" %}yes{% else %}no{% endif %}') == "no"


def test_a_status_the_model_does_not_have_is_an_error() -> None:
    with pytest.raises(ValueError, match="pendng"):
        render('{% if p|status_is:"pendng" %}yes{% endif %}', p=Participant(status="pending"))


def test_a_model_without_a_status_field_is_an_error() -> None:
    with pytest.raises(FieldDoesNotExist):
        render('{% if t|status_is:"pending" %}yes{% endif %}', t=Transition())
