"""The balance of a confirmed cohort: by organization, kind, gender and region."""

import pytest
from django_countries import countries

from courses.enrollment.selectors import session_balance
from courses.enrollment.services import enroll
from courses.models import Enrollment, SeatQuota
from courses.regions import Region, region_of
from participants.models import Organization
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


def person(username, acronym, *, gender="", duty_station="KE"):
    user = make_participant(username)
    make_profile(user, acronym, gender=gender, duty_station=duty_station)
    return user


def rows(table):
    return {row.label: (row.confirmed, row.limit) for row in table}


@pytest.fixture
def cohort(catalog):
    course = make_course(catalog)
    session = make_session(course, capacity=10)
    SeatQuota.objects.create(
        session=session, organization=Organization.objects.get(acronym="DPPA"), seats=4
    )
    SeatQuota.objects.create(session=session, organization_kind="subregional", seats=2)
    confirmed = [
        person("a", "DPPA", gender="woman", duty_station="US"),
        person("b", "DPPA", gender="man", duty_station="CH"),
        person("c", "DPPA", duty_station="KE"),
        person("d", "AUC", gender="woman", duty_station="ET"),
        person("e", "AUC", gender="undisclosed", duty_station="ET"),
        person("f", "OSCE", gender="woman", duty_station="AT"),
        person("g", "ASEAN", gender="another", duty_station="ID"),
        person("h", "PIF", gender="man", duty_station="FJ"),
    ]
    for user in confirmed:
        assert enroll(participant=user, session=session).status == Enrollment.Status.CONFIRMED
    # Not confirmed: counted as waiting, not in the balance.
    session.capacity = 8
    session.save(update_fields=["capacity"])
    waiting = person("w", "IGAD", gender="woman", duty_station="DJ")
    assert enroll(participant=waiting, session=session).status == Enrollment.Status.WAITLISTED
    session.capacity = 10
    session.save(update_fields=["capacity"])
    return session


def test_totals(cohort):
    balance = session_balance(cohort)
    assert (balance.capacity, balance.confirmed, balance.free) == (10, 8, 2)
    assert (balance.requested, balance.waitlisted) == (0, 1)


def test_by_organization_against_quotas(cohort):
    balance = session_balance(cohort)
    assert rows(balance.by_organization) == {
        "DPPA": (3, 4),
        "AUC": (2, None),
        "ASEAN": (1, None),
        "OSCE": (1, None),
        "PIF": (1, None),
    }
    dppa = balance.by_organization[0]
    assert dppa.label == "DPPA" and dppa.percent == 75 and dppa.step == 75
    auc = balance.by_organization[1]
    assert auc.percent == 20  # of the capacity, having no quota


def test_by_kind_shows_a_quota_even_when_nobody_holds_it(cohort):
    balance = session_balance(cohort)
    assert rows(balance.by_kind) == {
        "UN entity": (3, None),
        "Regional organization": (5, None),
        "Sub-regional organization": (0, 2),
    }


def test_by_gender_counts_blank_as_not_given(cohort):
    balance = session_balance(cohort)
    assert rows(balance.by_gender) == {
        "Woman": (3, None),
        "Man": (2, None),
        "Another gender": (1, None),
        "Prefer not to say": (1, None),
        "Not given": (1, None),
    }
    woman = balance.by_gender[0]
    assert woman.percent == 38 and woman.step == 40  # 3 of 8


def test_by_region_of_duty_station(cohort):
    balance = session_balance(cohort)
    assert rows(balance.by_region) == {
        "Africa": (3, None),
        "Americas": (1, None),
        "Asia": (1, None),
        "Europe": (2, None),
        "Oceania": (1, None),
    }


def test_the_balance_runs_a_fixed_number_of_queries(
    cohort, django_assert_num_queries, django_assert_max_num_queries
):
    with django_assert_num_queries(3):
        session_balance(cohort)
    for i in range(6):
        user = person(f"x{i}", "UNDP", gender="man", duty_station="FR")
        enroll(participant=user, session=cohort)
    with django_assert_num_queries(3):
        balance = session_balance(cohort)
    assert balance.confirmed == 10


def test_an_empty_session_has_empty_figures(catalog):
    session = make_session(make_course(catalog), capacity=5)
    balance = session_balance(session)
    assert balance.confirmed == 0 and balance.by_organization == [] and balance.by_kind == []
    assert all(row.confirmed == 0 and row.step == 0 for row in balance.by_gender)


def test_every_country_but_antarctica_has_a_region():
    unmapped = [c.code for c in countries if region_of(c.code) == Region.OTHER]
    assert unmapped == ["AQ"]
    assert region_of("") == Region.OTHER
