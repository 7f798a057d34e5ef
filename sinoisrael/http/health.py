"""/healthz for load balancers and uptime checks: one pooled `SELECT 1`, no templates."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from sinoisrael.http.errors import RETRY_AFTER_SECONDS, restart_connection_pool_after

logger = logging.getLogger(__name__)


# Exempt from CSRF only so that require_safe answers a POST with 405: the view never
# changes anything, and the CSRF middleware would otherwise refuse the POST first (403).
@csrf_exempt
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable (%s)", error)
        restart_connection_pool_after(error)
        return JsonResponse(
            {"status": "error", "database": "unavailable"},
            status=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"},
        )
    return JsonResponse({"status": "ok", "database": "ok"}, headers={"Cache-Control": "no-store"})
