"""The countdown and the counter's goal, with a frozen clock: plain functions, plain datetimes."""

from datetime import UTC, date, datetime

import pytest

from gezinsmuur.campaign.countdown import (
    AFTER,
    BEFORE,
    BRUSSELS,
    TODAY,
    Countdown,
    countdown,
    families_day,
    goals,
    progress,
)

EVENT = date(2027, 5, 15)


def brussels(*args: int) -> datetime:
    return datetime(*args, tzinfo=BRUSSELS)


def test_it_counts_calendar_days_to_the_event():
    assert countdown(brussels(2027, 5, 1, 9, 0), EVENT) == Countdown(BEFORE, 14)


def test_it_shows_hours_on_the_last_day():
    assert countdown(brussels(2027, 5, 14, 18, 30), EVENT) == Countdown(BEFORE, 1, 6)


def test_it_is_the_day_itself_from_midnight_in_brussels_though_utc_is_still_the_day_before():
    half_past_midnight = datetime(2027, 5, 14, 22, 30, tzinfo=UTC)  # 00:30 in Brussels (CEST)
    assert countdown(half_past_midnight, EVENT) == Countdown(TODAY)


def test_it_is_still_the_last_day_one_minute_before_midnight_in_brussels():
    assert countdown(brussels(2027, 5, 14, 23, 59), EVENT) == Countdown(BEFORE, 1, 1)


def test_it_is_the_day_until_its_last_minute():
    assert countdown(brussels(2027, 5, 15, 23, 59), EVENT) == Countdown(TODAY)


def test_it_switches_to_after_the_event_the_next_day():
    assert countdown(brussels(2027, 5, 16, 0, 0), EVENT).state == AFTER
    assert countdown(brussels(2028, 1, 1, 12, 0), EVENT).state == AFTER


def test_no_day_goes_missing_across_the_spring_dst_change():
    # 28 March 2027, 02:00 -> 03:00: that day has 23 hours. 24-hour blocks would say 3 here.
    late_evening = brussels(2027, 3, 27, 23, 30)
    assert countdown(late_evening, date(2027, 3, 31)) == Countdown(BEFORE, 4)


def test_the_last_day_across_the_spring_dst_change_has_23_hours():
    assert countdown(brussels(2027, 3, 28, 0, 0), date(2027, 3, 29)) == Countdown(BEFORE, 1, 23)


def test_the_last_day_across_the_autumn_dst_change_has_25_hours():
    assert countdown(brussels(2026, 10, 25, 0, 0), date(2026, 10, 26)) == Countdown(BEFORE, 1, 25)


def test_it_finds_the_next_international_day_of_families():
    assert families_day(date(2026, 12, 4)) == date(2027, 5, 15)
    assert families_day(date(2027, 5, 15)) == date(2027, 5, 15)
    assert families_day(date(2027, 5, 16)) == date(2028, 5, 15)


def test_the_goals_step_up_one_two_and_a_half_five():
    first = [goal for goal, _ in zip(goals(100), range(9), strict=False)]
    assert first == [100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000]


@pytest.mark.parametrize(
    ("voices", "goal", "percent"),
    [(0, 100, 0), (42, 100, 42), (99, 100, 99), (100, 250, 40), (249, 250, 99), (9999, 10000, 99)],
)
def test_the_goal_is_the_next_step_not_yet_reached(voices, goal, percent):
    assert progress(voices) == progress(voices, 100)
    assert (progress(voices).goal, progress(voices).percent) == (goal, percent)


def test_an_editor_can_start_the_goals_higher():
    assert progress(3, first_goal=1000).goal == 1000
    assert progress(1000, first_goal=1000).goal == 2500
