"""Runs moto's server in-process so that every StartExecution works.

moto 5.2.1 deep-copies the state machine on each execution; the copy meets thread locks, which
cannot be copied, and every execution after the first fails with HTTP 500. Registering reducers
that build fresh locks on copy removes the failure.

The state machine also refers to its backend, so each deep copy copied the whole backend, with every
earlier execution and its copies: executions got slower and slower (seconds after a few dozen).
The clone now shares the backend and the executions list instead of copying them.

The ASL preprocessor keeps its stack of query-language scopes in a class attribute, so a definition that
fails to parse leaves its scope on the stack and every later definition is read in that scope (after a
refused JSONata definition, every JSONPath one was refused): each preprocessor now gets its own stack.

moto's engine (LocalStack's) evaluates JSONata with com.dashjoin's Java port through JPype, which moto
does not ship, so every JSONata expression failed. When MOTO_JSONATA_BRIDGE holds a command (a JSON
array), the launcher starts it once and sends it the expressions instead (MotoJsonataBridge, test sources).

Usage: python3 moto_sfn_launcher.py PORT
"""
import copyreg
import json
import os
import subprocess
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


def _isolate_query_language_scopes():
    from moto.stepfunctions.parser.asl.parse.preprocessor import Preprocessor

    original_init = Preprocessor.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._query_language_per_scope = []

    Preprocessor.__init__ = init


_isolate_query_language_scopes()


def _install_jsonata_bridge():
    command = os.environ.get("MOTO_JSONATA_BRIDGE")
    if not command:
        return
    from moto.stepfunctions.parser.asl.jsonata import jsonata as jsonata_module

    lock = threading.Lock()
    bridge = []

    def evaluate(expression):
        with lock:
            if not bridge:
                bridge.append(subprocess.Popen(json.loads(command), stdin=subprocess.PIPE,
                                               stdout=subprocess.PIPE, text=True, encoding="utf-8"))
            process = bridge[0]
            process.stdin.write(json.dumps(expression) + "\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())
        if "error" in answer:
            raise jsonata_module.JSONataException("UNKNOWN", answer["error"])
        return answer["value"]

    jsonata_module._eval_jsonata = evaluate


_install_jsonata_bridge()

if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "0"
    main(["-H", "127.0.0.1", "-p", port])
