"""The public verification page's ways in: a mistyped code says that no valid
certificate has it (with a form to try again), and a verifier may type the short
reference printed on the PDF, forgiving case, spaces, dashes and look-alike letters."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.certificates.pages import normalize_reference
from courses.certificates.services import issue_certificates
from courses.models import Certificate
from tests.factories.certificates import make_completers
from tests.factories.courses import make_session
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db

REFERENCE = "3RWW-953F-Q5PF"


@pytest.fixture
def certificate(catalog, coordinator):
    course = make_course(catalog, title="Mediation process design", partners=("DPPA",))
    session = make_session(
        course,
        code="mpd-2027-addis",
        coordinators=[coordinator],
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    make_completers(session, names=[("Amina", "Diallo")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    Certificate.objects.filter(pk=certificate.pk).update(short_code=REFERENCE)
    certificate.refresh_from_db()
    return certificate


def lookup(client, reference, **extra):
    return client.get(reverse("certificate_lookup"), {"reference": reference}, **extra)


def test_a_mistyped_code_says_so_and_offers_the_form(client, site_tree):
    response = client.get(reverse("certificate_verify", args=["not-a-real-code-at-all"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "No valid certificate has this code" in html
    assert 'name="reference"' in html and reverse("certificate_lookup") in html
    assert "We could not find that page" not in html  # not the site's generic 404
    assert response["Cache-Control"] == "no-store"


def test_the_form_page_explains_where_the_reference_is(client, site_tree):
    response = client.get(reverse("certificate_lookup"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Certificate no." in html and "3RWW-953F-Q5PF" in html
    assert "No valid certificate" not in html


@pytest.mark.parametrize(
    "typed",
    [
        REFERENCE,
        "3rww-953f-q5pf",
        " 3RWW 953F Q5PF ",
        "3RWW953FQ5PF",
        "3rww\u2013953f\u2013q5pf",  # en dashes, as a word processor prints them
        "3RWW-953F-Q5PF".replace("W", "w", 1),
    ],
)
def test_a_typed_reference_leads_to_the_verification_page(client, certificate, typed):
    response = lookup(client, typed, follow=True)
    assert response.redirect_chain == [
        (reverse("certificate_verify", args=[certificate.code]), 302)
    ]
    html = response.content.decode()
    assert "Valid certificate" in html and "Amina Diallo" in html


def test_look_alike_letters_are_read_as_digits():
    assert normalize_reference("3RWW-953F-Q5PF") == REFERENCE
    assert normalize_reference("O1IL-0000-0000") == "0111-0000-0000"
    assert normalize_reference("3RWW-953F-Q5P") is None  # one short
    assert normalize_reference("3RWW-953F-Q5PU") is None  # U is not in the alphabet


def test_an_unknown_reference_is_not_found_with_the_form_filled_in(client, certificate):
    response = lookup(client, "3RWW-953F-Q5PG")
    assert response.status_code == 404
    html = response.content.decode()
    assert "No valid certificate has this code" in html
    assert 'value="3RWW-953F-Q5PG"' in html


@pytest.mark.parametrize(
    "typed", ["", "hello", "3RWW\x00953F-Q5PF", "'; DROP TABLE x; --", "é" * 12, "x" * 5000]
)
def test_hostile_or_malformed_references_are_explained_as_400(client, site_tree, typed):
    response = lookup(client, typed)
    assert response.status_code == 400
    assert "This reference cannot be checked" in response.content.decode()


def test_lookups_share_the_verification_limit(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 3
    for _ in range(3):
        assert lookup(client, "3RWW-953F-Q5PG", REMOTE_ADDR="203.0.113.7").status_code == 404
    refused = lookup(client, REFERENCE, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert "Too many verifications" in refused.content.decode()
    assert lookup(client, REFERENCE, REMOTE_ADDR="198.51.100.9").status_code == 302
