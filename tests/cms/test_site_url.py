"""Links in Wagtail's emails follow SITE_URL: the default Site carries its host and port."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.demo import seed_site

pytestmark = pytest.mark.django_db


def test_seeding_the_site_gives_it_the_host_and_port_of_site_url(settings):
    settings.SITE_URL = "https://training.example.int"
    _home, catalog = seed_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("training.example.int", 443)
    # What Wagtail's workflow and moderation emails link to.
    assert catalog.full_url == "https://training.example.int/courses/"


def test_migrate_keeps_the_default_site_on_site_url(settings, site_tree):
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site_tree[1].full_url == "http://127.0.0.1:8123/courses/"
