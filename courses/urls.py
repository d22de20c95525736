from django.urls import path

from courses.attendance import check_in
from courses.certificates import pages as certificate_pages
from courses.enrollment import application_views, focal, invitation_pages
from courses.enrollment import views as enrollment_views
from courses.evaluation import views as evaluation_views
from courses.learning import views
from courses.messaging import views as messaging_views

urlpatterns = [
    path("sessions/<slug:code>/enroll/", enrollment_views.enroll_view, name="enroll"),
    path("sessions/<slug:code>/apply/", application_views.apply_view, name="apply"),
    path(
        "applications/files/<int:pk>/",
        application_views.answer_file,
        name="application_file",
    ),
    # Signed tokens are URL-safe (``django.core.signing``): letters, digits, - _ : .
    path(
        "clearance/<str:token>/",
        application_views.supervisor_clearance,
        name="supervisor_clearance",
    ),
    path("my-learning/consents/", application_views.consents_view, name="my_consents"),
    path("sessions/<slug:code>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-learning/<int:pk>/withdraw/", enrollment_views.withdraw_view, name="withdraw"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("my-learning/calendar/reset/", views.reset_feed, name="calendar_feed_reset"),
    path("focal-point/", focal.focal_point, name="focal_point"),
    path("invitations/<slug:token>/", invitation_pages.invitation_view, name="invitation"),
    # Codes are URL-safe base 64 (``new_certificate_code``): anything else, a NUL byte
    # included, is not a certificate and answers 404 before reaching the database.
    path("certificates/verify/", certificate_pages.lookup, name="certificate_lookup"),
    path("certificates/verify/<slug:code>/", certificate_pages.verify, name="certificate_verify"),
    path(
        "certificates/<slug:code>/download/",
        certificate_pages.download,
        name="certificate_download",
    ),
    path(
        "my-learning/questionnaires/<int:pk>/",
        evaluation_views.questionnaire_view,
        name="evaluation_questionnaire",
    ),
    path("check-in/", check_in.check_in_view, name="check_in"),
    path(
        "messages/<int:pk>/attachment/",
        messaging_views.attachment_download,
        name="message_attachment",
    ),
]
