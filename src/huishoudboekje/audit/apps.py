from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "huishoudboekje.audit"
    label = "audit"
    verbose_name = "Audit trail"
