"""Reading settings from environment variables, with errors that say what to fix."""

import ipaddress
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site refuses to serve with a "
    "throwaway key: set DJANGO_SECRET_KEY to a long random string, e.g. "
    "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`."
)
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """`1`/`true`/`yes`/`on` are on, `0`/`false`/`no`/`off` or empty are off."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not understood: use 1/true/yes/on or 0/false/no/off."
    )


def require_secret_key_to_serve() -> None:
    """Serving with debug off needs a real key: sessions, sign-in and every signed value
    depend on it. (Management commands run without one, see settings.py.)"""
    if not env_bool("DJANGO_DEBUG", default=False) and not os.environ.get("DJANGO_SECRET_KEY"):
        raise ImproperlyConfigured(MISSING_SECRET_KEY)


def env_int(name: str, default: int) -> int:
    """A whole number, 0 or more."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    if not raw.strip().isdecimal():
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not understood: use a whole number, 0 or more."
        )
    return int(raw)


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; blanks around items are ignored."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(
    name: str, default: list[str]
) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """A comma-separated list of IP addresses or networks (`10.0.0.0/8`)."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an IP address or network (like 10.0.0.5 or 10.0.0.0/8)."
            ) from None
    return networks


def database_from_url(url: str, *, base_dir: Path) -> dict:
    """DATABASES["default"] for `postgres://user:pass@host:port/name` or `sqlite:///path`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///relative.sqlite3 and sqlite:////absolute/path.sqlite3, as dj-database-url.
        path = unquote(parts.path)[1:] if parts.path.startswith("/") else unquote(parts.path)
        if not path:
            raise ImproperlyConfigured(f"DATABASE_URL {url!r} names no SQLite file.")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(base_dir / path)}
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured(f"DATABASE_URL {url!r} names no database.")
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported: "
        "use postgres://user@host:port/name or sqlite:///path/to/file.sqlite3."
    )
