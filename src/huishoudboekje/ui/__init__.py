"""Shared user-interface pieces: the home page, template filters, form styling and
security headers."""
