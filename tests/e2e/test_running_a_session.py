"""Running a session, end to end with real parts (the live site in Chromium, a Celery
worker on Redis, a local SMTP server): the coordinator sets an online joining link and
messages the confirmed cohort; a participant reads the message and sees the link on My
learning, and imports the session's calendar file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from courses.sessions.services import generate_meetings
from tests.e2e.steps import admin_sign_in, sign_in
from tests.factories.courses import make_cohort, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator
from tests.support.pipeline_harness import Worker, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LINK = "https://meet.example.org/j/e2e-2027"


def test_link_message_my_learning_and_calendar(
    new_context, smtp, queue, live_server, catalog, tmp_path
):
    coordinator = make_coordinator()
    course = make_course(catalog, title="Early warning and conflict analysis")
    session = make_session(course, code="ewca-e2e", coordinators=[coordinator])
    generate_meetings(session=session)
    people = make_cohort(session, 3)
    participant = people[0].participant

    page = new_context().new_page()
    admin_sign_in(page, "coordinator")
    page.goto(f"/admin/courses/sessions/edit/{session.pk}/")
    page.get_by_label("Platform").fill("Concord Meet")
    page.get_by_label("Joining link").fill(LINK)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("3 people are confirmed in ewca-e2e")).to_be_visible()

    page.goto(f"/admin/courses/sessions/{session.pk}/messages/")
    page.get_by_role("radio", name=re.compile(r"Confirmed participants \(3\)")).check()
    page.get_by_label("Subject").fill("{course}: joining details")
    page.get_by_role("textbox", name=re.compile(r"^Message")).fill(
        "Dear {first_name},\nwe meet online: {joining_link}"
    )
    page.get_by_role("button", name="Preview and confirm").click()
    expect(page.get_by_role("heading", name="Send this message to 3 people?")).to_be_visible()
    page.get_by_role("button", name="Send to 3 people").click()
    expect(page.get_by_text("Your message is on its way to 3 people.")).to_be_visible()

    worker = Worker(
        queue=queue,
        env=worker_env(queue=queue, smtp=smtp, site_url=live_server.url),
        log_dir=tmp_path,
        concurrency=2,
    )
    try:
        worker.wait_ready()
        assert smtp.wait_for(3, timeout=120), worker.log_tail()
        expect(page.get_by_text("3 of 3 emails accepted by the mail server.")).to_be_visible(
            timeout=30_000
        )
    finally:
        worker.stop()
    mine = [a for a in smtp.accepted if participant.email in a.recipients]
    assert len(mine) == 1 and LINK in mine[0].message.get_body(("plain",)).get_content()

    reader = new_context(accept_downloads=True).new_page()
    sign_in(reader, participant.email, next_url="/my-learning/")
    reader.get_by_text("1 message from the coordinators").click()
    expect(
        reader.get_by_text("Early warning and conflict analysis: joining details")
    ).to_be_visible()
    expect(reader.get_by_text(f"we meet online: {LINK}")).to_be_visible()
    expect(reader.locator("a.joining-link").first).to_have_attribute("href", LINK)

    with reader.expect_download() as download:
        reader.get_by_role("link", name="Add to calendar").first.click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == session.meetings.count() == 5
    assert all(
        e["DTSTART"].params.get("TZID") == "UTC" or e.decoded("dtstart").tzinfo for e in events
    )
    assert LINK in calendar.to_ical().decode().replace("\r\n ", "")
