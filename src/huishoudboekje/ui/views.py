from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from .selectors import kerncijfers


def home(request: HttpRequest) -> HttpResponse:
    """Start page: key figures, limited to what the role may see."""
    return render(request, "ui/home.html", {"cijfers": kerncijfers(request.user)})


def gezond(request: HttpRequest) -> JsonResponse:
    """Health check for the load balancer: the database answers."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
