"""Render a spec in a child Python, where its exit cannot look like success.

A spec is Python, and Python can end the process that runs it without an
exception: os._exit(0) inside doit ended doit with status 0, nothing
generated. So isr/generate.py renders in a child that must report back, on a
pipe, the generated files or the spec's problems. A child that ends without a
report is an error naming the spec and its statement that was running (the
child records it, and the last line that ran, in a shared page as the spec
runs); the parent writes the files, so a child that dies leaves nothing
half-written.

Child: python -m isr.isolated FD, with the request as JSON on stdin.
"""
import json
import mmap
import os
import signal
import struct
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from isr.validate import SpecError

ROOT = Path(__file__).resolve().parent.parent
# The shared page: the spec's top-level statement running last and the last of
# its lines that ran (in a helper function, it may be another), 0 before the first.
LINES = struct.Struct("<ii")


def render(arch_name, spec_path, keep=True):
    """isr.render.render(arch_name, spec_path, keep), run in a child Python."""
    with tempfile.TemporaryDirectory(prefix="isr-spec-") as tmp:
        progress = Path(tmp) / "line"
        progress.write_bytes(bytes(mmap.PAGESIZE))
        request = {"arch": arch_name, "spec": str(spec_path), "keep": keep, "path": sys.path,
                   "progress": str(progress)}
        status, reply = _run_child(request)
        line, last = LINES.unpack_from(progress.read_bytes())
    if "files" in reply:
        return reply["files"]
    if "problems" in reply:
        raise SpecError(reply["problems"])
    if "bug" in reply:
        raise RuntimeError(f"BUG in isr/ while rendering {spec_path} (not your spec's fault):\n{reply['bug']}")
    how = f"killed by {signal.Signals(-status).name}" if status < 0 else f"exit status {status}"
    if line == 0:
        raise RuntimeError(f"BUG: the Python that renders {spec_path} ended ({how}) before it ran the spec; "
                           f"its messages are above")
    inside = f"; its line {last} ran last" if last != line else ""
    raise SpecError([f"{spec_path}:{line}: the spec ended the Python process that ran it ({how}{inside}) before "
                     f"VECTORS was read: a spec only declares VECTORS; remove what ends the process "
                     f"(os._exit(), os.abort(), os.kill(), ...)"])


def _run_child(request):
    """(exit status, the child's reply or {})."""
    read, write = os.pipe()
    paths = [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))
    try:
        child = subprocess.Popen([sys.executable, "-m", "isr.isolated", str(write)], stdin=subprocess.PIPE,
                                 pass_fds=(write,), env=env)
    finally:
        os.close(write)
    try:
        with os.fdopen(read, "rb") as replies:
            child.stdin.write(json.dumps(request).encode())
            child.stdin.close()
            reply = replies.read()
        status = child.wait()
    except BaseException:          # Ctrl-C while the spec runs: stop the child too
        child.kill()
        child.wait()
        raise
    try:
        return status, json.loads(reply)
    except ValueError:             # nothing, or cut short: the child ended without its report
        return status, {}


def _follow_lines(spec_path, progress):
    """Record each line of the spec file as it runs, until the spec's module returns."""
    with open(progress, "r+b") as handle:
        page = mmap.mmap(handle.fileno(), mmap.PAGESIZE)
    spec = str(Path(spec_path))      # the name isr/load.py compiles the spec under

    def in_spec(frame, event, arg):
        module = frame.f_code.co_name == "<module>"
        if event == "line":
            statement = frame.f_lineno if module else LINES.unpack_from(page)[0]
            LINES.pack_into(page, 0, statement, frame.f_lineno)
        elif event == "return" and module:
            sys.settrace(None)       # the spec has run: validation and the emitters go untraced
        return in_spec

    sys.settrace(lambda frame, event, arg: in_spec if frame.f_code.co_filename == spec else None)


def _child(fd):
    request = json.loads(sys.stdin.read())
    sys.stdin = open(os.devnull)
    sys.path[:] = request["path"]
    from isr.render import render as render_here
    _follow_lines(request["spec"], request["progress"])
    try:
        reply = {"files": render_here(request["arch"], request["spec"], request["keep"])}
    except SpecError as error:
        reply = {"problems": error.problems}
    except BaseException:
        reply = {"bug": traceback.format_exc()}
    sys.settrace(None)
    with os.fdopen(fd, "w") as out:
        json.dump(reply, out)


if __name__ == "__main__":
    _child(int(sys.argv[1]))
