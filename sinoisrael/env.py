"""Reading settings from environment variables, with errors that say what to fix."""

import ipaddress
import math
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


def env_seconds(name: str, default: float) -> float:
    """A number of seconds, 0 or more (`2`, `0.5`)."""
    raw = os.environ.get(name)
    if raw is None:
        return float(default)
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan  # refused below, with the negative numbers
    if not seconds >= 0:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not understood: use a number of seconds, 0 or more."
        )
    return seconds


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


def database_from_url(url: str, *, base_dir: Path, variable: str = "DATABASE_URL") -> dict:
    """An entry of DATABASES for `postgres://user:pass@host:port/name` or `sqlite:///path`,
    read from the environment variable `variable` (named in the errors).

    dj-database-url reads the URL; on top of it: only SQLite and PostgreSQL, a relative
    SQLite path is the project directory's, and a URL that names no database is refused
    (dj-database-url would give an empty name, or SQLite in memory). The pool and timeouts
    are `with_postgres_connection_options`'s.
    """
    try:
        parsed = dj_database_url.parse(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"{variable} {url!r} cannot be read: {error}") from None
    engine = parsed.get("ENGINE")
    if engine not in SUPPORTED_ENGINES:
        raise ImproperlyConfigured(
            f"{variable} scheme {url.partition(':')[0]!r} is not supported: "
            "use postgres://user@host:port/name or sqlite:///path/to/file.sqlite3."
        )
    name = parsed.get("NAME") or ""
    if engine == "django.db.backends.sqlite3":
        if name in ("", ":memory:"):
            raise ImproperlyConfigured(f"{variable} {url!r} names no SQLite file.")
        return {"ENGINE": engine, "NAME": str(base_dir / name)}
    if not name:
        raise ImproperlyConfigured(f"{variable} {url!r} names no database.")
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


def with_postgres_connection_options(database: dict, *, statement_timeout: float) -> dict:
    """`database`, a PostgreSQL entry of DATABASES, with the site's pool, timeouts and
    keepalives (the primary and the read replica alike); what its URL says comes first.

    Everything a request may wait for the database stays below gunicorn's worker timeout
    (gunicorn.conf.py), so a slow or absent database becomes a clean 503, never a killed
    worker.
    """
    options = database["OPTIONS"]
    # Django's built-in psycopg pool; CONN_MAX_AGE must stay 0 with it.
    options.setdefault(
        "pool",
        {
            "min_size": env_int("DJANGO_DB_POOL_MIN", 1),
            "max_size": env_int("DJANGO_DB_POOL_MAX", 10),
            # A short wait: with the database down, pages answer 503 within 2 seconds.
            "timeout": env_seconds("DJANGO_DB_POOL_TIMEOUT", 1),
        },
    )
    options.setdefault("connect_timeout", env_int("DJANGO_DB_CONNECT_TIMEOUT", 2))
    # The pool checks a connection before handing it out: after a database restart no
    # request gets a dead one.
    database["CONN_HEALTH_CHECKS"] = True
    options.setdefault("options", f"-c statement_timeout={round(statement_timeout * 1000)}")
    # A partition (the connection stays open, nothing gets through) is not the server's to
    # notice: libpq drops a connection whose sent data is not acknowledged within the TCP
    # user timeout, and one that waits on a silent server once its keepalive probes go
    # unanswered (idle + interval x count seconds), so a request fails over to a 503.
    options.setdefault(
        "tcp_user_timeout", round(env_seconds("DJANGO_DB_TCP_USER_TIMEOUT", 2) * 1000)
    )
    options.setdefault("keepalives", 1)
    options.setdefault("keepalives_idle", env_int("DJANGO_DB_KEEPALIVES_IDLE", 5))
    options.setdefault("keepalives_interval", env_int("DJANGO_DB_KEEPALIVES_INTERVAL", 1))
    options.setdefault("keepalives_count", env_int("DJANGO_DB_KEEPALIVES_COUNT", 3))
    return database


POSTGRESQL = "django.db.backends.postgresql"
REPLICA_NEEDS_POSTGRESQL = (
    "DATABASE_REPLICA_URL is set, but a read replica needs PostgreSQL: DATABASE_URL and "
    "DATABASE_REPLICA_URL must both be postgres:// URLs (a SQLite file has no replica). "
    "Unset DATABASE_REPLICA_URL to use one database."
)


def replica_from_url(url: str, *, primary: dict, base_dir: Path, statement_timeout: float) -> dict:
    """DATABASES["replica"]: a streaming replica of `primary`, with its connection options.

    Both must be PostgreSQL, or the start stops with a message: a replica URL that cannot
    be used is a mistake to show, not to pass over (a warning would scroll by while every
    read went to the one database).
    """
    replica = database_from_url(url, base_dir=base_dir, variable="DATABASE_REPLICA_URL")
    if {primary["ENGINE"], replica["ENGINE"]} != {POSTGRESQL}:
        raise ImproperlyConfigured(REPLICA_NEEDS_POSTGRESQL)
    # A test run creates no database for it: it stands for the primary's.
    replica["TEST"] = {"MIRROR": "default"}
    return with_postgres_connection_options(replica, statement_timeout=statement_timeout)
