"""Settings for the Sino-Israeli cooperation tracker, read from environment variables.

DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS and DATABASE_URL are described in
the README. Without DATABASE_URL the site uses a SQLite file in the project directory.
"""

import os
import secrets
from pathlib import Path

from sinoisrael.env import (
    caches_from_env,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_seconds,
    replica_from_url,
    with_postgres_connection_options,
)
from sinoisrael.http.csp import CONTENT_SECURITY_POLICY

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # Management commands (migrate, shell, load_sample_data) run without a key, on a
    # throwaway one; serving refuses to start without one (`require_secret_key_to_serve`
    # in wsgi.py and asgi.py), and `check --deploy` flags it (security.W009).
    SECRET_KEY = (
        "insecure-local-development-key-only-used-with-debug-on"
        if DEBUG
        else "django-insecure-" + secrets.token_urlsafe(40)
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "sinoisrael.apps.TrackerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "cooperation",
    "cooperation.public.metadata",  # its template tags: share previews, canonical, JSON-LD
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "sinoisrael.http.middleware.ErrorPageMiddleware",
    "sinoisrael.http.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, which must know where the request reads from; without
    # DATABASE_REPLICA_URL it takes itself out of the chain.
    "sinoisrael.http.replica_reads.ReplicaReadsMiddleware",
    "sinoisrael.http.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cooperation.signin.sessions.StaffSessionExpiryMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "sinoisrael.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "sinoisrael.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": (
        database_from_url(DATABASE_URL, base_dir=BASE_DIR)
        if DATABASE_URL
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    )
}
# PostgreSQL's pool, timeouts and keepalives: sinoisrael/env.py, README "Deploying".
DB_STATEMENT_TIMEOUT = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", 20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    with_postgres_connection_options(DATABASES["default"], statement_timeout=DB_STATEMENT_TIMEOUT)

# A read replica (README "Deploying"): public reads go to it while it is no further behind
# than REPLICA_MAX_LAG seconds, checked at most every REPLICA_CHECK_SECONDS in each process
# (sinoisrael/db/, sinoisrael/http/replica_reads.py). Unset, there is one database.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
REPLICA_MAX_LAG = env_seconds("DATABASE_REPLICA_MAX_LAG", 5)
REPLICA_CHECK_SECONDS = env_seconds("DATABASE_REPLICA_CHECK_SECONDS", 2)
# Set on the answer to every request that may write: the browser's reads stay on the
# primary until the replica has surely caught up with the write (README "Deploying").
READ_PRIMARY_COOKIE_NAME = "read_primary"
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = replica_from_url(
        DATABASE_REPLICA_URL,
        primary=DATABASES["default"],
        base_dir=BASE_DIR,
        statement_timeout=DB_STATEMENT_TIMEOUT,
    )
    DATABASE_ROUTERS = ["sinoisrael.db.routing.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache and the page cache (sinoisrael/http/page_cache.py, README "Scaling out").
CACHES = caches_from_env(base_dir=BASE_DIR)
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", not DEBUG)  # off in development: templates change
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 24 * 3600)  # until evicted unread
PAGE_CACHE_MAX_BYTES = env_int("DJANGO_PAGE_CACHE_MAX_BYTES", 256 * 1024)  # larger: not kept
PAGE_CACHE_CDN_SECONDS = env_int("DJANGO_PAGE_CACHE_CDN_SECONDS", 60)  # s-maxage for a CDN

# CSV exports (cooperation/exports/): at most this many at once in a server process, well
# below gunicorn's threads per worker, so downloads never take every thread; and the
# longest an export's transaction may wait, idle, on a client that stopped reading.
EXPORT_CONCURRENCY = int(os.environ.get("DJANGO_EXPORT_CONCURRENCY", "2"))
EXPORT_IDLE_TIMEOUT = float(os.environ.get("DJANGO_EXPORT_IDLE_TIMEOUT", "30"))

# Fetching an article's page for the intake (cooperation/intake/fetch.py): the seconds the
# whole fetch may take, the most bytes a page may have, and whether private and local
# addresses may be fetched (off: a URL must not reach the server's own network).
INTAKE_FETCH_TIMEOUT = float(os.environ.get("DJANGO_INTAKE_FETCH_TIMEOUT", "10"))
INTAKE_FETCH_MAX_BYTES = env_int("DJANGO_INTAKE_FETCH_MAX_BYTES", 5 * 1024 * 1024)
INTAKE_ALLOW_PRIVATE_ADDRESSES = env_bool("DJANGO_INTAKE_ALLOW_PRIVATE_ADDRESSES", default=False)

# HTTPS, behind a TLS proxy. Each is on by default with debug off; see README "Deploying".
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
_proxy_ssl_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# The proxies whose X-Forwarded-For is believed when finding a client's address (sign-in
# throttling, sinoisrael/http/client_address.py); like gunicorn's forwarded_allow_ips.
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# Headers on every response: CSP (sinoisrael/http/csp.py), no sniffing, no framing, no referrer
# to other sites, a browsing context of our own.
SECURE_CSP = CONTENT_SECURITY_POLICY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Malformed requests answer 4xx with a page in the site's style (sinoisrael/http/errors.py).
CSRF_FAILURE_VIEW = "sinoisrael.http.errors.csrf_failure"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Dataset releases (cooperation/releases/): `publish_release` writes them, /data/ serves them.
    "releases": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("DJANGO_RELEASES_DIR", BASE_DIR / "releases"))},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Admin sessions and login throttling (analyst admin)
STAFF_SESSION_IDLE_SECONDS = 30 * 60  # a staff session ends after 30 minutes without a request
STAFF_SESSION_MAX_SECONDS = 12 * 60 * 60  # and after 12 hours in all
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
# Where a sign-in lands when its `next` is missing or refused (another site's URL): the
# admin is the only place to sign in to; Django's default, /accounts/profile/, is a 404.
LOGIN_REDIRECT_URL = "admin:index"
LOGIN_FAILURE_LIMIT = 10  # failed sign-ins that lock an account, an address, or the two
LOGIN_LOCKOUT_SECONDS = 15 * 60
# An address an account signed in from is remembered this long: other addresses' failures
# do not lock the account there (cooperation/signin/throttle.py). 0 remembers none.
LOGIN_KNOWN_ADDRESS_DAYS = env_int("DJANGO_LOGIN_KNOWN_ADDRESS_DAYS", 30)
