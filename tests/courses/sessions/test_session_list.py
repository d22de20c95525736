"""The Sessions list says who holds or held the seats: confirmed people while a session
runs, completed and not completed ones once it is over, in one query for its rows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.courses import make_cohort, make_session

pytestmark = pytest.mark.django_db


def seats_of(html: str, code: str) -> str:
    """The text of the People / seats cell on the row of session ``code``."""
    row = next(r for r in re.split(r"<tr", html)[1:] if f'Attendance of {code}"' in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
    texts = [re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in cells]
    return next(t for t in texts if re.search(r"/ \d+$", t))


def list_page(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("course_sessions:index"))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_completed_session_counts_completed_and_not_completed_people(
    client, course, coordinator, login
):
    done = make_session(course, code="done-2026", status="completed", coordinators=[coordinator])
    make_cohort(done, 5, status="completed", prefix="c")
    make_cohort(done, 2, status="not_completed", prefix="n")
    running = make_session(course, code="open-2027", coordinators=[coordinator])
    make_cohort(running, 3, prefix="r")
    empty = make_session(course, code="empty-2027", coordinators=[coordinator])
    login(client, coordinator)
    html, _ = list_page(client)
    assert seats_of(html, done.code) == "5 completed · 2 not completed / 20"
    assert seats_of(html, running.code) == "3 confirmed / 20"
    assert seats_of(html, empty.code) == "0 confirmed / 20"
    assert "People / seats" in html


def test_the_list_runs_as_many_queries_for_two_sessions_as_for_eight(
    client, course, coordinator, login
):
    login(client, coordinator)

    def add(n, start):
        for i in range(start, start + n):
            session = make_session(
                course, code=f"s-{i}", status="completed", coordinators=[coordinator]
            )
            make_cohort(session, 2, status="completed", prefix=f"c{i}-")
            make_cohort(session, 1, status="not_completed", prefix=f"n{i}-")

    add(2, 0)
    html, few = list_page(client)
    assert seats_of(html, "s-1") == "2 completed · 1 not completed / 20"
    add(6, 2)
    html, many = list_page(client)
    assert seats_of(html, "s-7") == "2 completed · 1 not completed / 20"
    assert few == many
