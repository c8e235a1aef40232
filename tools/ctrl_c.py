"""Ctrl-C during `doit`: one line, not a traceback from wherever Python was.

The terminal sends SIGINT to doit and to the compiler it runs (one process
group): clang removes its own temporary and stops. Python would raise
KeyboardInterrupt at any line of doit or of our actions and print the stack.
Exiting at once is safe: doit's SQLite state holds only finished
transactions, and every output is written to a temporary and renamed.
"""
import os
import signal
import sys


def run_by_doit():
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    return (spec is not None and spec.name == "doit.__main__") or os.path.basename(sys.argv[0]) == "doit"


def _interrupted(signum, frame):
    print("\ndoit: interrupted (Ctrl-C); run it again to go on", file=sys.stderr, flush=True)
    os._exit(128 + signum)             # 130, as a shell reports a command stopped by SIGINT


def quiet_ctrl_c():
    """Install the handler, only in a doit process (tests import dodo.py too)."""
    if run_by_doit():
        signal.signal(signal.SIGINT, _interrupted)
