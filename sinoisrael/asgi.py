"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

from sinoisrael.env import require_secret_key_to_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinoisrael.settings")
require_secret_key_to_serve()

application = get_asgi_application()
