from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Rate limits and proof-of-work replay protection only hold if every process shares them."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("RedisCache"):
        return []
    return [
        checks.Warning(
            "The default cache is not Redis: rate limits and replay protection are per process.",
            hint="Set REDIS_URL.",
            id="gezinsmuur.W001",
        )
    ]
