"""Audit trail: who changed which participant, agreement, organisation, account or
configuration data, when, and what it was before and after."""
