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

import io
import json
import secrets
import zipfile
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.dispatch import Signal
from django.utils import timezone
from wagtail.log_actions import log

from .models import ErasureRequest, FocalPoint, Participant, PersonalDataExport

# Sent inside the erasure's transaction with ``user`` (still intact) and ``by``.
person_erasing = Signal()

ERASED_ACTION = "concord.person_erased"
REQUESTED_ACTION = "concord.erasure_requested"
DATA_DOWNLOADED_ACTION = "concord.personal_data_downloaded"
DATA_REQUESTED_ACTION = "concord.personal_data_requested"


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


# ---------------------------------------------------------------- "Download my data"

# Sent by the export task with ``user``; each receiver returns a dict of
# ``{"json": {name: data}, "files": {path in the ZIP: bytes}}`` with that person's
# records only (``courses`` adds enrollments, attendance, notices, certificates).
collecting_personal_data = Signal()


def request_personal_data_export(*, user) -> PersonalDataExport:
    """Start preparing a ZIP of everything held about ``user`` (Celery, after commit).

    Logged. While one is being prepared, asking again returns it instead of a second."""
    from . import tasks  # noqa: PLC0415 -- leaf: tasks import the domain inside their bodies

    preparing = user.personal_data_exports.filter(state=PersonalDataExport.State.PREPARING)
    if existing := preparing.first():
        return existing
    with transaction.atomic():
        export = PersonalDataExport.objects.create(user=user)
        log(export, DATA_REQUESTED_ACTION, user=user)
        transaction.on_commit(lambda: tasks.prepare_personal_data_export.delay(export_id=export.pk))
    return export


def latest_export_of(user) -> PersonalDataExport | None:
    """The person's newest export still worth showing (preparing, or ready and not
    expired)."""
    now = timezone.now()
    return (
        user.personal_data_exports.filter(
            Q(state=PersonalDataExport.State.PREPARING)
            | Q(state=PersonalDataExport.State.READY, expires_at__gt=now)
        )
        .order_by("-requested_at", "-pk")
        .first()
    )


def profile_data(user) -> dict:
    """What /profile/ shows about ``user``, as JSON-ready data."""
    from allauth.account.models import EmailAddress  # noqa: PLC0415 -- app registry not ready

    participant = Participant.objects.filter(user=user).select_related("organization").first()
    return {
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ],
        },
        "profile": participant
        and {
            "organization": participant.organization.name,
            "organization_acronym": participant.organization.acronym,
            "job_title": participant.job_title,
            "duty_station": participant.duty_station.code,
            "duty_station_name": str(participant.duty_station.name),
            "preferred_language": participant.preferred_language,
            "gender": participant.gender,
            "updated_at": participant.updated_at.isoformat(),
        },
        "single_sign_on": _sign_in_links(user),
        "focal_point_for": [
            {"organization": f.organization.name, "since": f.created_at.isoformat()}
            for f in FocalPoint.objects.filter(user=user).select_related("organization")
        ],
        "erasure_requests": [
            {"status": r.status, "requested_at": r.requested_at.isoformat()}
            for r in ErasureRequest.objects.filter(user=user)
        ],
    }


def _sign_in_links(user) -> list[dict]:
    """The organizations' sign-ins linked to the account: which provider, and the id it
    knows the person by (what Concord keeps to recognise them)."""
    if not apps.is_installed("allauth.socialaccount"):
        return []
    from allauth.socialaccount.models import SocialAccount  # noqa: PLC0415 -- optional app

    return [
        {"provider": a.provider, "subject": a.uid, "linked_at": a.date_joined.isoformat()}
        for a in SocialAccount.objects.filter(user=user).order_by("date_joined")
    ]


def build_personal_data_export(*, export: PersonalDataExport, now=None) -> PersonalDataExport:
    """Write the ZIP (``data.json`` and the files other apps add) to private storage
    and offer it for ``PERSONAL_DATA_EXPORT_HOURS``. Running it again on a ready export
    changes nothing."""
    if export.state != PersonalDataExport.State.PREPARING:
        return export
    now = now or timezone.now()
    user = export.user
    data = profile_data(user)
    files: dict[str, bytes] = {}
    for _receiver, part in collecting_personal_data.send(sender=type(user), user=user):
        data.update(part.get("json", {}))
        files.update(part.get("files", {}))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)
        )
        for name, content in sorted(files.items()):
            archive.writestr(name, content)
    export.file.save(f"{secrets.token_urlsafe(24)}.zip", ContentFile(buffer.getvalue()), save=False)
    export.state = PersonalDataExport.State.READY
    export.ready_at = now
    export.expires_at = now + timedelta(hours=settings.PERSONAL_DATA_EXPORT_HOURS)
    export.save(update_fields=["file", "state", "ready_at", "expires_at"])
    return export


def remove_expired_exports(*, now=None) -> int:
    """Delete the ZIPs no longer offered (the beat runs it hourly). Returns how many."""
    now = now or timezone.now()
    expired = PersonalDataExport.objects.filter(expires_at__lte=now)
    count = 0
    for export in expired:
        if export.file:
            export.file.delete(save=False)
        export.delete()
        count += 1
    return count


def record_personal_data_download(request, *, what: str, about=None) -> None:
    """Audit-log that ``request.user`` downloaded a file with people's data (a roster, an
    attendance sheet, a listing export). Logged on ``about`` (the session, say) when
    given, else on the person downloading; ``what`` names the file and the address."""
    user = request.user
    target = about if about is not None else user
    log(
        target,
        DATA_DOWNLOADED_ACTION,
        user=user if user.is_authenticated else None,
        data={"what": what, "path": request.get_full_path()[:500]},
    )
