"""The production server's own parts: gunicorn's worker (bounds on stalled clients), its
error replies dressed as the site's pages, and its access log (one JSON line a request)."""
