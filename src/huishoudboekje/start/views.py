from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import kerncijfers


def home(request: HttpRequest) -> HttpResponse:
    """Start page: key figures, limited to what the role may see."""
    return render(request, "start/home.html", {"cijfers": kerncijfers(request.user)})
