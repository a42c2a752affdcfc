"""The project's URLs with single sign-on switched on (as when OIDC_RP_CLIENT_ID is set
at start-up)."""

from django.urls import include, path

from huishoudboekje.conf.urls import urlpatterns as basis

urlpatterns = [*basis, path("oidc/", include("mozilla_django_oidc.urls"))]
