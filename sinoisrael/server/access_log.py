"""Gunicorn's access log as one JSON object per request, written when the response ends
(so a streamed export's duration covers the whole download).

The error log says in one line, without a traceback, that a client was cut off for
stalling its request (the worker's socket bound, sinoisrael/server/worker.py).
"""

import json
import sys
from datetime import UTC, datetime

from gunicorn.glogging import Logger

from sinoisrael.server.worker import READ_TIMEOUT


class JsonAccessLogger(Logger):
    def exception(self, msg, *args, **kwargs):
        if isinstance(sys.exception(), BlockingIOError):  # SO_RCVTIMEO on a request read
            self.warning("Closed a connection: its client sent nothing for %s s", READ_TIMEOUT)
            return
        super().exception(msg, *args, **kwargs)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING", ""),
            "status": int(status),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "bytes": getattr(resp, "sent", None),
            "remote": environ.get("REMOTE_ADDR"),
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
        }
        self.access_log.info(json.dumps(line, ensure_ascii=False))
