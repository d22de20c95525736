"""A person's right to be forgotten: asking, confirming, and what erasure does.

Erasure keeps what reports and certificates need and drops who the person was:

- other apps say what they keep and what they clear by receiving ``person_erasing``
  (``courses`` clears free text an enrollment holds about the person; enrollments,
  attendance and issued certificates stay, so totals and verification are unchanged);
- then the account is deleted when nothing refers to it, or else anonymised: no name,
  no email, no password, no sign-in, no profile, no focal-point roles, no email
  addresses or linked sign-in accounts.

``participants`` imports no app of ours, hence the signal.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.dispatch import Signal
from django.utils import timezone
from wagtail.log_actions import log

from .models import ErasureRequest, FocalPoint, Participant

# Sent inside the erasure's transaction with ``user`` (still intact) and ``by``.
person_erasing = Signal()

ERASED_ACTION = "concord.person_erased"
REQUESTED_ACTION = "concord.erasure_requested"
DATA_DOWNLOADED_ACTION = "concord.personal_data_downloaded"


def reference_of(user) -> str:
    return f"person #{user.pk}"


def pending_request_of(user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()


def request_erasure(*, user) -> ErasureRequest:
    """Record that ``user`` asks to be forgotten (pending until someone confirms it).

    Logged in the audit trail. Calling it again returns the pending request unchanged
    (the partial unique constraint allows only one)."""
    existing = pending_request_of(user)
    if existing:
        return existing
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(user=user, reference=reference_of(user))
            log(request, REQUESTED_ACTION, user=user)
    except IntegrityError:  # the same person pressed twice at once
        return pending_request_of(user)
    return request


def withdraw_erasure_request(*, user) -> None:
    """The person changed their mind before anyone confirmed."""
    ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).update(
        status=ErasureRequest.Status.WITHDRAWN, decided_at=timezone.now()
    )


@transaction.atomic
def erase_person(*, user, by) -> ErasureRequest:
    """Forget ``user``: see the module's docstring for what stays and what goes.

    One transaction (the user row is locked first, so two confirmations run one after
    the other). Marks the person's pending request done, or records one, and logs the
    erasure under the person's reference only. Calling it again on an erased person
    changes nothing more and returns the finished request.
    """
    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    request = pending_request_of(user) or ErasureRequest(user=user, reference=reference_of(user))
    request.status = ErasureRequest.Status.DONE
    request.decided_at = timezone.now()
    request.decided_by = by if by and by.pk != user.pk else None
    request.save()

    person_erasing.send(sender=User, user=user, by=by)
    Participant.objects.filter(user=user).delete()
    FocalPoint.objects.filter(user=user).delete()
    _forget_sign_in(user)

    try:
        with transaction.atomic():
            User.objects.filter(pk=user.pk).delete()
        deleted = True
    except (ProtectedError, RestrictedError):
        deleted = False
        _anonymise(user)
    log(
        request,
        ERASED_ACTION,
        user=by,
        data={"reference": request.reference, "account": "deleted" if deleted else "anonymised"},
    )
    return request


def _forget_sign_in(user) -> None:
    from allauth.account.models import EmailAddress  # noqa: PLC0415 -- app registry not ready

    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.socialaccount"):
        from allauth.socialaccount.models import SocialAccount  # noqa: PLC0415 -- optional app

        SocialAccount.objects.filter(user=user).delete()


def _anonymise(user) -> None:
    user.username = f"erased-{user.pk}"
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def is_erased(user) -> bool:
    return user.username == f"erased-{user.pk}" and not user.is_active
