"""Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request, and after
STAFF_SESSION_MAX_SECONDS in all, whatever the activity."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

STARTED = "staff_session_started"
LAST_SEEN = "staff_session_last_seen"
# Record activity at most once a minute, so not every request writes the session.
TOUCH_EVERY = 60


def expiry_message(session, now: float) -> str | None:
    """Why the session is over, or None while it is still valid."""
    started, last_seen = session.get(STARTED), session.get(LAST_SEEN)
    if started is None:
        return None
    if now - started > settings.STAFF_SESSION_MAX_SECONDS:
        hours = round(settings.STAFF_SESSION_MAX_SECONDS / 3600)
        return f"You were signed out after {hours} hours; please sign in again."
    if now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS:
        minutes = round(settings.STAFF_SESSION_IDLE_SECONDS / 60)
        return (
            f"You were signed out after {minutes} minutes without activity; please sign in again."
        )
    return None


class StaffSessionExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            self.check(request)
        return self.get_response(request)

    @staticmethod
    def check(request):
        now = time.time()
        session = request.session
        message = expiry_message(session, now)
        if message:
            logout(request)
            messages.warning(request, message)
            return
        session.setdefault(STARTED, now)
        if now - session.get(LAST_SEEN, 0) >= TOUCH_EVERY:
            session[LAST_SEEN] = now
