"""Hostile values in every form of ours, admin and site: NUL bytes, invalid UTF-8 (a lone
surrogate as it reaches the server), 10,000-character strings, line breaks, huge and
odd numbers, malformed JSON, markup. Each is answered (a form error, a message, a
redirect, a 4xx), never with a 5xx.

Values are posted as raw bytes (``application/x-www-form-urlencoded``), so that what
cannot be encoded as UTF-8 reaches the server as a browser would send it.
"""

import itertools
import re
from urllib.parse import quote_from_bytes

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Certificate, Enrollment
from participants.models import FocalPoint, Organization
from tests.factories.certificates import make_completers
from tests.factories.courses import make_profile, make_running_session, make_session
from tests.factories.users import make_participant, make_trainer

pytestmark = pytest.mark.django_db

HOSTILE = [
    b"\x00",
    b"a\x00b",
    b"\xed\xa0\x80",  # a lone surrogate (U+D800) in UTF-8 form: invalid
    b"\xff\xfe",
    b"x" * 10_000,
    b"line one\r\nline two",
    b"\r\n",
    b"9" * 5000,
    b"-99999999999999999999",
    b"1e309",
    b"NaN",
    b'{"a": [1, 2',
    b"[]",
    b"<script>alert(1)</script>",
    b"2027-02-30",
    b"\xd9\xa3",  # an Arabic-Indic digit
    b" ",
]


def body(fields: dict[str, bytes]) -> bytes:
    return b"&".join(
        quote_from_bytes(name.encode()).encode() + b"=" + quote_from_bytes(value).encode()
        for name, value in fields.items()
    )


def post_raw(client, url, fields):
    return client.post(url, body(fields), content_type="application/x-www-form-urlencoded")


#: Inputs that take free text: a value in one of them cannot reach a lookup, and the
#: pass with every value in every field at once already gives it each hostile value.
FREE_TEXT = {"text", "email", "url", "search", "password", "tel"}


def form_fields(client, url) -> tuple[list[str], list[str]]:
    """The names of the fields the page's forms post, and of those among them that are
    not free text (selects, checkboxes, numbers, dates, hidden inputs such as a formset's
    counts or a rich text's JSON)."""
    html = client.get(url).content.decode()
    names, free = set(), set()
    for tag, attributes in re.findall(r"<(input|select|textarea)\b([^>]*)>", html):
        name = re.search(r'\bname="([^"]+)"', attributes)
        if not name:
            continue
        names.add(name.group(1))
        kind = re.search(r'\btype="([^"]+)"', attributes)
        if tag == "textarea" or (
            tag == "input" and (kind.group(1) if kind else "text") in FREE_TEXT
        ):
            free.add(name.group(1))
    names -= {"csrfmiddlewaretoken", "q"}
    return sorted(names), sorted(names - free)


@pytest.fixture
def world(catalog, course, coordinator):
    session = make_running_session(
        course, people=2, meetings=2, coordinators=[coordinator], code="fuzz-2026"
    )
    trainer = make_trainer("fuzz-trainer")
    session.trainers.add(trainer)
    (completer,) = make_completers(session, names=[("Amina", "Diallo")])
    completer.refresh_from_db()
    certificate = Certificate.objects.create(
        enrollment=completer, language="en", snapshot={"participant_name": "Amina"}
    )
    open_session = make_session(course, code="fuzz-open", capacity=5)
    participant = make_participant("fuzz-p")
    make_profile(participant, "AUC")
    focal = make_participant("fuzz-focal")
    make_profile(focal, "AUC")
    FocalPoint.objects.create(organization=Organization.objects.get(acronym="AUC"), user=focal)
    return {
        "session": session,
        "trainer": trainer,
        "completer": completer,
        "certificate": certificate,
        "meeting": session.meetings.first(),
        "enrollment": session.enrollments.exclude(pk=completer.pk).first(),
        "open_session": open_session,
        "participant": participant,
        "focal": focal,
    }


def assert_answered(response, where):
    assert response.status_code < 500, where


# Each field alone gets the values that reach lookups (ids, numbers) the hardest; every
# value goes into all fields at once. (Every value in every field alone would take
# minutes for the session form and find nothing more; so would the free-text fields
# alone, each of which is validated on its own in the pass with all fields at once.)
ALONE = [b"\x00", b"9" * 5000]


def fuzz(client, url, names, alone=None):
    """Every hostile value in every field at once, then the ``ALONE`` ones field by field
    (only in the fields ``alone`` names, when given)."""
    for value in HOSTILE:
        assert_answered(post_raw(client, url, dict.fromkeys(names, value)), (url, value[:20]))
    for name, value in itertools.product(names if alone is None else alone, ALONE):
        assert_answered(post_raw(client, url, {name: value}), (url, name, value[:20]))


def admin_forms(world):
    session, meeting = world["session"], world["meeting"]
    signatory = session.signatories.create(name="Signer", title="Director")
    return {
        "session create": (reverse("course_sessions:add"), None),
        "session edit": (reverse("course_sessions:edit", args=[session.pk]), None),
        "sitting create": (reverse("course_meetings:add"), None),
        "sitting edit": (reverse("course_meetings:edit", args=[meeting.pk]), None),
        "signatory create": (reverse("session_signatories:add"), None),
        "signatory edit": (reverse("session_signatories:edit", args=[signatory.pk]), None),
        "review decide": (
            reverse("course_review:decide", args=[session.pk]),
            ["enrollments", "decision", "reason"],
        ),
        "quota": (
            reverse("course_review:quota", args=[session.pk]),
            ["organization", "organization_kind", "seats"],
        ),
        "completion override": (
            reverse("course_attendance:override", args=[session.pk, world["enrollment"].pk]),
            [f"o{world['enrollment'].pk}-decision", f"o{world['enrollment'].pk}-reason"],
        ),
        "completion evaluate": (reverse("course_attendance:evaluate", args=[session.pk]), []),
        "certificate issue": (
            reverse("course_certificates:issue", args=[session.pk]),
            ["enrollment"],
        ),
        "certificate action": (
            reverse("course_certificates:action", args=[session.pk, world["certificate"].pk]),
            ["action", "reason"],
        ),
        "attendance sheet": (
            reverse("course_attendance:sheet", args=[session.pk]),
            [
                f"c-{world['enrollment'].pk}-{meeting.pk}",
                f"n-{world['enrollment'].pk}-{meeting.pk}",
                "loaded",
                "meeting",
                "mark_all",
                "c-1-x",
                "c-99999999999999999999-1",
            ],
        ),
    }


@pytest.mark.parametrize(
    "form",
    [
        "session create",
        "session edit",
        "sitting create",
        "sitting edit",
        "signatory create",
        "signatory edit",
        "review decide",
        "quota",
        "completion override",
        "completion evaluate",
        "certificate issue",
        "certificate action",
        "attendance sheet",
    ],
)
def test_admin_forms_answer_hostile_values(client, coordinator, world, form):
    client.raise_request_exception = False
    client.force_login(coordinator)
    url, names = admin_forms(world)[form]
    alone = None
    if names is None:
        names, alone = form_fields(client, url)
        assert names and alone, url
    fuzz(client, url, names, alone)


def test_the_attendance_sheet_answers_hostile_values_from_a_trainer(client, world):
    client.raise_request_exception = False
    client.force_login(world["trainer"])
    url, names = admin_forms(world)["attendance sheet"]
    fuzz(client, url, names)


@pytest.mark.parametrize(
    "content",
    [
        b"\x00" * 100,
        b"\xff\xfe\x00E\x00m",
        b"Email\r\n" + b"9" * 5000,
        b'Email,"unclosed\n',
        b"Email," + b"x," * 5000 + b"\n",
        b'{"json": true}',
        b"\xed\xa0\x80,\xed\xa0\x80\n",
        b"",
    ],
)
def test_the_attendance_import_answers_hostile_files(client, coordinator, world, content):
    client.raise_request_exception = False
    client.force_login(coordinator)
    url = reverse("course_attendance:import", args=[world["session"].pk])
    upload = SimpleUploadedFile("sheet.csv", content, content_type="text/csv")
    assert_answered(client.post(url, {"file": upload}), content[:20])
    for value in HOSTILE:
        assert_answered(post_raw(client, url, {"file": value}), value[:20])


QUERY = ["meeting", "by", "session", "p", "ordering", "course", "starts_on_from", "organization"]


def test_admin_screens_answer_hostile_query_strings(client, coordinator, world):
    client.raise_request_exception = False
    client.force_login(coordinator)
    session = world["session"]
    urls = [
        reverse("course_sessions:index"),
        reverse("course_meetings:index"),
        reverse("session_signatories:index"),
        reverse("course_attendance:sheet", args=[session.pk]),
        reverse("course_review:review", args=[session.pk]),
        reverse("course_attendance:completion", args=[session.pk]),
        reverse("course_session_report:index", args=[session.pk]),
        reverse("course_certificates:index", args=[session.pk]),
        reverse("course_reports:attendance"),
        reverse("course_attendance:check_in", args=[world["meeting"].pk]),
        reverse("course_attendance:check_in_code", args=[world["meeting"].pk]),
        reverse("wagtailadmin_reports:site_history"),
    ]
    for url, value in itertools.product(urls, HOSTILE):
        response = client.get(url + "?" + body(dict.fromkeys(QUERY, value)).decode())
        assert_answered(response, (url, value[:20]))
    for url, name in itertools.product(urls, QUERY):
        response = client.get(url + "?" + body({name: b"9" * 5000}).decode())
        assert_answered(response, (url, name))


def test_site_forms_answer_hostile_values(client, world):
    client.raise_request_exception = False
    participant = world["participant"]
    client.force_login(participant)
    enrollment = Enrollment.objects.create(
        session=world["open_session"],
        participant=participant,
        organization=Organization.objects.get(acronym="AUC"),
        status=Enrollment.Status.REQUESTED,
    )
    fuzz(client, reverse("enroll", args=[world["open_session"].code]), ["code"])
    fuzz(client, reverse("withdraw", args=[enrollment.pk]), ["reason"])
    fuzz(client, reverse("check_in"), ["code", "t"])
    for value in HOSTILE:
        assert_answered(client.get("/check-in/?" + body({"t": value}).decode()), value[:20])
        token = quote_from_bytes(value[:200], safe="")
        assert_answered(client.get(f"/calendar/{token}.ics"), value[:20])
        assert_answered(client.get(f"/sessions/{token}/calendar.ics"), value[:20])
        reference = client.get("/certificates/verify/?" + body({"reference": value}).decode())
        assert_answered(reference, value[:20])
    client.force_login(world["focal"])
    fuzz(client, reverse("focal_point"), ["colleague", "session", "justification"])
    for value in HOSTILE:
        response = client.get("/focal-point/?" + body({"organization": value}).decode())
        assert_answered(response, value[:20])
