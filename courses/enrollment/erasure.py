"""What erasing a person (``participants.privacy.erase_person``) does to their training
records: the rows stay, so a session's totals, attendance rates and certificates do not
change, and the text the person wrote about themselves goes.

Connected from ``CoursesConfig.ready``; participants never imports courses.
"""

from django.dispatch import receiver

from participants.privacy import person_erasing

from ..models import Enrollment


@receiver(person_erasing, dispatch_uid="courses.enrollment.erasure")
def clear_what_enrollments_say_about_the_person(sender, *, user, by, **kwargs):
    """Enrollments keep their status, organization and completion figures (reports count
    them); the justification the person wrote when applying is cleared."""
    Enrollment.objects.filter(participant=user).exclude(justification="").update(justification="")
