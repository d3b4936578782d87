"""``acting_at``: real actions stamped at a past moment, the real clock everywhere else."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.utils import timezone

from sentier.core.clock import acting_at, at_local


def test_inside_the_block_now_and_today_are_the_moment() -> None:
    moment = at_local(-40, 14)
    with acting_at(moment):
        assert abs(timezone.now() - moment) < dt.timedelta(seconds=5)
        assert timezone.localdate() == timezone.localtime(moment).date()
        first = timezone.now()
        assert timezone.now() >= first  # the clock runs on: steps keep their order
    assert timezone.now() - moment > dt.timedelta(days=39)


def test_another_thread_reads_the_real_clock() -> None:
    seen: list[dt.datetime] = []
    with acting_at(at_local(-40, 14)):
        thread = threading.Thread(target=lambda: seen.append(timezone.now()))
        thread.start()
        thread.join()
    assert timezone.now() - seen[0] < dt.timedelta(minutes=1)


def test_nested_blocks_restore_the_outer_moment() -> None:
    outer, inner = at_local(-10, 9), at_local(-5, 9)
    with acting_at(outer):
        with acting_at(inner):
            assert timezone.localdate() == timezone.localtime(inner).date()
        assert timezone.localdate() == timezone.localtime(outer).date()
    assert timezone.localdate() == timezone.localtime(timezone.now()).date()


def test_the_future_and_naive_times_are_refused() -> None:
    with (
        pytest.raises(ValueError, match="future"),
        acting_at(timezone.now() + dt.timedelta(hours=1)),
    ):
        pass
    with pytest.raises(ValueError, match="aware"), acting_at(dt.datetime(2026, 1, 1, 9)):
        pass


def test_at_local_never_gives_the_future() -> None:
    assert at_local(0, 23, 59) < timezone.now()
    assert timezone.localtime(at_local(-3, 9, 30)).time() == dt.time(9, 30)
