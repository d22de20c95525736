"""Who may do what with which session: the one place that says it.

- ``sessions_for``: the sessions a person runs (coordinates; every one for a superuser).
- ``attendance_sessions_for``: those they take attendance for (coordinate or teach).
- ``is_coordinator``, ``may_take_attendance``, ``is_focal_point``: the same rules for one
  session or organization.
- ``lock_session``: the session row locked for an action, found only among the sessions
  the actor may act on, or the action's refusal raised.
- ``SessionScopedMixin``: the admin screens' form of the same rule, every object looked up
  among the user's sessions (or the sittings and signatories of those), anything else a
  404 rather than a 403, so a coordinator cannot even learn that it exists.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from cms import roles
from courses.models import CourseSession, Enrollment
from participants.models import FocalPoint


def sessions_for(user) -> QuerySet[CourseSession]:
    """The sessions ``user`` may run: all of them for a superuser, else those they coordinate."""
    sessions = CourseSession.objects.all()
    if user.is_superuser:
        return sessions
    if not user.is_authenticated:
        return sessions.none()
    return sessions.filter(coordinators=user)


def attendance_sessions_for(user) -> QuerySet[CourseSession]:
    """The sessions ``user`` takes attendance for: those they coordinate or train (all of
    them for a superuser). A queryset without joins, so it can be locked and combined."""
    sessions = CourseSession.objects.all()
    if user.is_superuser:
        return sessions
    if not user.is_authenticated:
        return sessions.none()
    through_coordinators = CourseSession.coordinators.through.objects.filter(user=user)
    through_trainers = CourseSession.trainers.through.objects.filter(user=user)
    return sessions.filter(
        Q(pk__in=through_coordinators.values("coursesession_id"))
        | Q(pk__in=through_trainers.values("coursesession_id"))
    )


# The two scopes a screen or an action is limited to, by name.
RUN = "run"
ATTEND = "attend"
SCOPES: dict[str, Callable[[object], QuerySet[CourseSession]]] = {
    RUN: sessions_for,
    ATTEND: attendance_sessions_for,
}


def is_coordinator(user, session) -> bool:
    """The one rule for who runs a session, shared with the admin screens."""
    return sessions_for(user).filter(pk=session.pk).exists()


def may_take_attendance(user, session: CourseSession) -> bool:
    return attendance_sessions_for(user).filter(pk=session.pk).exists()


def joining_details_visible(user, sessions) -> set[int]:
    """The ids of ``sessions`` (sessions or ids) whose joining details (link, meeting ID,
    passcode, dial-in, notes) and venue access notes ``user`` may see: those they hold a
    confirmed place in, teach or coordinate (every one for a superuser). Nobody else:
    not the anonymous, the waitlisted, a focal point, the coordinator of another session.

    The one rule every place that shows them follows (My learning, the course page,
    reminder emails, calendars, cohort messages). One query.
    """
    ids = {getattr(s, "pk", s) for s in sessions}
    if not ids or user is None or not user.is_authenticated:
        return set()
    if user.is_superuser:
        return ids
    through_coordinators = CourseSession.coordinators.through.objects.filter(user=user)
    through_trainers = CourseSession.trainers.through.objects.filter(user=user)
    return set(
        CourseSession.objects.filter(pk__in=ids)
        .filter(
            Q(pk__in=through_coordinators.values("coursesession_id"))
            | Q(pk__in=through_trainers.values("coursesession_id"))
            | Q(
                pk__in=Enrollment.objects.filter(
                    participant=user, status=Enrollment.Status.CONFIRMED
                ).values("session_id")
            )
        )
        .values_list("pk", flat=True)
    )


def joining_details_visible_to(session, users) -> set[int]:
    """The ids of ``users`` who may see ``session``'s joining details, by the same rule
    as ``joining_details_visible``, in one query for a whole batch of recipients."""
    ids = {user.pk for user in users}
    if not ids:
        return set()
    User = CourseSession.coordinators.field.related_model
    return set(
        User.objects.filter(pk__in=ids)
        .filter(
            Q(is_superuser=True)
            | Q(coordinated_sessions=session)
            | Q(trained_sessions=session)
            | Q(enrollments__session=session, enrollments__status=Enrollment.Status.CONFIRMED)
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def may_see_joining_details(user, session) -> bool:
    return session.pk in joining_details_visible(user, [session])


def is_focal_point(user, organization) -> bool:
    return FocalPoint.objects.filter(user=user, organization=organization).exists()


def is_any_focal_point(user) -> bool:
    return FocalPoint.objects.filter(user=user).exists()


def lock_session(
    session: CourseSession,
    *,
    by=None,
    scope: str = RUN,
    refusal: Exception | None = None,
    related: tuple[str, ...] = (),
) -> CourseSession:
    """The session's row, locked (``SELECT … FOR UPDATE`` of that row only) until the
    caller's transaction ends, so that seats, marks or certificates decided under it see
    one state. With ``by``, the row is looked for among the sessions ``by`` may act on
    (``scope``) in the same query, and ``refusal`` is raised when it is not there;
    without ``by`` (a participant enrolling themself), any session is locked."""
    sessions = CourseSession.objects.all() if by is None else SCOPES[scope](by)
    if related:
        sessions = sessions.select_related(*related)
    locked = sessions.select_for_update(of=("self",)).filter(pk=session.pk).first()
    if locked is None:
        if by is None:
            raise CourseSession.DoesNotExist
        raise refusal
    return locked


class SessionScopedMixin:
    """For admin views: the object a view shows or changes is found only among the
    sessions the user may work on, or the view answers 404.

    ``session_scope``: ``RUN`` (coordinators) or ``ATTEND`` (coordinators and trainers).
    ``session_path``: the lookup from the view's ``model`` to its session, empty for a
    session itself, ``"session"`` for a sitting or a signatory.

    Wagtail's object views (edit, delete, inspect, history, usage) look their object up
    through ``get_object`` / ``get_base_object_queryset``; the per-session screens
    (``courses.screens``) through ``scoped``.
    """

    session_scope = RUN
    session_path = ""

    def sessions_in_scope(self) -> QuerySet[CourseSession]:
        return SCOPES[self.session_scope](self.request.user)

    def scoped(self, model=None, path=None) -> QuerySet:
        """``model``'s rows (default: the view's) whose session is in scope."""
        model = model or getattr(self, "model", None) or CourseSession
        path = self.session_path if path is None else path
        if not path:
            return self.sessions_in_scope()
        return model._default_manager.filter(**{f"{path}__in": self.sessions_in_scope()})

    def get_base_object_queryset(self):
        return self.scoped()

    # Only the object is looked up here, never the view's list: the History and Usage
    # screens list log entries and references, which are Wagtail's to find.
    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return get_object_or_404(self.scoped(), pk=unquote(str(self.kwargs["pk"])))


# ---------------------------------------------------------------------- throttles


def count_hit(key: str, *, timeout: int) -> int:
    """One more hit on the counter ``key`` (kept ``timeout`` seconds from its first hit),
    and the count so far: the one rate-limit counter of the throttles (certificate
    verification by client, wrong check-in codes by person). Atomic in the cache."""
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


# ---------------------------------------------------------------------- role rights

#: What the roles ``cms.roles`` defines may do with our models in the admin. The rows
#: each one reaches are narrowed by the scopes above (a coordinator's own sessions, a
#: trainer's attendance).
ROLE_PERMISSIONS = {
    roles.COORDINATORS: [
        "add_coursesession",
        "change_coursesession",
        "view_coursesession",
        "view_enrollment",
        "add_meeting",
        "change_meeting",
        "delete_meeting",
        "view_meeting",
        "add_attendance",
        "change_attendance",
        "view_attendance",
        # Who signs the certificates of the sessions they coordinate.
        "add_sessionsignatory",
        "change_sessionsignatory",
        "delete_sessionsignatory",
        "view_sessionsignatory",
        # Questionnaires, and putting them to the sessions they run.
        "add_questionnaire",
        "change_questionnaire",
        "view_questionnaire",
        "add_sessionquestionnaire",
        "change_sessionquestionnaire",
        "delete_sessionquestionnaire",
        "view_sessionquestionnaire",
        # Application forms of the sessions they run; acknowledgement texts to pick from.
        "add_applicationform",
        "change_applicationform",
        "delete_applicationform",
        "view_applicationform",
        "view_consentdocument",
    ],
    # Trainers take the attendance of the sessions they teach (only those).
    roles.TRAINERS: ["add_attendance", "change_attendance", "view_attendance"],
}


#: Coordinators appoint and remove focal points (``enrollment.focal_admin``).
PARTICIPANTS_ROLE_PERMISSIONS = {
    roles.COORDINATORS: ["add_focalpoint", "delete_focalpoint", "view_focalpoint"],
}


def grant_role_permissions(**kwargs) -> None:
    """After ``migrate`` (``CoursesConfig.ready``; our permissions exist by then): the
    roles get our rights. Idempotent; never removes a right granted by hand."""
    for group_name, codenames in ROLE_PERMISSIONS.items():
        roles.grant(group_name, "courses", codenames)
    for group_name, codenames in PARTICIPANTS_ROLE_PERMISSIONS.items():
        roles.grant(group_name, "participants", codenames)
