"""Guarded reads of saved simulations: analysts and administrators see them all (aggregates
only); anyone else gets the same 404 as for a simulation that does not exist."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.simulations.models import SavedSimulation


def list_simulations_for_user(user: User) -> QuerySet[SavedSimulation]:
    if not may(user, "simulations.run_simulation"):
        return SavedSimulation.objects.none()
    return SavedSimulation.objects.select_related("created_by")


def get_simulation_for_user(user: User, simulation_uuid: uuid.UUID) -> SavedSimulation:
    try:
        return list_simulations_for_user(user).get(uuid=simulation_uuid)
    except SavedSimulation.DoesNotExist:
        raise Http404 from None
