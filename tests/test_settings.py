"""Settings come from the environment, are documented, and have no production secret by default."""

import os
import subprocess
import sys
from pathlib import Path

from gezinsmuur.lib.env import VARIABLES

ROOT = Path(__file__).resolve().parents[1]


def test_every_variable_is_in_the_readme_and_the_example_file():
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / ".env.example").read_text()
    for name in VARIABLES:
        assert f"`{name}`" in readme, f"{name} is missing from the README table"
        assert f"#{name}=" in example, f"{name} is missing from .env.example"


def test_settings_read_only_declared_variables():
    settings_source = (ROOT / "gezinsmuur" / "settings.py").read_text()
    assert "os.environ" not in settings_source and "getenv" not in settings_source


def run_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import gezinsmuur.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings()
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_development_runs_on_sqlite_and_database_url_switches_to_postgresql(tmp_path):
    assert run_settings(DEBUG="1", VAR_DIR=str(tmp_path)).stdout.strip().endswith("sqlite3")
    postgres = run_settings(DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert postgres.stdout.strip() == "django.db.backends.postgresql"


def test_w01_production_settings_pass_the_deployment_checklist(tmp_path):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; production never has it.
    ignored = {*VARIABLES, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    production = {
        "SECRET_KEY": "p" * 30 + "roduction-secret-with-enough-entropy-" + "x7Q2",
        "ALLOWED_HOSTS": "gezinsmuur.example",
        "VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # required: limits must be shared (abuse/checks.py)
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **production},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_w04_production_cookies_are_host_only_and_secure(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    code = (
        "import gezinsmuur.settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    env = {**clean, "SECRET_KEY": "k" * 60, "VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "True", "True"]
