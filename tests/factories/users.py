from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.roles import COORDINATORS, PARTICIPANTS, TRAINERS

PASSWORD = "correct horse battery staple"


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
    )
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def make_trainer(username="trainer"):
    return make_user(username, TRAINERS)


def make_coordinator(username="coordinator"):
    return make_user(username, COORDINATORS)


def make_participant(username="participant"):
    return make_user(username, PARTICIPANTS)
