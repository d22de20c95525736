"""A NUL byte or junk in a query string is answered everywhere, admin included
(PostgreSQL refuses NUL in text, which otherwise surfaces as a 500)."""

import pytest

from tests.factories.users import make_user

pytestmark = pytest.mark.django_db

URLS = [
    "/admin/pages/search/?q=%00",
    "/admin/pages/search/?q=%20%20%20",
    "/admin/snippets/participants/organization/?q=a%00b",
    "/admin/snippets/cms/thematicarea/?q=%00",
    "/admin/images/?q=%00",
    "/admin/documents/?q=%00",
    "/admin/course_trainers/?q=%00",
    "/admin/users/?q=%00",
    "/courses/?q=%00&area=%00",
]


@pytest.mark.parametrize("url", URLS)
def test_nul_bytes_are_answered(client, site_tree, url):
    client.force_login(make_user("root", superuser=True))
    response = client.get(url)
    assert response.status_code == 200


def test_nul_bytes_in_a_form_post_are_answered(client, site_tree):
    response = client.post("/accounts/login/", {"login": "a\x00b@example.org", "password": "x\x00"})
    assert response.status_code == 200
    assert 'name="login"' in response.content.decode()
