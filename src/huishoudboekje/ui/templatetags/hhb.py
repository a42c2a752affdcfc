"""Template filters for money, counts, IBANs and dates, built on the one core helper each."""

from django import template
from django.utils.formats import number_format

from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.core.money import formatteer_bedrag

register = template.Library()


@register.filter
def bedrag(centen: int | None) -> str:
    """{{ 123456|bedrag }} -> € 1.234,56"""
    return "" if centen is None else formatteer_bedrag(int(centen))


@register.filter
def getal(waarde: int | None) -> str:
    """{{ 5136|getal }} -> 5.136 (Dutch) or 5,136 (English): counts, grouped by thousands."""
    return "" if waarde is None else number_format(int(waarde), force_grouping=True)


@register.filter
def iban(waarde: str | None) -> str:
    """{{ "NL91ABNA0417164300"|iban }} -> NL91 ABNA 0417 1643 00"""
    return formatteer_iban(waarde) if waarde else ""


@register.simple_tag(takes_context=True)
def querystring_zonder(context: template.Context, *sleutels: str) -> str:
    """The current GET parameters without the named keys, url-encoded."""
    request = context.get("request")
    if request is None:
        return ""
    params = request.GET.copy()
    for sleutel in sleutels:
        params.pop(sleutel, None)
    return params.urlencode()
