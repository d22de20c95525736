"""The REST API and the signed credentials.

- ``api_sessions_list``: ``/api/v1/sessions``, 100 upcoming sessions a page (of 300),
  anonymous; the query count is asserted in the suite (tests/api/test_query_counts.py);
- ``api_enrollments_org``: ``/api/v1/enrollments`` with an organization's token whose
  staff hold 30,000 enrollments, 100 a page, the first page and one deep in the list
  (``api_enrollments_org_deep``: keyset pagination costs the same at row 29,000);
- ``credential_sign``: Open Badges 3.0 credentials built and signed (Ed25519 VC-JWT)
  one after another on one core, for a demo certificate (``per_s``).
"""

from __future__ import annotations

import datetime
import time

from django.test import Client
from django.utils import timezone

from api.pagination import encode_cursor
from api.tokens import create_token
from cms.models import CoursePage
from courses.certificates import credentials
from courses.models import ApiToken, Certificate, CourseSession, Enrollment
from participants.models import Organization
from tests.bench.harness import emit, measure
from tests.bench.test_attendance_report import PREFIX, build

UPCOMING = 300
SIGNATURES = 2_000


def _ok(count):
    def check(response):
        assert response.status_code == 200, response.content[:300]
        assert len(response.json()["items"]) == count

    return check


def test_api_sessions_list(bench_site):
    now = timezone.now()
    today = timezone.localdate(now)
    courses = list(CoursePage.objects.live().values_list("pk", flat=True)[:100])
    CourseSession.objects.bulk_create(
        CourseSession(
            course_id=courses[i % len(courses)],
            code=f"bench-api-{i:04d}",
            starts_on=today + datetime.timedelta(days=10 + i % 200),
            ends_on=today + datetime.timedelta(days=12 + i % 200),
            is_online=True,
            language="en",
            capacity=25,
            enrollment_opens_at=now - datetime.timedelta(days=5),
            enrollment_closes_at=now + datetime.timedelta(days=5),
            status=CourseSession.Status.OPEN,
        )
        for i in range(UPCOMING)
    )
    client = Client()
    measure(
        "api_sessions_list",
        lambda: client.get("/api/v1/sessions?limit=100"),
        check=_ok(100),
    )


def test_api_enrollments_org(bench_site):
    start = time.perf_counter()
    build(bench_site.catalog)
    organization = Organization.objects.order_by("pk").first()
    mine = Enrollment.objects.filter(session__code__startswith=PREFIX)
    mine.update(organization=organization)
    emit(
        "api_enrollments_org_setup",
        enrollments=mine.count(),
        seed_s=round(time.perf_counter() - start, 1),
    )
    _, secret = create_token(
        name="Bench HR", organization=organization, scopes=[ApiToken.Scope.ENROLLMENTS], by=None
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    measure(
        "api_enrollments_org",
        lambda: client.get("/api/v1/enrollments?limit=100"),
        check=_ok(100),
    )
    deep = sorted(mine.values_list("pk", flat=True))[-1_000]
    cursor = encode_cursor([deep])
    measure(
        "api_enrollments_org_deep",
        lambda: client.get(f"/api/v1/enrollments?limit=100&cursor={cursor}"),
        check=_ok(100),
    )


def test_credential_sign(bench_site):
    certificate = (
        Certificate.objects.select_related("enrollment__session__course", "enrollment__participant")
        .filter(state=Certificate.State.SENT)
        .first()
    )
    assert certificate is not None, "the demo has sent certificates"
    key = credentials.active_key()
    for index in range(50):  # warm-up
        credentials.sign_jwt(credentials.credential_claims(certificate, status_index=index), key)
    cpu, wall = time.process_time(), time.perf_counter()
    for index in range(SIGNATURES):
        token = credentials.sign_jwt(
            credentials.credential_claims(certificate, status_index=index), key
        )
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert token.count(".") == 2
    emit(
        "credential_sign",
        count=SIGNATURES,
        per_s=round(SIGNATURES / wall),
        cpu_per_s=round(SIGNATURES / cpu) if cpu else None,
        median_ms=round(1000 * wall / SIGNATURES, 3),
    )
