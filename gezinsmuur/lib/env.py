"""Environment variables, declared as data with their help text.

`VARIABLES` is the single list: settings read only names listed here, and a test checks that
`.env.example` and the README document every one of them.
"""

import os

VARIABLES: dict[str, str] = {
    "DEBUG": "1 for development (generated demo login, readable errors). Off in production.",
    "SECRET_KEY": "Signing key for sessions and tokens. Required when DEBUG is off; no default.",
    "ALLOWED_HOSTS": "Comma-separated host names the site answers to (default in DEBUG: 127.0.0.1,localhost).",
    "BASE_URL": "Public address of the site, used in links and the CMS (default http://127.0.0.1:8000).",
    "CSRF_TRUSTED_ORIGINS": "Comma-separated origins allowed to POST when behind a proxy on another origin.",
    "DATABASE_URL": "Database, e.g. postgres://user@127.0.0.1:5432/gezinsmuur (default: SQLite in VAR_DIR).",
    "DB_CONN_MAX_AGE": "Seconds a database connection is kept open (default 60).",
    "REDIS_URL": "Redis for the shared cache, e.g. redis://127.0.0.1:6379/0 (default: local memory).",
    "VAR_DIR": "Folder for the SQLite file, uploaded originals and renditions (default ./var).",
    "TASKS_IMMEDIATE": "1 runs background tasks inside the request (development only; default: worker).",
    "WORKER_JOB_SECONDS": "Seconds one job may run in the worker before that attempt fails (default 30; 3 attempts).",
    "WORKER_MEMORY_MB": "MiB of memory one worker job may take on top of the idle worker (default 1024; 0: no limit).",
    "UPLOAD_MAX_BYTES": "Largest accepted photo in bytes, enforced while it streams in (default 25 MiB).",
    "PUBLIC_CACHE_SECONDS": "Seconds public pages are served from the cache (default 30).",
    "EMAIL_HOST": "SMTP server; without it e-mail is printed to the console.",
    "EMAIL_PORT": "SMTP port (default 25).",
    "DEFAULT_FROM_EMAIL": "Sender address of the site's e-mail.",
    "SECURE_SSL_REDIRECT": "0 to stop redirecting to HTTPS when DEBUG is off (e.g. TLS ends elsewhere).",
    "PROXY_HOPS": "Number of trusted reverse proxies in front of the app; 0 ignores X-Forwarded-For (default).",
    "ALTCHA_HMAC_KEY": "Key that signs proof-of-work challenges (default: derived from SECRET_KEY).",
    "ALTCHA_MAX_NUMBER": "Proof-of-work difficulty: the largest secret number (default 50000; x10 under a flood).",
    "LOG_LEVEL": "Logging level (default INFO).",
    "ERASE_ALL_AFTER": "Date (YYYY-MM-DD) after which every submission is erased by the retention job.",
}


def env(name: str) -> str:
    if name not in VARIABLES:
        raise KeyError(f"{name} is not declared in gezinsmuur.lib.env.VARIABLES")
    return os.environ.get(name, "").strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name).lower()
    return default if not value else value in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value else default


def env_list(name: str) -> list[str]:
    return [item.strip() for item in env(name).split(",") if item.strip()]
