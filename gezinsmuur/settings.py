"""Settings, read from the environment.

Development defaults are safe and need nothing installed: SQLite, local files, local-memory cache,
e-mail printed to the console. Production secrets have no default: with DEBUG off the site refuses
to start without them. Every variable is listed in `gezinsmuur/lib/env.py` with its help text,
in `.env.example` and in the README (a test checks that the three agree).
"""

import hashlib
import hmac
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from gezinsmuur.lib.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG")
SECRET_KEY = env("SECRET_KEY") or ("dev-only-insecure-key-" + "x" * 40 if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or (["127.0.0.1", "localhost"] if DEBUG else [])
BASE_URL = env("BASE_URL") or "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# How many reverse proxies of ours stand in front: the client address is read from their
# X-Forwarded-For entries only (gezinsmuur/abuse/clientip.py).
PROXY_HOPS = env_int("PROXY_HOPS", 0)

INSTALLED_APPS = [
    "gezinsmuur.submissions",
    "gezinsmuur.moderation",
    "gezinsmuur.wall",
    "gezinsmuur.campaign",
    "gezinsmuur.privacy",
    "gezinsmuur.abuse",
    "gezinsmuur.reports",
    "gezinsmuur.staff",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "gezinsmuur.staff.adminconfig.StaffAdminConfig",  # django.contrib.admin, staff gate
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "gezinsmuur.requestid.RequestIdMiddleware",  # X-Request-ID on every response, in every log line
    "django.middleware.security.SecurityMiddleware",
    # A cached public page is answered here: the headers of the middleware below it (CSP,
    # Permissions-Policy, CORP, X-Frame-Options) are stored with the page, so a hit skips their
    # per-request work (benchmarks/README.md). Pages whose CSP carries a nonce are never stored.
    "gezinsmuur.wall.middleware.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "gezinsmuur.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Ends staff sessions past their limits; staff URLs only for staff (moderation/access.py).
    "gezinsmuur.staff.middleware.StaffMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the 429 page
]

ROOT_URLCONF = "gezinsmuur.urls"
WSGI_APPLICATION = "gezinsmuur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gezinsmuur" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'gezinsmuur.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # The test database is a file, so a worker started by a test can open it too.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    # WAL lets the web process read while the worker writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env("TASKS_IMMEDIATE") and DEBUG
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}
# Limits on each worker job (submissions/management/commands/worker.py): past the time the attempt
# fails (three attempts, then `failed`); past the memory the job gets a MemoryError.
WORKER_JOB_SECONDS = env_int("WORKER_JOB_SECONDS", 30)
WORKER_MEMORY_MB = env_int("WORKER_MEMORY_MB", 1024)

STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media", "base_url": "/media/"},
    },
    # Originals and not-yet-approved renditions: this storage is never served publicly.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private", "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "gezinsmuur" / "static"]
WHITENOISE_MAX_AGE = 3600

# Uploads: the byte cap is enforced while the file streams in (see submissions/uploads.py);
# Django's own DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 25 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "gezinsmuur.submissions.uploads.ByteCapUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
DATA_UPLOAD_MAX_NUMBER_FILES = 1
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "moderation:queue"
LOGOUT_REDIRECT_URL = "login"

# Staff sign-in (gezinsmuur/staff): one login for the site, the CMS and the Django admin; then a
# second factor (TOTP, or a recovery code) before any staff page.
WAGTAILADMIN_LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # no reset by e-mail: an administrator resets accounts
OTP_TOTP_ISSUER = "De Gezinsmuur"
OTP_TOTP_SYNC = False  # accept exactly one 30 s step either way; never widen the window
STAFF_IDLE_SECONDS = 30 * 60  # a staff session ends after 30 minutes without a request...
STAFF_SESSION_SECONDS = 12 * 60 * 60  # ... and 12 hours after the password, whatever happens
# Login throttle per (username, network): 5 failures lock that pair for 15 minutes; the same
# account from another network still logs in, so an attacker cannot lock the real user out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "gezinsmuur.staff.throttle.network_address"  # IPv4, or IPv6 /64
AXES_LOCKOUT_CALLABLE = "gezinsmuur.staff.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failure kept, not only the counters

LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

WAGTAIL_SITE_NAME = "De Gezinsmuur"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "webp", "bmp": "webp", "tiff": "webp"}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no request leaves the site, the admin included

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST") or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL") or "De Gezinsmuur <noreply@localhost>"

# Retention (gezinsmuur/privacy/retention.py): after this date everything is erased.
ERASE_ALL_AFTER = date.fromisoformat(env("ERASE_ALL_AFTER")) if env("ERASE_ALL_AFTER") else None

# How long a public page (wall, tile, home) is served from the cache. A new approval shows within it.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 30)
WALL_PAGE_SIZE = 24

# Abuse controls (gezinsmuur/abuse): rate limits and ALTCHA replay protection live in the
# default cache, which must be Redis in production (a deploy check says so) so that every
# process shares them. Without REDIS_URL (development, tests) each process counts on its own.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = False  # a broken cache refuses new photos rather than letting a flood in
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]  # see abuse/checks.py
HONEYPOT_MIN_SECONDS = 3  # a share form sent back sooner than this was filled in by a bot
ALTCHA_HMAC_KEY = (
    env("ALTCHA_HMAC_KEY")
    or hmac.new(SECRET_KEY.encode(), b"gezinsmuur.altcha", hashlib.sha256).hexdigest()
)
ALTCHA_CHALLENGE_EXPIRE = 20 * 60 * 1000  # milliseconds, as django-altcha counts
ALTCHA_MAX_NUMBER = env_int("ALTCHA_MAX_NUMBER", 50_000)
ALTCHA_FLOOD_PER_MINUTE = 30  # share attempts in a minute, site-wide, that count as a flood
ALTCHA_FLOOD_FACTOR = 10  # ... which makes each new challenge ten times more work

# Everything comes from the site itself: no third party sees a single request.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/cms/", "/django-admin/"],  # see gezinsmuur/headers.py
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "blob:"],  # blob: for the preview of the chosen photo
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# Pages with a form say "same-origin" instead (see gezinsmuur/headers.py): under no-referrer browsers
# post forms with `Origin: null`, which Django's CSRF check rightly refuses.
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True  # submit to the preload list once the domain is stable
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    # __Host- cookies: HTTPS only, this host only, path / (no subdomain can set or read them).
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "gezinsmuur.requestid.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL") or "INFO"},
    "loggers": {"django.request": {"level": "ERROR"}},
}
