"""What a browser does before posting the share form, done in Python for the tests.

`solved()` asks the site for a real ALTCHA challenge and solves it like the widget does (the
tests keep the difficulty low, see conftest.py); `rendered()` is a signed render time old enough
to pass the honeypot's "too fast" check.
"""

import base64
import json
import time

import altcha
from django.test import Client

from gezinsmuur.abuse import honeypot


def solved(client: Client | None = None) -> str:
    challenge = (client or Client()).get("/altcha/challenge/").json()
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    assert solution is not None
    payload = {**challenge, "number": solution.number}
    payload.pop("maxNumber")
    return base64.b64encode(json.dumps(payload).encode()).decode()


def rendered(seconds_ago: float = 60) -> str:
    return honeypot.stamp(time.time() - seconds_ago)
