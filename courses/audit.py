"""The audit vocabulary of ``courses`` and its bulk writer, in one place.

Every action we log: its name (``*_ACTION``), its label, and for the actions whose
entry says what changed, the formatter that writes that sentence
(``register_actions``, which ``wagtail_hooks`` hands Wagtail's registry). Entries are
written with Wagtail's ``log()`` one at a time, or by the hundred with ``log_each``.

``log_each``: ``log(instance, action, user=…, data=…)`` costs an INSERT and validation
queries per entry; a saved attendance sheet, an evaluated session or an issued batch of
certificates write hundreds. ``log_each`` writes the same entries (Wagtail's log model
for the instances' model, its content type, the active log context's user and uuid) at
once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import LogFormatter, get_active_log_context, registry

from courses.bulk import insert_rows
from courses.models import Attendance, Enrollment

# Enrollment and seats
DECIDE_ACTION = "concord.enrollment.decide"
CAPACITY_ACTION = "concord.session.capacity"
QUOTA_ACTION = "concord.session.quota"
WITHDRAW_ACTION = "concord.enrollment.withdraw"
REENROLL_ACTION = "concord.enrollment.reenroll"

# Attendance and completion
RECORD_ACTION = "concord.attendance.record"
EVALUATE_ACTION = "concord.completion.evaluate"
COMPLETION_ACTION = "concord.completion.decide"
OVERRIDE_ACTION = "concord.completion.override"

# Certificates
ISSUE_ACTION = "concord.certificate.issue"
REISSUE_ACTION = "concord.certificate.reissue"
REVOKE_ACTION = "concord.certificate.revoke"
RETRY_ACTION = "concord.certificate.retry"
FAIL_ACTION = "concord.certificate.fail"

# Messages to a session's people
MESSAGE_ACTION = "concord.session.message"

# Applications: the supervisor's answer, deciding without it (issue 15, part B)
CLEARANCE_ACTION = "concord.application.clearance"
WAIVE_CLEARANCE_ACTION = "concord.application.waive_clearance"
# Invitations, direct placement, nominations (``courses.enrollment.invitations`` …)
INVITE_ACTION = "concord.invitation.invite"
INVITATION_REVOKE_ACTION = "concord.invitation.revoke"
INVITATION_RESEND_ACTION = "concord.invitation.resend"
INVITATION_ACCEPT_ACTION = "concord.invitation.accept"
INVITATION_DECLINE_ACTION = "concord.invitation.decline"
PLACE_ACTION = "concord.enrollment.place"
NOMINATE_ACTION = "concord.enrollment.nominate"


def log_each(
    entries: Iterable[tuple[object, dict]],
    action: str,
    *,
    by=None,
    timestamp=None,
    label: Callable[[object], str] | None = None,
) -> None:
    """One entry per (instance, data) of ``entries``, all instances of one model (an
    instance may come several times), as ``log(instance, action, user=by, data=data)``
    would write it, sharing one timestamp and one uuid (the log context's when there is
    one). ``label`` gives an entry's title (default: the instance's, as ``log`` takes
    it). An action Wagtail does not know is refused as ``log`` refuses it."""
    entries = list(entries)
    if not entries:
        return
    model = type(entries[0][0])
    log_model = registry.get_log_model_for_model(model)
    if log_model is None:
        return
    if not registry.action_exists(action):
        raise ValidationError(f"The log action '{action}' has not been registered.")
    context = get_active_log_context()
    user = by or context.user
    title = label or log_model.objects.get_instance_title
    insert_rows(
        log_model,
        ["object_id", "label", "data"],
        [(str(instance.pk), title(instance), data) for instance, data in entries],
        same={
            "content_type_id": ContentType.objects.get_for_model(
                model, for_concrete_model=False
            ).pk,
            "action": action,
            "user_id": user.pk if user is not None else None,
            # One action's entries share a uuid, the request's when there is one.
            "uuid": context.uuid or uuid.uuid4(),
            "timestamp": timestamp or timezone.now(),
            "revision_id": None,
            "content_changed": False,
            "deleted": False,
        },
    )


def _register_labelled(actions):
    actions.register_action(
        DECIDE_ACTION,
        gettext_lazy("Decide enrollment"),
        gettext_lazy("Enrollment decided by a coordinator"),
    )
    actions.register_action(
        CAPACITY_ACTION, gettext_lazy("Change capacity"), gettext_lazy("Session capacity changed")
    )
    actions.register_action(
        QUOTA_ACTION, gettext_lazy("Set seat quota"), gettext_lazy("Seat quota changed")
    )
    actions.register_action(
        ISSUE_ACTION, gettext_lazy("Issue certificate"), gettext_lazy("Certificate issued")
    )
    actions.register_action(
        REISSUE_ACTION,
        gettext_lazy("Re-issue certificate"),
        gettext_lazy("Certificate issued in place of a revoked one"),
    )
    actions.register_action(
        REVOKE_ACTION, gettext_lazy("Revoke certificate"), gettext_lazy("Certificate revoked")
    )
    actions.register_action(
        RETRY_ACTION,
        gettext_lazy("Retry certificate"),
        gettext_lazy("Failed certificate sent through again"),
    )
    actions.register_action(
        FAIL_ACTION, gettext_lazy("Certificate failed"), gettext_lazy("Certificate failed")
    )


def _mark_label(value):
    return Attendance.Status(value).label if value else _("not marked")


def _outcome_label(value):
    return Enrollment.Status(value).label if value else "-"


def _register_formatted(actions):
    @actions.register_action(RECORD_ACTION)
    class AttendanceRecorded(LogFormatter):
        label = gettext_lazy("Record attendance")

        def format_message(self, log_entry):
            data = log_entry.data
            changes = "; ".join(
                _("%(meeting)s: %(from)s → %(to)s")
                % {
                    "meeting": change.get("meeting_label", ""),
                    "from": _mark_label(change.get("from")),
                    "to": _mark_label(change.get("to")),
                }
                for change in data.get("changes", [])
            )
            return _("Attendance of %(person)s: %(changes)s") % {
                "person": data.get("participant", ""),
                "changes": changes,
            }

    @actions.register_action(EVALUATE_ACTION)
    class CompletionEvaluated(LogFormatter):
        label = gettext_lazy("Evaluate completion")

        def format_message(self, log_entry):
            data = log_entry.data
            return _(
                "Completion evaluated: %(completed)s completed, %(not_completed)s not "
                "completed (%(changed)s changed)"
            ) % {
                "completed": data.get("completed", 0),
                "not_completed": data.get("not_completed", 0),
                "changed": data.get("changed", 0),
            }

    @actions.register_action(COMPLETION_ACTION)
    class CompletionDecided(LogFormatter):
        label = gettext_lazy("Decide completion")

        def format_message(self, log_entry):
            data = log_entry.data
            message = _("Completion of %(person)s: %(from)s → %(to)s (%(attended)s of %(counted)s)")
            return message % {
                "person": data.get("participant", ""),
                "from": _outcome_label(data.get("from")),
                "to": _outcome_label(data.get("to")),
                "attended": data.get("attended"),
                "counted": data.get("counted"),
            }

    @actions.register_action(OVERRIDE_ACTION)
    class CompletionOverridden(LogFormatter):
        label = gettext_lazy("Override completion")

        def format_message(self, log_entry):
            data = log_entry.data
            if data.get("cleared"):
                return _("Override cleared for %(person)s: back to %(to)s") % {
                    "person": data.get("participant", ""),
                    "to": _outcome_label(data.get("to")),
                }
            return _("Completion of %(person)s overridden: %(from)s → %(to)s") % {
                "person": data.get("participant", ""),
                "from": _outcome_label(data.get("from")),
                "to": _outcome_label(data.get("to")),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


def _register_enrollment(actions):
    @actions.register_action(WITHDRAW_ACTION)
    class Withdrawn(LogFormatter):
        label = gettext_lazy("Withdraw from the session")

        def format_message(self, log_entry):
            data = log_entry.data
            parts = [
                _("%(person)s withdrew (was %(from)s).")
                % {
                    "person": data.get("participant", ""),
                    "from": _outcome_label(data.get("from")),
                }
            ]
            if data.get("reason"):
                parts.append(_("Reason given: %(reason)s") % {"reason": data["reason"]})
            if promoted := len(data.get("promoted", [])):
                parts.append(
                    ngettext(
                        "%(n)s person moved up from the waitlist.",
                        "%(n)s people moved up from the waitlist.",
                        promoted,
                    )
                    % {"n": promoted}
                )
            return " ".join(parts)

    @actions.register_action(REENROLL_ACTION)
    class Reenrolled(LogFormatter):
        label = gettext_lazy("Enroll again after withdrawing")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(person)s enrolled again after withdrawing: %(to)s") % {
                "person": data.get("participant", ""),
                "to": _outcome_label(data.get("to")),
            }


def _register_messages(actions):
    @actions.register_action(MESSAGE_ACTION)
    class MessageSent(LogFormatter):
        label = gettext_lazy("Message the cohort")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Message “%(subject)s” sent to %(count)s people (%(audience)s)") % {
                "subject": data.get("subject", ""),
                "count": data.get("count", 0),
                "audience": data.get("audience_label", ""),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("body", "")


def _register_invitations(actions):
    @actions.register_action(INVITE_ACTION)
    class Invited(LogFormatter):
        label = gettext_lazy("Invite by email")

        def format_message(self, log_entry):
            data = log_entry.data
            count = data.get("count", 0)
            return ngettext(
                "%(n)s person invited (%(outcome)s on acceptance)",
                "%(n)s people invited (%(outcome)s on acceptance)",
                count,
            ) % {"n": count, "outcome": data.get("outcome_label", "")}

        def format_comment(self, log_entry):
            return ", ".join(log_entry.data.get("emails", []))

    @actions.register_action(INVITATION_REVOKE_ACTION)
    class InvitationRevoked(LogFormatter):
        label = gettext_lazy("Revoke an invitation")

        def format_message(self, log_entry):
            return _("Invitation of %(email)s revoked") % {"email": log_entry.data.get("email")}

    @actions.register_action(INVITATION_RESEND_ACTION)
    class InvitationResent(LogFormatter):
        label = gettext_lazy("Send an invitation again")

        def format_message(self, log_entry):
            return _("Invitation of %(email)s sent again with a new link") % {
                "email": log_entry.data.get("email")
            }

    @actions.register_action(INVITATION_ACCEPT_ACTION)
    class InvitationAccepted(LogFormatter):
        label = gettext_lazy("Accept an invitation")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(person)s accepted the invitation sent to %(email)s: %(to)s") % {
                "person": data.get("participant", ""),
                "email": data.get("email", ""),
                "to": _outcome_label(data.get("to")),
            }

    @actions.register_action(INVITATION_DECLINE_ACTION)
    class InvitationDeclined(LogFormatter):
        label = gettext_lazy("Decline an invitation")

        def format_message(self, log_entry):
            return _("%(email)s declined the invitation") % {"email": log_entry.data.get("email")}

    @actions.register_action(PLACE_ACTION)
    class Placed(LogFormatter):
        label = gettext_lazy("Place a person in the session")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(person)s placed in the session by a coordinator: %(to)s") % {
                "person": data.get("participant", ""),
                "to": _outcome_label(data.get("to")),
            }

    @actions.register_action(NOMINATE_ACTION)
    class Nominated(LogFormatter):
        label = gettext_lazy("Nominate")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("%(person)s nominated by %(by)s: %(to)s") % {
                "person": data.get("participant", ""),
                "by": data.get("nominated_by", ""),
                "to": _outcome_label(data.get("to")),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("justification", "")


def register_actions(actions):
    """Our actions in Wagtail's registry (``wagtail_hooks`` calls this): labels for the
    plain ones, a formatter for those whose entry tells what changed."""
    _register_labelled(actions)
    _register_formatted(actions)
    _register_enrollment(actions)
    _register_messages(actions)
    _register_applications(actions)
    _register_invitations(actions)


def _register_applications(actions):
    @actions.register_action(CLEARANCE_ACTION)
    class ClearanceAnswered(LogFormatter):
        label = gettext_lazy("Supervisor's clearance")

        def format_message(self, log_entry):
            data = log_entry.data
            if data.get("state") == "cleared":
                return _("%(supervisor)s cleared %(person)s's application.") % data
            return _("%(supervisor)s declined %(person)s's application.") % data

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    @actions.register_action(WAIVE_CLEARANCE_ACTION)
    class ClearanceWaived(LogFormatter):
        label = gettext_lazy("Decide without the supervisor's clearance")

        def format_message(self, log_entry):
            return _("%(person)s's application may be decided without clearance (was %(was)s).") % {
                "person": log_entry.data.get("person", ""),
                "was": log_entry.data.get("was", ""),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")
