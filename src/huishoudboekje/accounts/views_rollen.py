"""Role requests for the teamleider: the list, approve, reject. Thin: service + message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import Rolverzoek
from .permissions import vereist_recht
from .roles import Recht
from .selectors import rolverzoeken_afgehandeld, rolverzoeken_open
from .services_rollen import rolverzoek_beoordelen


@vereist_recht(Recht.ROLLEN_GOEDKEUREN)
@require_http_methods(["GET", "HEAD"])
def rolverzoeken(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/rolverzoeken.html",
        {"open": rolverzoeken_open(), "afgehandeld": rolverzoeken_afgehandeld()},
    )


def _beoordeel(request: HttpRequest, pk: int, *, goedkeuren: bool) -> HttpResponse:
    verzoek = get_object_or_404(Rolverzoek.objects.select_related("medewerker"), pk=pk)
    toelichting = request.POST.get("toelichting", "").strip()[:500]
    try:
        rolverzoek_beoordelen(
            door=request.user, verzoek=verzoek, goedkeuren=goedkeuren, toelichting=toelichting
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        tekst = (
            _("%(naam)s heeft nu de rol %(rol)s.")
            if goedkeuren
            else _("Het verzoek om %(naam)s de rol %(rol)s te geven is afgewezen.")
        )
        messages.success(
            request, tekst % {"naam": verzoek.medewerker.username, "rol": verzoek.get_rol_display()}
        )
    return redirect("accounts:rolverzoeken")


@vereist_recht(Recht.ROLLEN_GOEDKEUREN)
@require_http_methods(["POST"])
def rolverzoek_goedkeuren(request: HttpRequest, pk: int) -> HttpResponse:
    return _beoordeel(request, pk, goedkeuren=True)


@vereist_recht(Recht.ROLLEN_GOEDKEUREN)
@require_http_methods(["POST"])
def rolverzoek_afwijzen(request: HttpRequest, pk: int) -> HttpResponse:
    return _beoordeel(request, pk, goedkeuren=False)
