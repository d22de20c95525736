"""The attendance sheet as a CSV file: exported safe to open, imported all or nothing,
with every problem reported by row and column."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from courses.models import Attendance, Enrollment
from courses.selectors import attendance_export
from courses.services import (
    RECORD_ACTION,
    AttendanceError,
    CellChange,
    ImportRefused,
    import_attendance,
    record_attendance,
)
from tests.factories.courses import make_cohort, make_running_session
from tests.factories.users import PASSWORD, make_coordinator, make_participant, make_trainer

pytestmark = pytest.mark.django_db

S = Attendance.Status


@pytest.fixture
def session(course, coordinator):
    """Three confirmed people (p…-0 to p…-2) and three meetings held, none marked."""
    return make_running_session(
        course, people=3, meetings=3, coordinators=[coordinator], code="mpd-2026"
    )


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def people(session):
    return list(session.enrollments.select_related("participant").order_by("pk"))


def meetings(session):
    return list(session.meetings.order_by("starts_at"))


def export_rows(client, session):
    response = client.get(reverse("course_attendance_export", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="attendance-{session.code}-' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def to_csv(rows, delimiter=",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode()


def upload(client, session, data: bytes, name="attendance.csv"):
    return client.post(
        reverse("course_attendance_import", args=[session.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def marks(session):
    return {
        (a.enrollment.participant.username, a.meeting_id): a.status
        for a in Attendance.objects.filter(meeting__session=session).select_related(
            "enrollment__participant"
        )
    }


def column_of(meeting, time=True) -> str:
    return f"{meeting.starts_at:%Y-%m-%d %H:%M}" if time else f"{meeting.starts_at:%Y-%m-%d}"


def one_cell(session, status="present") -> bytes:
    """A file marking the first person at the first meeting."""
    first, m1 = people(session)[0], meetings(session)[0]
    return to_csv([["Email", column_of(m1)], [first.participant.email, status]])


def errors_of(response):
    return [(e.row, e.column, e.message) for e in response.context["import_errors"]]


# --- export ------------------------------------------------------------------------------


def test_the_export_lists_people_meetings_marks_and_versions(client, coordinator, session):
    first, second, _third = people(session)
    m1, m2, _m3 = meetings(session)
    record_attendance(
        session=session,
        by=coordinator,
        changes=[
            CellChange(first.pk, m1.pk, S.PRESENT),
            CellChange(second.pk, m2.pk, S.EXCUSED),
        ],
    )
    rows = export_rows(login(client, coordinator), session)
    header = rows[0]
    assert header[:3] == ["Participant", "Email", "Organization"]
    assert header[3].startswith(f"{m1.starts_at:%Y-%m-%d %H:%M} Day 1")
    assert header[-1] == "Versions (do not edit)"
    by_email = {row[1]: row for row in rows[1:]}
    assert set(by_email) == {p.participant.email for p in people(session)}
    row = by_email[first.participant.email]
    assert row[0] == first.participant.get_full_name()
    assert row[2] == "UN Department of Political and Peacebuilding Affairs"
    assert row[3:6] == ["Present", "", ""]
    assert row[6] == f"{m1.pk}:1"
    assert by_email[second.participant.email][3:6] == ["", "Excused", ""]


def test_the_export_neutralizes_formulas(client, coordinator, session):
    person = people(session)[0].participant
    person.first_name, person.last_name = '=HYPERLINK("http://evil.example")', "+1"
    person.save()
    rows = export_rows(login(client, coordinator), session)
    names = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example") +1' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


# --- import: a valid file ------------------------------------------------------------------


def test_a_filled_in_export_is_imported_through_the_service(client, coordinator, session):
    client = login(client, coordinator)
    rows = export_rows(client, session)
    first, second, third = people(session)
    emails = [p.participant.email for p in (first, second, third)]
    for row in rows[1:]:
        row[3:6] = {
            emails[0]: ["Present", "late", "ABSENT"],
            emails[1]: ["excused", "", "present"],
            emails[2]: ["", "", ""],
        }[row[1]]
    response = upload(client, session, to_csv(rows))
    assert response.status_code == 302
    assert response["Location"] == reverse("course_attendance_sheet", args=[session.pk])
    m1, m2, m3 = (m.pk for m in meetings(session))
    u1, u2 = first.participant.username, second.participant.username
    assert marks(session) == {
        (u1, m1): S.PRESENT,
        (u1, m2): S.LATE,
        (u1, m3): S.ABSENT,
        (u2, m1): S.EXCUSED,
        (u2, m3): S.PRESENT,
    }
    saved = Attendance.objects.filter(meeting__session=session)
    assert {(a.source, a.recorded_by_id, a.version) for a in saved} == {
        (Attendance.Source.IMPORT, coordinator.pk, 1)
    }
    log = ModelLogEntry.objects.filter(action=RECORD_ACTION, object_id=str(session.pk))
    # One entry per person whose marks changed, listing each change.
    assert log.count() == 2
    assert sum(len(entry.data["changes"]) for entry in log) == 5
    assert {entry.data["source"] for entry in log} == {"import"}
    assert {entry.user_id for entry in log} == {coordinator.pk}
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "5 marks imported." in messages


def test_importing_the_same_file_twice_saves_nothing_the_second_time(coordinator, session):
    first = people(session)[0]
    header = ["Email", *(column_of(m) for m in meetings(session))]
    data = to_csv([header, [first.participant.email, "present", "present", "late"]])
    assert import_attendance(session=session, by=coordinator, data=data).saved == 3
    again = import_attendance(session=session, by=coordinator, data=data)
    assert (again.saved, again.unchanged) == (0, 3)
    log = ModelLogEntry.objects.filter(action=RECORD_ACTION)
    assert log.count() == 1  # the first import's entry; the second changed nothing
    assert len(log.get().data["changes"]) == 3


def test_a_file_from_a_french_spreadsheet_is_read(coordinator, session):
    """Semicolons, a byte-order mark, a date without the time, an exported label."""
    first = people(session)[0]
    m1 = meetings(session)[0]
    rows = [
        ["Participant", "Courriel", column_of(m1, time=False)],
        ["X", first.participant.email, "Late"],
    ]
    data = "\ufeff".encode() + to_csv(rows, delimiter=";")
    assert import_attendance(session=session, by=coordinator, data=data).saved == 1
    assert Attendance.objects.get(enrollment=first, meeting=m1).status == S.LATE


def test_marks_are_read_in_any_language_of_the_site(coordinator, session):
    """A sheet exported in French (“Présent”, “En retard”) imports for anyone."""
    first, second, _third = people(session)
    m1 = meetings(session)[0]
    rows = [
        ["Adresse e-mail", "Organisation", column_of(m1)],
        [first.participant.email, "X", "Présent"],
        [second.participant.email, "X", "en retard"],
    ]
    assert import_attendance(session=session, by=coordinator, data=to_csv(rows)).saved == 2
    assert Attendance.objects.get(enrollment=second, meeting=m1).status == S.LATE
    with translation.override("fr"):
        header = attendance_export(session)[0]
    assert header[:3] == ["Participant", "Adresse e-mail", "Organisation"]
    assert header[-1] == "Versions (ne pas modifier)"


def test_empty_cells_leave_marks_as_they_are(coordinator, session):
    first = people(session)[0]
    m1, m2, _m3 = meetings(session)
    record_attendance(
        session=session, by=coordinator, changes=[CellChange(first.pk, m1.pk, S.ABSENT)]
    )
    header = ["Email", *(column_of(m) for m in meetings(session))]
    data = to_csv([header, [first.participant.email, "", "present", ""]])
    result = import_attendance(session=session, by=coordinator, data=data)
    assert (result.saved, result.blank) == (1, 2)
    assert Attendance.objects.get(enrollment=first, meeting=m1).status == S.ABSENT
    assert Attendance.objects.get(enrollment=first, meeting=m2).status == S.PRESENT


# --- import: invalid files save nothing ------------------------------------------------------


def test_any_invalid_row_saves_nothing_and_every_problem_is_listed(client, coordinator, session):
    client = login(client, coordinator)
    first, second, _third = people(session)
    (waiting,) = make_cohort(session, 1, prefix="w", status=Enrollment.Status.WITHDRAWN)
    header = [
        "Participant",
        "Email",
        *(f"{column_of(m)} Day" for m in meetings(session)),
    ]
    rows = [
        header,
        ["Good", first.participant.email, "present", "present", "present"],  # row 2: fine
        ["Typo", second.participant.email, "present", "prsent", ""],  # row 3
        ["Stranger", "nobody@example.org", "present", "", ""],  # row 4
        ["Gone", waiting.participant.email, "present", "", ""],  # row 5
        ["Twice", first.participant.email.upper(), "late", "", ""],  # row 6
        ["", "", "", "", ""],  # blank lines are skipped
        ["No email", "", "present", "", ""],  # row 8
    ]
    response = upload(client, session, to_csv(rows))
    assert response.status_code == 200
    assert Attendance.objects.filter(meeting__session=session).count() == 0
    assert not ModelLogEntry.objects.filter(action=RECORD_ACTION).exists()
    errors = errors_of(response)
    assert [(row, column) for row, column, _message in errors] == [
        (3, header[3]),
        (4, "Email"),
        (5, "Email"),
        (6, "Email"),
        (8, "Email"),
    ]
    messages = [message for _row, _column, message in errors]
    assert messages[0].startswith("“prsent” is not a mark: write one of Present, Late")
    assert "Unknown participant" in messages[1]
    assert "is not a confirmed participant (Withdrawn)" in messages[2]
    assert "is already on row 2" in messages[3]
    assert messages[4] == "No email address."
    html = response.content.decode()
    assert "5 problems: nothing was saved" in html
    assert "nobody@example.org" in html


def test_an_unknown_meeting_column_is_refused(coordinator, session):
    first = people(session)[0]
    data = to_csv(
        [
            ["Email", "2001-01-01 09:00 Day 0", "Remarks"],
            [first.participant.email, "present", "ok"],
        ]
    )
    with pytest.raises(ImportRefused) as refused:
        import_attendance(session=session, by=coordinator, data=data)
    problems = [(e.row, e.column) for e in refused.value.errors]
    assert problems == [(1, "2001-01-01 09:00 Day 0"), (1, "Remarks")]
    assert "Unknown meeting column: no meeting of this session starts then." in str(
        refused.value.errors[0]
    )
    assert Attendance.objects.count() == 0


def test_a_file_without_an_email_column_is_refused(coordinator, session):
    m1 = meetings(session)[0]
    data = to_csv([["Participant", column_of(m1)], ["Someone", "present"]])
    with pytest.raises(ImportRefused) as refused:
        import_attendance(session=session, by=coordinator, data=data)
    assert "no Email column" in refused.value.errors[0].message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        ("Email,Présent\n".encode("latin-1"), "The file is not in UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "This is not a CSV file"),
        (b'Email,"unclosed\n', "The file is not valid CSV"),
        (b"Email\n" + b"x@example.org\n" * 2_100, "too many rows"),
    ],
    ids=["empty", "latin-1", "binary", "broken-quotes", "too-many-rows"],
)
def test_unreadable_files_are_refused_with_a_reason(coordinator, session, data, message):
    with pytest.raises(ImportRefused) as refused:
        import_attendance(session=session, by=coordinator, data=data)
    assert refused.value.errors[0].row == 0
    assert message in refused.value.errors[0].message


def test_a_huge_upload_is_refused_before_it_is_read(client, coordinator, session):
    response = upload(login(client, coordinator), session, b"Email\n" + b"x" * 1_100_000)
    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert Attendance.objects.count() == 0


def test_a_mark_changed_after_the_export_refuses_the_whole_file(client, coordinator, session):
    client = login(client, coordinator)
    first, second, _third = people(session)
    m1 = meetings(session)[0]
    rows = export_rows(client, session)
    for row in rows[1:]:
        if row[1] == first.participant.email:
            row[3] = "Absent"
        if row[1] == second.participant.email:
            row[3] = "Present"
    # A participant checks in (or a trainer marks the sheet) after the export.
    trainer = make_trainer("teacher")
    session.trainers.add(trainer)
    record_attendance(session=session, by=trainer, changes=[CellChange(first.pk, m1.pk, S.LATE)])
    response = upload(client, session, to_csv(rows))
    assert response.status_code == 200
    ((row, column, message),) = errors_of(response)
    assert column == rows[0][3]
    assert row == 1 + [r[1] for r in rows].index(first.participant.email)
    assert "changed this mark after the file was exported: it is now “Late”" in message
    # The other person's mark, valid on its own, was rolled back with the rest.
    assert marks(session) == {(first.participant.username, m1.pk): S.LATE}


def test_a_damaged_versions_cell_is_refused(coordinator, session):
    first = people(session)[0]
    m1 = meetings(session)[0]
    data = to_csv(
        [
            ["Email", column_of(m1), "Versions (do not edit)"],
            [first.participant.email, "present", "999999:1"],
        ]
    )
    with pytest.raises(ImportRefused) as refused:
        import_attendance(session=session, by=coordinator, data=data)
    assert refused.value.errors[0].message == "This cell was changed: export the sheet again."


# --- who may ------------------------------------------------------------------------------


def test_a_trainer_of_the_session_may_export_and_import(client, session):
    trainer = make_trainer("teacher")
    session.trainers.add(trainer)
    client = login(client, trainer)
    rows = export_rows(client, session)
    rows[1][3] = "present"
    assert upload(client, session, to_csv(rows)).status_code == 302
    assert Attendance.objects.get().recorded_by == trainer


@pytest.mark.parametrize("name", ["course_attendance_export", "course_attendance_import"])
def test_a_coordinator_of_another_session_gets_404(client, session, name):
    other = make_coordinator("other")
    assert login(client, other).get(reverse(name, args=[session.pk])).status_code == 404


def test_posting_a_file_to_a_foreign_session_changes_nothing(client, session):
    other = make_coordinator("other")
    assert upload(login(client, other), session, one_cell(session)).status_code == 404
    assert Attendance.objects.count() == 0


def test_the_service_refuses_someone_who_does_not_take_attendance(session):
    with pytest.raises(AttendanceError):
        import_attendance(session=session, by=make_coordinator("other"), data=one_cell(session))
    assert Attendance.objects.count() == 0


def test_a_participant_cannot_reach_the_export(client, session):
    person = make_participant("someone")
    response = login(client, person).get(reverse("course_attendance_export", args=[session.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
