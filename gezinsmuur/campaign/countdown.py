"""Pure date and goal arithmetic for the home page: no Django, so tests freeze the clock by argument.

The countdown counts calendar days in Europe/Brussels, not blocks of 24 hours: at 00:30 on 15 May
in Brussels it is the day itself, even though it is still 14 May in UTC, and a DST change in between
never makes a day disappear.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import count
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")
BEFORE, TODAY, AFTER = "before", "today", "after"
GOAL_STEPS = (1, 2.5, 5)  # 100, 250, 500, 1,000, 2,500, 5,000, 10,000, ...


@dataclass(frozen=True)
class Countdown:
    state: str  # BEFORE, TODAY or AFTER
    days: int = 0  # calendar days left (BEFORE only)
    hours: int | None = None  # hours left, only on the last day before the event


def countdown(now: datetime, event: date, zone: ZoneInfo = BRUSSELS) -> Countdown:
    """Where `now` (aware) stands against the event day, as the people in `zone` count it."""
    today = now.astimezone(zone).date()
    if today > event:
        return Countdown(AFTER)
    if today == event:
        return Countdown(TODAY)
    days = (event - today).days
    if days > 1:
        return Countdown(BEFORE, days)
    # In UTC, so a DST night counts its real 23 or 25 hours (datetimes sharing a tzinfo subtract
    # as wall-clock times).
    starts = datetime.combine(event, time.min, tzinfo=zone).astimezone(UTC)
    return Countdown(BEFORE, days, math.ceil((starts - now.astimezone(UTC)).total_seconds() / 3600))


def families_day(today: date) -> date:
    """The next 15 May, the International Day of Families (today if it is the day)."""
    this_year = date(today.year, 5, 15)
    return this_year if today <= this_year else date(today.year + 1, 5, 15)


def goals(first: int = 100) -> Iterator[int]:
    """The stepped goals from `first` up: 100, 250, 500, 1000, 2500, ... (1, 2.5, 5 per decade)."""
    for decade in count():
        for step in GOAL_STEPS:
            goal = int(step * 10**decade)
            if goal >= first:
                yield goal


@dataclass(frozen=True)
class Progress:
    voices: int
    goal: int

    @property
    def percent(self) -> int:
        return min(100, self.voices * 100 // self.goal)


def progress(voices: int, first_goal: int = 100) -> Progress:
    """The next goal not yet reached: at exactly 100 voices the goal moves on to 250."""
    goal = next(g for g in goals(max(1, first_goal)) if g > voices)
    return Progress(voices, goal)
