"""The public part of the API: schema and docs, catalogue, sessions, verification, and
the problem details every error answers with."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from tests.factories.courses import make_cohort, make_session

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_1_and_the_docs_load_nothing_from_other_hosts(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/sessions" in schema["paths"]
    errors = schema["paths"]["/api/v1/enrollments"]["get"]["responses"]["404"]["content"]
    assert list(errors) == ["application/problem+json"]
    docs = client.get("/api/v1/docs")
    html = docs.content.decode()
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "//" not in html.replace("http://www.w3.org", "")


def test_the_catalogue_lists_published_courses_with_areas_partners_and_translations(client, course):
    body = client.get("/api/v1/catalogue/courses").json()
    (item,) = body["items"]
    assert item["title"] == "Mediation process design" and item["language"] == "en"
    assert [p["acronym"] for p in item["partner_organizations"]] == ["AUC", "DPPA"]
    assert item["thematic_areas"] and item["translations"] == []
    assert client.get(f"/api/v1/catalogue/courses/{course.pk}").json()["id"] == course.pk
    areas = client.get("/api/v1/catalogue/thematic-areas").json()
    assert {"name", "slug", "description"} <= set(areas[0])
    acronyms = {o["acronym"] for o in client.get("/api/v1/catalogue/organizations").json()}
    assert {"AUC", "DPPA"} <= acronyms


def test_upcoming_sessions_with_seats_left_and_enrollment_window(client, course):
    now = timezone.now()
    open_one = make_session(course, code="open-one", capacity=5)
    make_cohort(open_one, 2)
    make_session(course, code="a-draft", status="draft")
    make_session(
        course,
        code="long-gone",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 1, 2),
        enrollment_opens_at=now - datetime.timedelta(days=2000),
        enrollment_closes_at=now - datetime.timedelta(days=1990),
    )
    body = client.get("/api/v1/sessions").json()
    assert [s["code"] for s in body["items"]] == ["open-one"]
    (item,) = body["items"]
    assert item["seats_left"] == 3 and item["capacity"] == 5
    assert item["enrollment_open"] is True and item["enrollment_closes_at"]
    assert client.get("/api/v1/sessions?status=closed").json()["items"] == []


def test_cursor_pages_through_every_session_once(client, course):
    for n in range(5):
        make_session(course, code=f"s{n}")
    seen, cursor = [], ""
    for _ in range(5):
        body = client.get(f"/api/v1/sessions?limit=2&cursor={cursor}").json()
        seen += [s["code"] for s in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == [f"s{n}" for n in range(5)] and len(seen) == 5


def test_lists_carry_an_etag_and_answer_304_when_unchanged(client, course):
    make_session(course, code="etag-1")
    first = client.get("/api/v1/sessions")
    etag = first["ETag"]
    again = client.get("/api/v1/sessions", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    make_session(course, code="etag-2")
    changed = client.get("/api/v1/sessions", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/sessions?limit=0", 422),
        ("/api/v1/sessions?starts_after=yesterday", 422),
        ("/api/v1/sessions?cursor=bm90LWEtY3Vyc29y", 400),
        ("/api/v1/catalogue/courses/999999", 404),
        ("/api/v1/no-such-thing", 404),
        ("/api/v2/", 404),
        ("/api/v1/enrollments", 401),
    ],
)
def test_every_error_is_a_problem_detail(client, course, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"]


def test_a_wrong_method_is_a_problem_detail_too(client):
    response = client.post("/api/v1/sessions", {})
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/problem+json"


def test_verification_shows_the_verify_page_data_and_shares_its_budget(client, finished):
    _session, (amina, _), _ = finished
    certificate = amina.certificates.get()
    body = client.get(f"/api/v1/certificates/verify/{certificate.code}").json()
    assert body["name"] == "Amina Diallo" and body["valid"] is True
    assert body["course"] == "Mediation process design" and body["reference"]
    assert "email" not in str(body) and "participant_email" not in body
    assert client.get("/api/v1/certificates/verify/not-a-code").status_code == 404
    with override_settings(CERTIFICATE_VERIFY_LIMIT=4):
        client.get(f"/certificates/verify/{certificate.code}/")  # the page: a third hit
        statuses = [
            client.get(f"/api/v1/certificates/verify/{certificate.code}").status_code
            for _ in range(2)
        ]
    assert statuses == [200, 429]


def test_a_server_error_under_the_api_is_a_problem_detail_and_elsewhere_the_site_page(rf):
    from api.views import server_error_handler  # noqa: PLC0415 -- the handler itself

    response = server_error_handler(rf.get("/api/v1/sessions"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert b'"status": 500' in response.content or b'"status":500' in response.content
    page = server_error_handler(rf.get("/courses/"))
    assert page.status_code == 500 and page["Content-Type"].startswith("text/html")
