"""The REST API, version 1 (``/api/v1/``), built with django-ninja: typed schemas that
give the OpenAPI 3.1 document and its interactive docs (Swagger UI, served from
django-ninja's own static files, never a CDN).

Thin endpoints over the selectors and services of ``courses``, ``cms`` and
``participants``. Who sees what:

- the catalogue, upcoming sessions and certificate verification are public;
- enrollments, attendance summaries and certificates are read either by the signed-in
  person (their own; a browser session, with CSRF for any write) or by an API token
  (``Authorization: Bearer …``) for the staff of its organization, within its scopes.
  A token without the scope, or an object of another organization, is an empty list
  or a 404: nothing says that it exists.

Every error is an RFC 9457 problem detail (``api.problems``); ``api.middleware`` adds
token lookup, rate limits, the call log and ETags.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import NinjaAPI, Path, Query, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, django_auth
from pydantic import Field

from api.pagination import MAX_LIMIT, BadCursor, page
from api.problems import problem
from cms.models import CoursePage, ThematicArea
from cms.selectors import partner_organizations
from courses.certificates import credentials
from courses.certificates.pages import over_the_verify_limit
from courses.certificates.snapshot import CertificateSnapshot
from courses.enrollment.selectors import LISTED, SessionRow, with_seat_counts
from courses.models import ApiToken, Certificate, CourseSession, Enrollment
from participants.models import Organization
from participants.selectors import person_name

Scope = ApiToken.Scope
#: Certificates that exist for the outside world: sent, or sent and revoked since.
PUBLISHED = (Certificate.State.SENT, Certificate.State.REVOKED)


class ConcordAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Errors are ``application/problem+json`` (RFC 9457): say so in the schema."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content") or {}
                    if str(status).startswith(("4", "5")) and "application/json" in content:
                        response["content"] = {
                            "application/problem+json": content.pop("application/json")
                        }
        return schema


api = ConcordAPI(
    title="Concord API",
    version="1.0.0",
    description=(
        "Read-only access to Concord's catalogue, sessions, enrollments, attendance and "
        "certificates. Public endpoints need no credentials; the others take an API token "
        "(`Authorization: Bearer concord_…`, issued by an administrator for one "
        "organization and some scopes) or a signed-in browser session. Lists are "
        "cursor-paginated (`cursor`, `limit` ≤ 100) and carry an `ETag`. Errors are RFC "
        "9457 problem details."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# ---------------------------------------------------------------------- errors


@api.exception_handler(NinjaValidationError)
def _invalid(request, error):
    return problem(
        422,
        "Some parameters are not valid.",
        errors=[
            {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in error.errors
        ],
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, error):
    response = problem(401, "Sign in, or send an API token: Authorization: Bearer concord_…")
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def _not_found(request, error):
    return problem(404, "There is nothing here for you.")


@api.exception_handler(BadCursor)
def _bad_cursor(request, error):
    return problem(400, str(error))


@api.exception_handler(HttpError)
def _http_error(request, error):
    return problem(error.status_code, str(error))


@api.exception_handler(credentials.CredentialError)
def _no_credential(request, error):
    return problem(503, "Signed credentials cannot be made right now.")


# ---------------------------------------------------------------------- security


class TokenAuth(HttpBearer):
    """An API token (``api.middleware`` has already looked it up, or refused it)."""

    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        return getattr(request, "api_token", None)


CALLER = [TokenAuth(), django_auth]


def _scoped(request, queryset, scope: str, organization_field: str, person_field: str):
    """``queryset`` narrowed to what the caller may read: a token's organization (nothing
    without ``scope``), or the signed-in person's own rows."""
    token = getattr(request, "api_token", None)
    if token is not None:
        if scope not in token.scopes:
            return queryset.none()
        return queryset.filter(**{organization_field: token.organization_id})
    return queryset.filter(**{person_field: request.user.pk})


# ---------------------------------------------------------------------- schemas


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None


class Translation(Schema):
    id: int
    language: str
    title: str


class AreaOut(Schema):
    name: str
    slug: str
    description: str = ""


class OrganizationOut(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    website: str = ""


class CourseOut(Schema):
    id: int
    title: str
    slug: str
    language: str
    url: str | None
    summary: str
    duration_hours: int | None
    languages: list[str]
    delivery_mode: str
    thematic_areas: list[AreaOut]
    partner_organizations: list[OrganizationOut]
    translations: list[Translation]


class CoursePage_(Schema):
    items: list[CourseOut]
    next_cursor: str | None


class SessionOut(Schema):
    code: str
    course_id: int
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    timezone: str
    is_online: bool
    place: str
    language: str
    status: str
    policy: str
    capacity: int
    seats_left: int
    waitlisted: int
    enrollment_opens_at: datetime.datetime
    enrollment_closes_at: datetime.datetime
    enrollment_open: bool


class SessionPage(Schema):
    items: list[SessionOut]
    next_cursor: str | None


class IssuerOut(Schema):
    name: str
    acronym: str


class VerificationOut(Schema):
    reference: str
    valid: bool
    revoked_on: datetime.date | None
    name: str
    course: str
    starts_on: datetime.date
    ends_on: datetime.date
    place: str
    is_online: bool
    hours: Decimal
    issuers: list[IssuerOut]


class EnrollmentOut(Schema):
    id: int
    session_code: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    participant_name: str
    participant_email: str
    organization: str
    status: str
    requested_at: datetime.datetime
    decided_at: datetime.datetime | None


class EnrollmentPage(Schema):
    items: list[EnrollmentOut]
    next_cursor: str | None


class AttendanceOut(Schema):
    enrollment_id: int
    session_code: str
    participant_name: str
    status: str
    attended_meetings: int | None
    counted_meetings: int | None
    attendance_percent: Decimal | None
    completion_rule_met: bool | None


class AttendancePage(Schema):
    items: list[AttendanceOut]
    next_cursor: str | None


class CertificateOut(Schema):
    code: str
    reference: str
    state: str
    participant_name: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    hours: Decimal
    issued_at: datetime.datetime
    revoked_at: datetime.datetime | None
    verify_url: str
    credential_url: str | None


class CertificatePage(Schema):
    items: list[CertificateOut]
    next_cursor: str | None


class Paging(Schema):
    cursor: str | None = Field(None, max_length=200, description="From `next_cursor`.")
    limit: int = Field(MAX_LIMIT, ge=1, le=MAX_LIMIT)


class SessionFilters(Paging):
    starts_after: datetime.date | None = None
    starts_before: datetime.date | None = None
    status: CourseSession.Status | None = None
    course: int | None = Field(None, ge=1, lt=2**31)


class EnrollmentFilters(Paging):
    status: Enrollment.Status | None = None
    starts_after: datetime.date | None = None
    starts_before: datetime.date | None = None


class CertificateFilters(Paging):
    status: Certificate.State | None = None
    issued_after: datetime.date | None = None
    issued_before: datetime.date | None = None


ERRORS = {400: Problem, 401: Problem, 404: Problem, 422: Problem, 429: Problem}


# ---------------------------------------------------------------------- catalogue

catalogue = Router(tags=["catalogue"])


def _course_rows(request, courses: list[CoursePage]) -> list[dict]:
    keys = {course.translation_key for course in courses}
    others: dict = {}
    for row in (
        CoursePage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values("id", "title", "translation_key", "locale__language_code")
    ):
        others.setdefault(row["translation_key"], []).append(row)
    return [
        {
            "id": course.pk,
            "title": course.title,
            "slug": course.slug,
            "language": course.locale.language_code,
            "url": course.get_full_url(request),
            "summary": course.summary,
            "duration_hours": course.duration_hours,
            "languages": list(course.languages or []),
            "delivery_mode": course.delivery_mode,
            "thematic_areas": list(course.thematic_areas.all()),
            "partner_organizations": list(course.partner_organizations.all()),
            "translations": [
                {"id": o["id"], "language": o["locale__language_code"], "title": o["title"]}
                for o in others.get(course.translation_key, [])
                if o["id"] != course.pk
            ],
        }
        for course in courses
    ]


def _courses():
    return (
        CoursePage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related(
            "thematic_areas",
            Prefetch("partner_organizations", queryset=Organization.objects.order_by("acronym")),
        )
    )


@catalogue.get("/courses", response={200: CoursePage_, **ERRORS}, summary="Published courses")
def list_courses(request, paging: Query[Paging]):
    rows, following = page(
        _courses(), keys=("id",), kinds=(int,), cursor=paging.cursor, limit=paging.limit
    )
    return {"items": _course_rows(request, rows), "next_cursor": following}


@catalogue.get("/courses/{course_id}", response={200: CourseOut, **ERRORS}, summary="A course")
def get_course(request, course_id: int = Path(..., ge=1, lt=2**31)):
    course = get_object_or_404(_courses(), pk=course_id)
    return _course_rows(request, [course])[0]


@catalogue.get("/thematic-areas", response={200: list[AreaOut], **ERRORS})
def list_areas(request):
    return list(ThematicArea.objects.order_by("name"))


@catalogue.get("/organizations", response={200: list[OrganizationOut], **ERRORS})
def list_organizations(request):
    """The organizations that run at least one published course."""
    return partner_organizations()


# ---------------------------------------------------------------------- sessions

sessions = Router(tags=["sessions"])


def upcoming_session_rows(filters: SessionFilters) -> tuple[list[SessionRow], str | None]:
    """Upcoming sessions (the course pages' list), with their seat counts: one query."""
    now = timezone.now()
    queryset = with_seat_counts(
        CourseSession.objects.filter(
            status__in=LISTED, ends_on__gte=timezone.localdate(now)
        ).select_related("course")
    )
    if filters.starts_after:
        queryset = queryset.filter(starts_on__gte=filters.starts_after)
    if filters.starts_before:
        queryset = queryset.filter(starts_on__lte=filters.starts_before)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.course:
        # The course in any of its languages: its translations share the sessions.
        queryset = queryset.filter(
            course__translation_key__in=CoursePage.objects.filter(pk=filters.course).values(
                "translation_key"
            )
        )
    sessions_, following = page(
        queryset,
        keys=("starts_on", "id"),
        kinds=(datetime.date, int),
        cursor=filters.cursor,
        limit=filters.limit,
    )
    rows = [
        SessionRow(
            session=s,
            confirmed=s.confirmed_count,
            waitlisted=s.waitlisted_count,
            enrollment=None,
            can_enroll=s.enrollment_is_open(now),
        )
        for s in sessions_
    ]
    return rows, following


@sessions.get("", response={200: SessionPage, **ERRORS}, summary="Upcoming sessions")
def list_sessions(request, filters: Query[SessionFilters]):
    rows, following = upcoming_session_rows(filters)
    return {
        "items": [
            {
                "code": row.session.code,
                "course_id": row.session.course_id,
                "course_title": row.session.course.title,
                "starts_on": row.session.starts_on,
                "ends_on": row.session.ends_on,
                "timezone": row.session.timezone,
                "is_online": row.session.is_online,
                "place": str(row.session.place),
                "language": row.session.language,
                "status": row.session.status,
                "policy": row.session.policy,
                "capacity": row.session.capacity,
                "seats_left": row.seats_left,
                "waitlisted": row.waitlisted,
                "enrollment_opens_at": row.session.enrollment_opens_at,
                "enrollment_closes_at": row.session.enrollment_closes_at,
                "enrollment_open": row.can_enroll,
            }
            for row in rows
        ],
        "next_cursor": following,
    }


# ---------------------------------------------------------------------- certificates

certificates = Router(tags=["certificates"])


@certificates.get(
    "/verify/{code}",
    response={200: VerificationOut, **ERRORS},
    summary="Verify a certificate by its code",
)
def verify_certificate(request, code: str = Path(..., max_length=64, pattern=r"^[-\w]+$")):
    """What the public verification page shows, and nothing more; rate-limited per client
    address together with that page."""
    if over_the_verify_limit(request):
        return problem(429, "Too many verifications from this address: wait a minute.")
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        raise Http404
    snapshot = CertificateSnapshot.of(certificate)
    return {
        "reference": certificate.short_code,
        "valid": certificate.is_valid,
        "revoked_on": certificate.revoked_at.date() if certificate.revoked_at else None,
        "name": snapshot.participant_name,
        "course": snapshot.course_title,
        "starts_on": snapshot.starts_on,
        "ends_on": snapshot.ends_on,
        "place": snapshot.place,
        "is_online": snapshot.is_online,
        "hours": snapshot.hours_attended,
        "issuers": [{"name": i.name, "acronym": i.acronym} for i in snapshot.issuers],
    }


def _visible_certificates(request):
    return _scoped(
        request,
        Certificate.objects.filter(state__in=PUBLISHED),
        Scope.CERTIFICATES,
        "enrollment__organization_id",
        "enrollment__participant_id",
    )


def _certificate_row(request, certificate: Certificate) -> dict:
    snapshot = CertificateSnapshot.of(certificate)
    sent = certificate.state == Certificate.State.SENT
    return {
        "code": certificate.code,
        "reference": certificate.short_code,
        "state": certificate.state,
        "participant_name": snapshot.participant_name,
        "course_title": snapshot.course_title,
        "starts_on": snapshot.starts_on,
        "ends_on": snapshot.ends_on,
        "hours": snapshot.hours_attended,
        "issued_at": certificate.issued_at,
        "revoked_at": certificate.revoked_at,
        "verify_url": request.build_absolute_uri(certificate.get_absolute_url()),
        "credential_url": request.build_absolute_uri(
            f"/api/v1/certificates/{certificate.code}/credential"
        )
        if sent
        else None,
    }


@certificates.get(
    "", auth=CALLER, response={200: CertificatePage, **ERRORS}, summary="Certificates"
)
def list_certificates(request, filters: Query[CertificateFilters]):
    """Scope ``certificates:read``: the certificates of the token organization's staff;
    signed in: your own."""
    queryset = _visible_certificates(request)
    if filters.status:
        queryset = queryset.filter(state=filters.status)
    if filters.issued_after:
        queryset = queryset.filter(issued_at__date__gte=filters.issued_after)
    if filters.issued_before:
        queryset = queryset.filter(issued_at__date__lte=filters.issued_before)
    rows, following = page(
        queryset, keys=("id",), kinds=(int,), cursor=filters.cursor, limit=filters.limit
    )
    return {"items": [_certificate_row(request, c) for c in rows], "next_cursor": following}


CODE = Path(..., max_length=64, pattern=r"^[-\w]+$")


@certificates.get("/{code}", auth=CALLER, response={200: CertificateOut, **ERRORS})
def get_certificate(request, code: str = CODE):
    certificate = get_object_or_404(_visible_certificates(request), code=code)
    return _certificate_row(request, certificate)


@certificates.get(
    "/{code}/credential",
    auth=CALLER,
    response={200: dict, **ERRORS, 503: Problem},
    summary="The certificate as a signed Open Badges 3.0 credential",
)
def get_credential(request, code: str = CODE):
    """The W3C Verifiable Credential (``credential``) and its VC-JWT (``proof.jwt``),
    signed with Ed25519 by the issuer in ``/.well-known/did.json``."""
    certificate = get_object_or_404(
        _visible_certificates(request).filter(state=Certificate.State.SENT), code=code
    )
    return credentials.credential_json(credentials.issue_credential(certificate=certificate))


# ---------------------------------------------------------------------- enrollments

enrollments = Router(tags=["enrollments"])


def _enrollments(request, scope: str, filters):
    queryset = _scoped(
        request,
        Enrollment.objects.select_related("session__course", "participant", "organization"),
        scope,
        "organization_id",
        "participant_id",
    )
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.starts_after:
        queryset = queryset.filter(session__starts_on__gte=filters.starts_after)
    if filters.starts_before:
        queryset = queryset.filter(session__starts_on__lte=filters.starts_before)
    return page(queryset, keys=("id",), kinds=(int,), cursor=filters.cursor, limit=filters.limit)


def _enrollment_row(enrollment: Enrollment) -> dict:
    return {
        "id": enrollment.pk,
        "session_code": enrollment.session.code,
        "course_title": enrollment.session.course.title,
        "starts_on": enrollment.session.starts_on,
        "ends_on": enrollment.session.ends_on,
        "participant_name": person_name(enrollment.participant),
        "participant_email": enrollment.participant.email,
        "organization": enrollment.organization.acronym,
        "status": enrollment.status,
        "requested_at": enrollment.requested_at,
        "decided_at": enrollment.decided_at,
    }


@enrollments.get("", auth=CALLER, response={200: EnrollmentPage, **ERRORS}, summary="Enrollments")
def list_enrollments(request, filters: Query[EnrollmentFilters]):
    """Scope ``enrollments:read``: the enrollments of the token organization's staff;
    signed in: your own."""
    rows, following = _enrollments(request, Scope.ENROLLMENTS, filters)
    return {"items": [_enrollment_row(e) for e in rows], "next_cursor": following}


@enrollments.get("/{enrollment_id}", auth=CALLER, response={200: EnrollmentOut, **ERRORS})
def get_enrollment(request, enrollment_id: int = Path(..., ge=1, lt=2**63)):
    queryset = _scoped(
        request,
        Enrollment.objects.select_related("session__course", "participant", "organization"),
        Scope.ENROLLMENTS,
        "organization_id",
        "participant_id",
    )
    return _enrollment_row(get_object_or_404(queryset, pk=enrollment_id))


attendance = Router(tags=["attendance"])


@attendance.get(
    "", auth=CALLER, response={200: AttendancePage, **ERRORS}, summary="Attendance summaries"
)
def list_attendance(request, filters: Query[EnrollmentFilters]):
    """Scope ``attendance:read``: per enrollment, the sittings attended and counted and
    the attendance rate, as the completion rule last counted them."""
    rows, following = _enrollments(request, Scope.ATTENDANCE, filters)
    return {
        "items": [
            {
                "enrollment_id": e.pk,
                "session_code": e.session.code,
                "participant_name": person_name(e.participant),
                "status": e.status,
                "attended_meetings": e.attended_meetings,
                "counted_meetings": e.counted_meetings,
                "attendance_percent": e.attendance_percent,
                "completion_rule_met": e.completion_rule_met,
            }
            for e in rows
        ],
        "next_cursor": following,
    }


api.add_router("/catalogue", catalogue)
api.add_router("/sessions", sessions)
api.add_router("/certificates", certificates)
api.add_router("/enrollments", enrollments)
api.add_router("/attendance", attendance)
