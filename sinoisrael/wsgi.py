"""WSGI entry point, used by gunicorn (`make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

from sinoisrael.env import require_secret_key_to_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinoisrael.settings")
require_secret_key_to_serve()

application = get_wsgi_application()
