"""Taking attendance: the sheet saves every change in one request with a fixed number of
queries, refuses cells someone else changed since it was loaded, logs every change, and
is for the session's coordinators and trainers only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.attendance.services import (
    AttendanceError,
    CellChange,
    mark_all_present,
    record_attendance,
)
from courses.audit import RECORD_ACTION
from courses.learning.services import record_module_visit
from courses.models import Attendance, ModuleVisit
from tests.factories.courses import make_running_session
from tests.factories.pages import make_module
from tests.factories.users import make_coordinator, make_participant, make_trainer

pytestmark = pytest.mark.django_db

S = Attendance.Status


@pytest.fixture
def trainer():
    return make_trainer("teacher")


@pytest.fixture
def session(course, coordinator, trainer):
    return make_running_session(
        course, people=3, meetings=3, coordinators=[coordinator], trainers=[trainer]
    )


def grid(session):
    """(enrollments, meetings) of ``session``, in the sheet's order."""
    return (
        list(session.enrollments.order_by("participant__last_name", "participant__first_name")),
        list(session.meetings.order_by("starts_at")),
    )


def marks(session):
    return {
        (a.enrollment_id, a.meeting_id): a.status
        for a in Attendance.objects.filter(meeting__session=session)
    }


def sheet_url(session, meeting=None):
    url = reverse("course_attendance:sheet", args=[session.pk])
    return f"{url}?meeting={meeting.pk}" if meeting else url


def loaded_of(html):
    return re.search(r'name="loaded" value="([^"]*)"', html).group(1)


# ---------------------------------------------------------------------- the service


def test_a_save_inserts_updates_and_clears_marks_and_logs_each_change(session, coordinator):
    (a, b, _c), (m1, m2, _m3) = grid(session)
    record_attendance(
        session=session,
        by=coordinator,
        changes=[CellChange(a.pk, m1.pk, S.PRESENT), CellChange(b.pk, m1.pk, S.ABSENT)],
    )
    result = record_attendance(
        session=session,
        by=coordinator,
        changes=[
            CellChange(a.pk, m1.pk, S.LATE, note="Train delayed", loaded_version=1),
            CellChange(b.pk, m1.pk, "", loaded_version=1),
            CellChange(a.pk, m2.pk, S.EXCUSED),
        ],
    )
    assert (result.saved, result.conflicts) == (3, [])
    assert marks(session) == {(a.pk, m1.pk): S.LATE, (a.pk, m2.pk): S.EXCUSED}
    late = Attendance.objects.get(enrollment=a, meeting=m1)
    assert (late.version, late.note, late.recorded_by) == (2, "Train delayed", coordinator)
    # One entry per person and save, listing each of their changes.
    entries = ModelLogEntry.objects.filter(action=RECORD_ACTION).order_by("pk")
    assert [
        (e.data["participant"], [(c["meeting"], c["from"], c["to"]) for c in e.data["changes"]])
        for e in entries
    ] == [
        (a.participant.get_full_name(), [(m1.pk, "", S.PRESENT)]),
        (b.participant.get_full_name(), [(m1.pk, "", S.ABSENT)]),
        (a.participant.get_full_name(), [(m1.pk, S.PRESENT, S.LATE), (m2.pk, "", S.EXCUSED)]),
        (b.participant.get_full_name(), [(m1.pk, S.ABSENT, "")]),
    ]
    assert {e.user for e in entries} == {coordinator}
    assert {e.object_id for e in entries} == {str(session.pk)}
    message = entries[2].message
    assert "Day 1: Present → Late" in message and "Day 2: not marked → Excused" in message


def test_a_cell_changed_by_someone_else_is_refused_and_the_rest_saved(
    session, coordinator, trainer
):
    (a, b, _c), (m1, _m2, _m3) = grid(session)
    # Both open the sheet with every cell unmarked (version 0). The trainer saves first.
    record_attendance(session=session, by=trainer, changes=[CellChange(a.pk, m1.pk, S.ABSENT)])
    result = record_attendance(
        session=session,
        by=coordinator,
        changes=[CellChange(a.pk, m1.pk, S.PRESENT), CellChange(b.pk, m1.pk, S.PRESENT)],
    )
    assert result.saved == 1
    [conflict] = result.conflicts
    assert (conflict.current, conflict.wanted) == (S.ABSENT, S.PRESENT)
    assert "Absent" in conflict.message and "teacher" in conflict.message
    assert marks(session) == {(a.pk, m1.pk): S.ABSENT, (b.pk, m1.pk): S.PRESENT}


def test_the_same_mark_set_twice_is_no_conflict(session, coordinator, trainer):
    (a, _b, _c), (m1, _m2, _m3) = grid(session)
    record_attendance(session=session, by=trainer, changes=[CellChange(a.pk, m1.pk, S.PRESENT)])
    result = record_attendance(
        session=session, by=coordinator, changes=[CellChange(a.pk, m1.pk, S.PRESENT)]
    )
    assert (result.saved, result.conflicts) == (0, [])
    assert ModelLogEntry.objects.filter(action=RECORD_ACTION).count() == 1


def test_mark_all_present_fills_the_blanks_only(session, coordinator):
    (a, b, c), (m1, _m2, _m3) = grid(session)
    record_attendance(session=session, by=coordinator, changes=[CellChange(a.pk, m1.pk, S.LATE)])
    assert mark_all_present(meeting=m1, by=coordinator) == 2
    assert marks(session) == {
        (a.pk, m1.pk): S.LATE,
        (b.pk, m1.pk): S.PRESENT,
        (c.pk, m1.pk): S.PRESENT,
    }
    assert mark_all_present(meeting=m1, by=coordinator) == 0


def test_only_the_session_staff_record_and_only_its_cells(course, session, coordinator):
    (a, _b, _c), (m1, _m2, _m3) = grid(session)
    for someone in (make_coordinator("other"), make_participant("someone")):
        with pytest.raises(AttendanceError, match="coordinator or trainer"):
            record_attendance(
                session=session, by=someone, changes=[CellChange(a.pk, m1.pk, S.PRESENT)]
            )
    other = make_running_session(course, people=1, meetings=1, coordinators=[coordinator])
    stranger = other.enrollments.get()
    with pytest.raises(AttendanceError, match="does not match"):
        record_attendance(
            session=session, by=coordinator, changes=[CellChange(stranger.pk, m1.pk, S.PRESENT)]
        )
    with pytest.raises(AttendanceError, match="not a mark"):
        record_attendance(
            session=session, by=coordinator, changes=[CellChange(a.pk, m1.pk, "here")]
        )
    assert not Attendance.objects.exists()


def _save_queries(course, coordinator, people):
    session = make_running_session(course, people=people, meetings=6, coordinators=[coordinator])
    enrollments, meetings = grid(session)
    first = [CellChange(e.pk, m.pk, S.PRESENT) for e in enrollments for m in meetings]
    record_attendance(session=session, by=coordinator, changes=first)
    cells = [(e, m) for e in enrollments for m in meetings]
    second = [
        CellChange(e.pk, m.pk, "" if i % 7 == 0 else S.ABSENT, loaded_version=1)
        for i, (e, m) in enumerate(cells)
    ]
    with CaptureQueriesContext(connection) as queries:
        result = record_attendance(session=session, by=coordinator, changes=second)
    assert result.saved == len(cells)
    return len(queries)


def test_a_save_runs_the_same_queries_whatever_its_size(course, coordinator):
    small, large = (_save_queries(course, coordinator, people) for people in (5, 40))
    assert small == large
    # Lock with the meetings, roster, marks, upsert, delete (two), log; a savepoint pair.
    assert large <= 9


# ---------------------------------------------------------------------- module visits


def test_a_module_opened_by_a_participant_is_recorded_once(client, course, session):
    module = make_module(course)
    participant = session.enrollments.first().participant
    client.force_login(participant)
    assert client.get(module.url).status_code == 200
    assert client.get(module.url).status_code == 200
    assert ModuleVisit.objects.filter(user=participant, module=module).count() == 1


def test_people_without_a_seat_are_not_recorded(client, course, session, trainer):
    module = make_module(course)
    outsider = make_participant("outsider")
    record_module_visit(user=outsider, module=module)
    client.force_login(trainer)
    client.get(module.url)
    assert not ModuleVisit.objects.exists()


# ---------------------------------------------------------------------- the sheet


def test_coordinators_and_trainers_see_the_sheet_others_get_404(client, session, trainer):
    for someone in (make_coordinator("other"), make_trainer("other-trainer")):
        client.force_login(someone)
        assert client.get(sheet_url(session)).status_code == 404
        assert client.post(sheet_url(session), {"loaded": ""}).status_code == 404
    client.force_login(trainer)
    html = client.get(sheet_url(session)).content.decode()
    enrollments, meetings = grid(session)
    for e in enrollments:
        assert e.participant.get_full_name() in html
    for m in meetings:
        assert f'id="m-{m.pk}"' in html
    # Each select is labelled by its person and its meeting.
    e, m = enrollments[0], meetings[0]
    labelled = f'id="c-{e.pk}-{m.pk}" aria-labelledby="p-{e.pk} m-{m.pk}"'
    assert labelled in html


def test_the_sheet_saves_only_what_changed_in_one_post(client, session, coordinator):
    (a, b, c), (m1, m2, _m3) = grid(session)
    record_attendance(session=session, by=coordinator, changes=[CellChange(c.pk, m2.pk, S.EXCUSED)])
    client.force_login(coordinator)
    loaded = loaded_of(client.get(sheet_url(session)).content.decode())
    data = {"loaded": loaded}
    for e in (a, b, c):
        for m in grid(session)[1]:
            data[f"c-{e.pk}-{m.pk}"] = ""
    data[f"c-{c.pk}-{m2.pk}"] = S.EXCUSED  # unchanged
    data[f"c-{a.pk}-{m1.pk}"] = S.PRESENT
    data[f"c-{b.pk}-{m1.pk}"] = S.LATE
    response = client.post(sheet_url(session), data, follow=True)
    assert "2 marks saved." in response.content.decode()
    assert marks(session) == {
        (a.pk, m1.pk): S.PRESENT,
        (b.pk, m1.pk): S.LATE,
        (c.pk, m2.pk): S.EXCUSED,
    }


def test_two_people_on_one_sheet(client, session, coordinator, trainer):
    (a, b, _c), (m1, _m2, _m3) = grid(session)
    client.force_login(coordinator)
    coordinator_loaded = loaded_of(client.get(sheet_url(session)).content.decode())
    client.force_login(trainer)
    trainer_loaded = loaded_of(client.get(sheet_url(session)).content.decode())
    client.post(sheet_url(session), {"loaded": trainer_loaded, f"c-{a.pk}-{m1.pk}": S.ABSENT})

    client.force_login(coordinator)
    response = client.post(
        sheet_url(session),
        {
            "loaded": coordinator_loaded,
            f"c-{a.pk}-{m1.pk}": S.PRESENT,
            f"c-{b.pk}-{m1.pk}": S.PRESENT,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "it is now “Absent”" in html
    assert "att-cell--conflict" in html
    assert marks(session) == {(a.pk, m1.pk): S.ABSENT, (b.pk, m1.pk): S.PRESENT}
    # The page shows the current marks: saving it again now changes nothing.
    assert '<option value="absent" selected>' in html


def test_mark_all_present_button_saves_the_sheet_too(client, session, coordinator):
    (a, b, c), (m1, _m2, _m3) = grid(session)
    client.force_login(coordinator)
    loaded = loaded_of(client.get(sheet_url(session)).content.decode())
    client.post(
        sheet_url(session),
        {"loaded": loaded, f"c-{a.pk}-{m1.pk}": S.ABSENT, "mark_all": str(m1.pk)},
    )
    assert marks(session) == {
        (a.pk, m1.pk): S.ABSENT,
        (b.pk, m1.pk): S.PRESENT,
        (c.pk, m1.pk): S.PRESENT,
    }


def test_one_meeting_with_notes(client, session, coordinator):
    (a, b, _c), (m1, _m2, _m3) = grid(session)
    client.force_login(coordinator)
    html = client.get(sheet_url(session, m1)).content.decode()
    assert 'type="radio"' in html
    loaded = loaded_of(html)
    client.post(
        sheet_url(session, m1),
        {
            "loaded": loaded,
            "meeting": str(m1.pk),
            f"c-{a.pk}-{m1.pk}": S.EXCUSED,
            f"n-{a.pk}-{m1.pk}": "Medical appointment",
            f"on-{a.pk}-{m1.pk}": "",
            f"c-{b.pk}-{m1.pk}": "",
            f"n-{b.pk}-{m1.pk}": "",
            f"on-{b.pk}-{m1.pk}": "",
        },
    )
    mark = Attendance.objects.get()
    assert (mark.enrollment, mark.status, mark.note) == (a, S.EXCUSED, "Medical appointment")


def test_a_get_changes_nothing(client, session, coordinator):
    client.force_login(coordinator)
    client.get(sheet_url(session) + "?mark_all=1")
    assert not Attendance.objects.exists()


def _sheet_queries(client, session, coordinator):
    client.force_login(coordinator)
    client.get(sheet_url(session))
    with CaptureQueriesContext(connection) as render:
        html = client.get(sheet_url(session)).content.decode()
    enrollments, meetings = grid(session)
    data = {"loaded": loaded_of(html)}
    for i, e in enumerate(enrollments):
        for m in meetings:
            data[f"c-{e.pk}-{m.pk}"] = S.PRESENT if i % 3 else S.LATE
    with CaptureQueriesContext(connection) as save:
        response = client.post(sheet_url(session), data)
    assert response.status_code == 302
    assert len(marks(session)) == len(enrollments) * len(meetings)
    return len(render), len(save)


def test_the_sheet_render_and_save_do_not_grow(client, course, coordinator):
    small = make_running_session(course, people=3, meetings=2, coordinators=[coordinator])
    large = make_running_session(course, people=30, meetings=8, coordinators=[coordinator])
    assert _sheet_queries(client, small, coordinator) == _sheet_queries(client, large, coordinator)


def test_the_attendance_index_lists_own_sessions(client, course, session, trainer):
    other = make_running_session(course, people=1, meetings=1, code="not-mine")
    client.force_login(trainer)
    html = client.get(reverse("course_attendance:index")).content.decode()
    assert session.code in html and other.code not in html


def test_the_attendance_index_pages_searches_and_sorts(client, course, coordinator, trainer, login):
    """Wagtail's listing: search by code or course, sort by code, pages of 50; the
    completion link only for sessions the user runs."""
    codes = [f"s-{n:02d}" for n in range(52)]
    for code in codes:
        make_running_session(course, people=0, meetings=1, code=code, trainers=[trainer])
    taught = make_running_session(
        course, people=1, meetings=1, code="taught-only", coordinators=[], trainers=[trainer]
    )
    run = make_running_session(
        course, people=1, meetings=1, code="run-too", coordinators=[coordinator], trainers=[trainer]
    )
    login(client, trainer)
    index = reverse("course_attendance:index")
    first = client.get(index)
    assert first.status_code == 200
    assert len(first.context["object_list"]) == 50
    assert first.context["page_obj"].paginator.count == 54
    found = client.get(index, {"q": "taught"})
    assert [s.code for s in found.context["object_list"]] == ["taught-only"]
    by_code = client.get(index, {"ordering": "code"})
    listed = [s.code for s in by_code.context["object_list"]]
    assert listed == sorted(listed)
    completion = reverse("course_attendance:completion", args=[run.pk])
    assert completion not in client.get(index, {"q": "run-too"}).content.decode()
    login(client, coordinator)
    html = client.get(index, {"q": "run-too"}).content.decode()
    assert completion in html
    assert reverse("course_attendance:completion", args=[taught.pk]) not in html


def _crumbs(html: str) -> list[str]:
    """The labels of the admin breadcrumbs, in order."""
    nav = re.search(r'<nav[^>]*aria-label="Breadcrumb".*?</nav>', html, re.S)
    assert nav, "no breadcrumbs"
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li[^>]*>(.*?)</li>", nav.group(0), re.S)
    ]


@pytest.mark.parametrize(
    ("name", "by_meeting", "trail", "last"),
    [
        ("course_review:review", False, "Sessions", "Review enrollments"),
        ("course_certificates:index", False, "Sessions", "Certificates"),
        ("course_session_report:index", False, "Sessions", "Report"),
        ("course_attendance:completion", False, "Attendance", "Completion"),
        ("course_attendance:import", False, "Attendance", "Import attendance"),
        ("course_attendance:check_in", True, "Attendance", "Check-in"),
    ],
)
def test_every_session_screen_leads_back_to_the_session(
    client, session, coordinator, name, by_meeting, trail, last
):
    client.force_login(coordinator)
    pk = session.meetings.order_by("starts_at").first().pk if by_meeting else session.pk
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    crumbs = _crumbs(response.content.decode())
    assert crumbs[-3:] == [trail, session.code, last]
    parent = (
        reverse("course_attendance:sheet", args=[session.pk])
        if trail == "Attendance"
        else reverse("course_sessions:edit", args=[session.pk])
    )
    assert f'href="{parent}"' in response.content.decode()
