from django.http import HttpRequest, JsonResponse


def gezond(request: HttpRequest) -> JsonResponse:
    """Health check for the load balancer: the database answers."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
