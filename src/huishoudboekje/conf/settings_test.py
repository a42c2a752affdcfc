"""Settings of the test suite (pyproject: DJANGO_SETTINGS_MODULE): the production
settings, not demo mode, with a secret key that only tests use and plain http, because
Django's test client and pytest-django's live server speak http. Secure cookies and HSTS
stay on, so the suite runs what production runs.

Environment variables set here are inherited by processes a test starts.
"""

import os

os.environ.setdefault("SECRET_KEY", "alleen-voor-tests-9f8e7d6c5b4a39281716-05f4e3d2c1b0a998877")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .settings import *  # noqa: E402, F403
