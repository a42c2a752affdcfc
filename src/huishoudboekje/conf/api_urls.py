"""The REST API (NL API Design Rules): /api/v1/<dutch-plural-kebab-case>."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from huishoudboekje.bankafschriften.api import BankafschriftenView

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("bankafschriften", BankafschriftenView.as_view(), name="bankafschriften"),
]
