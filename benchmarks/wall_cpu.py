"""CPU per wall request through Django's whole WSGI stack, in-process: no server, no network.

    .venv/bin/python benchmarks/wall_cpu.py                 # uncached and cached, 500 tiles
    .venv/bin/python benchmarks/wall_cpu.py --profile uncached   # cProfile of the uncached request
    .venv/bin/python benchmarks/wall_cpu.py --path /nl/ --tiles 100

A throwaway production-like site (DEBUG off, SQLite in a temp folder, local-memory cache) with
TILES approved tiles, as benchmarks/wall.sh seeds it. Each case is timed with
`time.process_time` over ROUNDS interleaved rounds of REQUESTS requests; the best round is the
figure (other work on a shared machine only ever adds time). wrk's requests/s on 2 cores is
roughly 2 x 1e6 / (these microseconds + the server's own share), minus what wrk itself takes.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import io
import os
import pstats
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=500)
    parser.add_argument("--path", default="/nl/wall/")
    parser.add_argument("--requests", type=int, default=200, help="requests per round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", choices=["uncached", "cached"], help="cProfile one case")
    args = parser.parse_args()

    app = setup_site(args.tiles)
    from django.conf import settings

    cases = {
        "uncached": lambda: request(app, args.path, cache_seconds=0),
        "cached": lambda: request(app, args.path, cache_seconds=30),
    }
    for call in cases.values():  # warm: tile HTML cache, page cache, template loaders
        for _ in range(3):
            call()
    if args.profile:
        profile(cases[args.profile], args.requests)
        return
    best = {name: float("inf") for name in cases}
    for _ in range(args.rounds):
        for name, call in cases.items():
            best[name] = min(best[name], cpu_per_request(call, args.requests))
    print(
        f"{args.path}, {args.tiles} tiles, page size {settings.WALL_PAGE_SIZE}, best of "
        f"{args.rounds} rounds of {args.requests}; CPU per request through the WSGI stack:"
    )
    for name, seconds in best.items():
        print(f"  {name:9} {seconds * 1e6:8.0f} µs")
    print(
        f"  reference {reference_ms():8.0f} ms  (a fixed Python loop, as in wall.sh: machine speed)"
    )


def reference_ms() -> float:
    start = time.process_time()
    sum(i * i for i in range(2_000_000))
    return (time.process_time() - start) * 1000


def setup_site(tiles: int) -> Callable:
    """A throwaway site with `tiles` approved tiles; its WSGI application."""
    work = tempfile.mkdtemp(prefix="gezinsmuur-wallcpu.")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    os.environ.update(
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        VAR_DIR=f"{work}/var",
        LOG_LEVEL="WARNING",
        SECRET_KEY=secrets.token_urlsafe(40)[:50],
        DJANGO_SETTINGS_MODULE="gezinsmuur.settings",
    )
    for name in ("REDIS_URL", "DATABASE_URL", "TASKS_IMMEDIATE"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    from wall_seed import seed

    seed(tiles)
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def request(app: Callable, path: str, cache_seconds: int) -> bytes:
    from django.conf import settings

    settings.PUBLIC_CACHE_SECONDS = cache_seconds  # read on every request by the page cache
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.split("?")[1] if "?" in path else "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = b"".join(app(environ, lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), status
    return body


def cpu_per_request(call: Callable[[], object], n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        call()
    return (time.process_time() - start) / n


def profile(call: Callable[[], object], n: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
