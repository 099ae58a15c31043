"""Runs moto's server in-process so that every StartExecution works.

moto 5.2.1 deep-copies the state machine on each execution; the copy meets thread locks, which
cannot be copied, and every execution after the first fails with HTTP 500. Registering reducers
that build fresh locks on copy removes the failure.

The state machine also refers to its backend, so each deep copy copied the whole backend, with every
earlier execution and its copies: executions got slower and slower (seconds after a few dozen).
The clone now shares the backend and the executions list instead of copying them.

Usage: python3 moto_sfn_launcher.py PORT
"""
import copyreg
import sys
import threading


def _fresh_rlock(_lock):
    return threading.RLock, ()


def _fresh_lock(_lock):
    return threading.Lock, ()


def _fresh_event(_event):
    return threading.Event, ()


def _fresh_condition(_condition):
    return threading.Condition, ()


copyreg.pickle(type(threading.RLock()), _fresh_rlock)
copyreg.pickle(type(threading.Lock()), _fresh_lock)
copyreg.pickle(threading.Event, _fresh_event)
copyreg.pickle(threading.Condition, _fresh_condition)

import copy  # noqa: E402

from moto.server import main  # noqa: E402
from moto.stepfunctions.models import StateMachine  # noqa: E402

_SHARED_ON_COPY = ("backend", "executions")


def _clone_state_machine(self, memo):
    clone = StateMachine.__new__(StateMachine)
    memo[id(self)] = clone
    for key, value in self.__dict__.items():
        setattr(clone, key, value if key in _SHARED_ON_COPY else copy.deepcopy(value, memo))
    return clone


StateMachine.__deepcopy__ = _clone_state_machine

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "0"
    main(["-H", "127.0.0.1", "-p", port])
