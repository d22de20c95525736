"""Local development: DEBUG on, an insecure key that never leaves this machine."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# The first signed credential creates the signing key under var/ if `make run` did not.
CREDENTIALS_CREATE_KEY = env.bool("CREDENTIALS_CREATE_KEY", default=True)
