"""``insert_rows`` writes many rows in one statement (one JSON document unpacked by
PostgreSQL), and upserts;
``log_each`` writes the audit entries Wagtail's ``log`` would, in one statement."""

import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from courses.audit import RECORD_ACTION, log_each
from courses.bulk import insert_rows
from courses.models import Attendance, CourseSession
from tests.factories.courses import make_running_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db

COLUMNS = ["enrollment_id", "meeting_id", "status", "note", "version"]
UPDATE = ["status", "note", "version", "source", "recorded_by_id", "recorded_at"]


@pytest.fixture
def grid(catalog):
    session = make_running_session(make_course(catalog, title="Bulk"), people=3, meetings=2)
    return (
        session,
        list(session.enrollments.order_by("pk")),
        list(session.meetings.order_by("pk")),
        make_coordinator("bulk-coordinator"),
    )


def test_rows_are_inserted_then_updated_in_place(grid):
    session, enrollments, meetings, by = grid
    first = datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.UTC)
    rows = [(e.pk, m.pk, "present", "", 1) for e in enrollments for m in meetings]
    with CaptureQueriesContext(connection) as queries:
        insert_rows(
            Attendance,
            COLUMNS,
            rows,
            same={"source": "sheet", "recorded_by_id": by.pk, "recorded_at": first},
            unique=["enrollment_id", "meeting_id"],
            update=UPDATE,
        )
    assert len(queries) == 1
    marks = Attendance.objects.filter(meeting__session=session)
    assert marks.count() == 6
    assert set(marks.values_list("status", "source", "recorded_by", "recorded_at", "version")) == {
        ("present", "sheet", by.pk, first, 1)
    }
    ids = set(marks.values_list("pk", flat=True))

    later = first + datetime.timedelta(hours=2)
    e, m = enrollments[1], meetings[0]
    insert_rows(
        Attendance,
        COLUMNS,
        [(e.pk, m.pk, "late", "Train delayed — “quoted”, 'single' \\ back", 2)],
        same={"source": "import", "recorded_by_id": None, "recorded_at": later},
        unique=["enrollment_id", "meeting_id"],
        update=UPDATE,
    )
    assert set(marks.values_list("pk", flat=True)) == ids  # updated, not added
    changed = marks.get(enrollment=e, meeting=m)
    assert (changed.status, changed.note, changed.version, changed.source) == (
        "late",
        "Train delayed — “quoted”, 'single' \\ back",
        2,
        "import",
    )
    assert (changed.recorded_by_id, changed.recorded_at) == (None, later)
    assert marks.exclude(pk=changed.pk).filter(status="present", version=1).count() == 5


def test_json_and_uuid_columns_round_trip(grid):
    session, _enrollments, _meetings, by = grid
    batch = uuid.uuid4()
    now = timezone.now()
    data = [{"changes": [{"from": "", "to": "present"}], "n": i, "name": "Zoë <b>"} for i in (1, 2)]
    insert_rows(
        ModelLogEntry,
        ["data"],
        [(d,) for d in data],
        same={
            "content_type_id": ContentType.objects.get_for_model(CourseSession).pk,
            "object_id": str(session.pk),
            "label": str(session),
            "action": "concord.test",
            "user_id": by.pk,
            "uuid": batch,
            "timestamp": now,
            "revision_id": None,
            "content_changed": False,
            "deleted": False,
        },
    )
    entries = ModelLogEntry.objects.filter(action="concord.test").order_by("pk")
    assert [entry.data for entry in entries] == data
    assert {(e.uuid, e.timestamp, e.user_id, e.object_id) for e in entries} == {
        (batch, now, by.pk, str(session.pk))
    }


def test_nothing_to_insert_runs_no_query():
    with CaptureQueriesContext(connection) as queries:
        insert_rows(Attendance, COLUMNS, [])
    assert len(queries) == 0


def test_an_unknown_column_is_refused():
    with pytest.raises(ValueError, match="no column 'colour'"):
        insert_rows(Attendance, ["colour"], [("red",)])


def test_log_each_writes_the_entries_wagtails_log_writes(grid):

    session, _enrollments, _meetings, by = grid
    data = {"participant": "Zoë", "changes": [{"from": "", "to": "late"}]}
    log(session, RECORD_ACTION, user=by, data=data)
    log_each([(session, data), (session, {"n": 2})], RECORD_ACTION, by=by)
    fields = ["content_type", "object_id", "label", "action", "user", "data"]
    fields += ["revision", "content_changed", "deleted"]
    one, *each = ModelLogEntry.objects.filter(action=RECORD_ACTION).order_by("pk").values(*fields)
    assert each[0] == one
    assert each[1] == {**one, "data": {"n": 2}}
    batch = ModelLogEntry.objects.filter(action=RECORD_ACTION).order_by("pk")[1:]
    assert len({entry.uuid for entry in batch}) == 1 and batch[0].uuid is not None


def test_log_each_refuses_an_action_wagtail_does_not_know(grid):

    session, *_ = grid
    with pytest.raises(ValidationError):
        log_each([(session, {})], "concord.nonsense")
    assert not ModelLogEntry.objects.filter(action="concord.nonsense").exists()
