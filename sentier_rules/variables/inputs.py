"""Input facts about a person, as the caseworker or the application gives them."""

from __future__ import annotations

from typing import Any

import numpy as np

from sentier_rules._openfisca import Enum, Variable
from sentier_rules.variables.common import (
    DAY,
    BoolArray,
    Channel,
    Initiator,
    Jurisdiction,
    Person,
    Program,
    Region,
)


class jurisdiction(Variable):
    value_type = Enum
    possible_values = Jurisdiction
    default_value = Jurisdiction.QC
    entity = Person
    definition_period = DAY
    label = "Province whose assistance the person receives or applies for (QC or ON)"


class region(Variable):
    value_type = Enum
    possible_values = Region
    default_value = Region.none
    entity = Person
    definition_period = DAY
    label = "Québec administrative region of the person's file (01..17), none in Ontario"


class program(Variable):
    value_type = Enum
    possible_values = Program
    default_value = Program.PAS
    entity = Person
    definition_period = DAY
    label = "Last-resort program received or applied for (PAS PSS POE PRB OW ODSP)"


class claim_booklet(Variable):
    value_type = str
    default_value = ""
    entity = Person
    definition_period = DAY
    label = "Claim booklet (carnet de réclamation) code, e.g. ASM-2; empty when none"


class weekly_hours(Variable):
    value_type = float
    default_value = 0.0
    entity = Person
    definition_period = DAY
    label = "Planned hours of participation a week (PAAS Action)"


class asylum_seeker(Variable):
    value_type = bool
    default_value = False
    entity = Person
    definition_period = DAY
    label = "The person is an asylum seeker (demandeur d'asile)"


class application_channel(Variable):
    value_type = Enum
    possible_values = Channel
    default_value = Channel.none
    entity = Person
    definition_period = DAY
    label = "How the Ontario application was made (online, phone, in person)"


class first_nations_site(Variable):
    value_type = bool
    default_value = False
    entity = Person
    definition_period = DAY
    label = "The file is served by a First Nations Ontario Works delivery site"


class employment_ready(Variable):
    value_type = bool
    default_value = False
    entity = Person
    definition_period = DAY
    label = "Assessed ready for employment services by the digital application"


class service_plan_initiated_by(Variable):
    value_type = Enum
    possible_values = Initiator
    default_value = Initiator.ministry
    entity = Person
    definition_period = DAY
    label = "Who initiates the service plan: the Ministry or another ministry or organization"


class lives_in_quebec(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's assistance file is in Québec"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(person("jurisdiction", period) == Jurisdiction.QC)


class lives_in_ontario(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The person's assistance file is in Ontario"

    def formula(person: Any, period: Any, parameters: Any) -> BoolArray:
        return np.asarray(person("jurisdiction", period) == Jurisdiction.ON)


VARIABLES: tuple[type, ...] = (
    jurisdiction,
    region,
    program,
    claim_booklet,
    weekly_hours,
    asylum_seeker,
    application_channel,
    first_nations_site,
    employment_ready,
    service_plan_initiated_by,
    lives_in_quebec,
    lives_in_ontario,
)
