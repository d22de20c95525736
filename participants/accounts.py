"""Hooks that django-allauth calls by dotted path (see ACCOUNT_* in config/settings/base.py)."""


def user_display(user) -> str:
    """How account messages name a person: their name, else their email address."""
    return user.get_full_name() or user.email or user.get_username()
