"""Shared REST API pieces (NL API Design Rules): problem+json errors, pagination,
camelCase naming. Each domain app has its own `api.py` with thin views."""
