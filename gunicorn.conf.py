"""Gunicorn settings for `make serve` and production (`gunicorn -c gunicorn.conf.py`).

Each can be overridden with a GUNICORN_* environment variable (README "Deploying").
"""

import os
import sys

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
wsgi_app = "sinoisrael.wsgi:application"

# gthread: a request (a long CSV export, too) runs in a thread while the worker's main
# loop keeps answering the arbiter, so `timeout` never cuts a streaming download short.
# Our subclass bounds what `timeout` cannot: clients that stall (GUNICORN_CLIENT_*_TIMEOUT),
# and dresses gunicorn's own error replies as the site's pages.
worker_class = "sinoisrael.server.worker.ThreadWorker"
cpus = len(os.sched_getaffinity(0))
# Each worker holds at most `threads` pooled PostgreSQL connections: keep
# workers x threads under the server's max_connections (100 by default).
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * cpus + 1, 12)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A silent worker is killed after `timeout` seconds; the database waits below it
# (pool 1 s, connect 2 s, statement 20 s, settings.py) turn into 503 pages first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5

# The longest request line gunicorn accepts (8 KB, as nginx); Django answers anything
# within it with the site's pages. Longer ones get gunicorn's (or the proxy's) plain 414.
limit_request_line = 8190
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# One JSON line per request on stdout (status, duration); errors on stderr. Each line
# is written out at once, even when stdout is a pipe or a file (docker, systemd).
accesslog = "-"
errorlog = "-"
sys.stdout.reconfigure(line_buffering=True)
logger_class = "sinoisrael.server.access_log.JsonAccessLogger"

# No control socket: its default path is shared by every gunicorn of the user.
control_socket_disable = True
