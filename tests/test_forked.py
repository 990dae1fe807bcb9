"""Two jobs at once: a forked child's result, or failure, comes back as if run here."""

import os
import sys
import threading
import time

import pytest

from nqpf.forked import ChildFailed, beside, can_fork

# The suite runs threads (servers for the browser tests) that make can_fork() say no; these tests
# fork all the same: their jobs take no lock another thread could hold.
needs_a_fork = pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")


def _big(seed: int) -> list[tuple[str, str]]:
    return [(f"page-{n}.md", f"{seed}:{n}" * 1_000) for n in range(200)]  # ~2 MB: more than a pipe holds


@needs_a_fork
def test_a_child_computes_the_second_job_and_its_result_is_the_same_as_here():
    parent = os.getpid()
    here, there, ran = beside(lambda: (os.getpid(), _big(1)), lambda: (os.getpid(), _big(2)), fork=True)
    assert ran.forked
    assert ran.child_cpu_s > 0
    assert here == (parent, _big(1))
    assert there[0] != parent
    assert there[1] == _big(2)


def test_with_nqpf_jobs_1_both_jobs_run_here(monkeypatch):
    monkeypatch.setenv("NQPF_JOBS", "1")
    assert not can_fork()
    parent = os.getpid()
    here, there, ran = beside(os.getpid, os.getpid)
    assert (here, there, ran.forked) == (parent, parent, False)


def test_with_another_thread_running_nothing_forks():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        assert beside(os.getpid, os.getpid)[1] == os.getpid()
    finally:
        stop.set()
        other.join()


class _Refused(ValueError):
    pass


@needs_a_fork
def test_an_exception_in_the_child_is_raised_here_as_it_was_raised():
    def fails():
        raise _Refused("facts/x.yml:3: the value is not the quote's")

    with pytest.raises(_Refused, match=r"facts/x\.yml:3"):
        beside(lambda: 1, fails, fork=True)


@needs_a_fork
def test_an_answer_that_cannot_cross_says_what_it_was():
    with pytest.raises(ChildFailed, match="cannot be pickled"):
        beside(lambda: 1, threading.Lock, fork=True)


@needs_a_fork
def test_a_child_that_dies_silently_is_replaced_by_running_its_job_here():
    parent = os.getpid()

    def dies_in_a_child():
        if os.getpid() != parent:
            os._exit(9)  # as if killed: no answer
        return "made here"

    here, there, ran = beside(lambda: "first", dies_in_a_child, fork=True)
    assert (here, there, ran.forked) == ("first", "made here", False)


@needs_a_fork
def test_when_the_first_job_fails_the_child_is_stopped_and_the_error_raised(tmp_path):
    marker = tmp_path / "child-finished"

    def slow():
        time.sleep(5)
        marker.write_text("done")
        return 1

    def fails():
        raise KeyError("here")

    with pytest.raises(KeyError):
        beside(fails, slow, fork=True)
    assert not marker.exists()
