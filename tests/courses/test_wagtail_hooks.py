"""The admin menu that wagtail_hooks registers: one entry for running courses."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu, reports_menu

from tests.factories.users import make_user

pytestmark = pytest.mark.django_db


def _items(menu, request):
    return sorted(menu.menu_items_for_request(request), key=lambda item: item.order)


def test_no_two_menu_items_share_an_order_and_courses_is_one_entry():
    request = RequestFactory().get(reverse("wagtailadmin_home"))  # the admin's URLs, loaded
    request.user = make_user("root", superuser=True)
    top = _items(admin_menu, request)
    assert len({item.order for item in top}) == len(top), [(i.label, i.order) for i in top]
    courses = next(item for item in top if str(item.label) == "Courses")
    assert isinstance(courses, SubmenuMenuItem)
    inside = _items(courses.menu, request)
    assert [str(item.label) for item in inside] == [
        "Sessions",
        "Sittings",
        "Signatories",
        "Attendance",
        "Focal points",
    ]
    assert len({item.order for item in inside}) == len(inside)
    reports = _items(reports_menu, request)
    assert len({item.order for item in reports}) == len(reports), [
        (i.name, i.order) for i in reports
    ]
    assert "attendance-and-completion" in [item.name for item in reports]
