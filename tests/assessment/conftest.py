"""Personas of the consultants' tests: a consultant, another one, an admin, a workshop."""

import pytest

from assessment import workshop_services as ws
from tests.assessment.personas import make_user
from tests.factories import make_questionnaire


@pytest.fixture
def questionnaire(db):
    return make_questionnaire(per_dimension=3)


@pytest.fixture
def consultant(db):
    return make_user("carla")


@pytest.fixture
def other_consultant(db):
    return make_user("oscar")


@pytest.fixture
def staff_admin(db):
    return make_user("ada", staff=True)


@pytest.fixture
def company(consultant):
    return ws.company_create(owner=consultant, name="Gamma Retail", sector="retail",
                             size="large", country="IT")


@pytest.fixture
def workshop(company, questionnaire):
    return ws.assessment_create(company=company, mode="workshop", language="en")
