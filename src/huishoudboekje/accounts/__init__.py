"""Staff accounts, roles and what each role may do; login, two-factor and SSO."""
