"""Reading settings from environment variables, with errors that say what to fix."""

import ipaddress
import os
from pathlib import Path

import dj_database_url
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


SUPPORTED_ENGINES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
POSTGRES_KEYS = ("ENGINE", "NAME", "USER", "PASSWORD", "HOST")


def database_from_url(url: str, *, base_dir: Path) -> dict:
    """DATABASES["default"] for `postgres://user:pass@host:port/name` or `sqlite:///path`.

    dj-database-url reads the URL; on top of it: only SQLite and PostgreSQL, a relative
    SQLite path is the project directory's, and a URL that names no database is refused
    (dj-database-url would give an empty name, or SQLite in memory). The pool and timeouts
    are settings.py's.
    """
    try:
        parsed = dj_database_url.parse(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL {url!r} cannot be read: {error}") from None
    engine = parsed.get("ENGINE")
    if engine not in SUPPORTED_ENGINES:
        raise ImproperlyConfigured(
            f"DATABASE_URL scheme {url.partition(':')[0]!r} is not supported: "
            "use postgres://user@host:port/name or sqlite:///path/to/file.sqlite3."
        )
    name = parsed.get("NAME") or ""
    if engine == "django.db.backends.sqlite3":
        if name in ("", ":memory:"):
            raise ImproperlyConfigured(f"DATABASE_URL {url!r} names no SQLite file.")
        return {"ENGINE": engine, "NAME": str(base_dir / name)}
    if not name:
        raise ImproperlyConfigured(f"DATABASE_URL {url!r} names no database.")
    return {
        **{key: parsed[key] for key in POSTGRES_KEYS},
        "PORT": str(parsed["PORT"] or ""),
        "OPTIONS": dict(parsed.get("OPTIONS", {})),
    }


def caches_from_env(*, base_dir: Path) -> dict:
    """The cache every worker and server shares: Redis at `REDIS_URL` when it is set, else
    files in `DJANGO_CACHE_DIR` (shared by the workers of one machine; needs nothing).
    `DJANGO_CACHE_KEY_PREFIX` keeps two sites (or test runs) that share one Redis apart."""
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if redis_url:
        cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    else:
        cache = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(base_dir / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    cache["KEY_PREFIX"] = os.environ.get("DJANGO_CACHE_KEY_PREFIX", "sinoisrael")
    return {"default": cache}
