"""Run a submission's code where it cannot hurt the grader: bubblewrap (Debian's
`bubblewrap`, tools/setup) with no network, no other process, only the system's
programs and the project's venv read-only, the submission's tree read-only
except its build/ folder, nothing else of the machine (the grader's own tree,
its tests and the other submissions are not there); and limits: CPU seconds
per process, address space, the size of one file, the number of processes, the
bytes under build/ (watched) and the wall-clock time of the whole run.

A limit that stops the run is said in words (Outcome.stopped), beside the
run's own exit status and output.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 600          # per process (RLIMIT_CPU): a spec that loops forever
    memory: int = 4096 * MB          # address space per process (RLIMIT_AS); QEMU reserves ~1 GB for code
    file_size: int = 256 * MB        # one file (RLIMIT_FSIZE); the emulator's own files are capped lower
    processes: int = 256             # processes of the sandbox's user namespace (RLIMIT_NPROC)
    disk: int = 1024 * MB            # every byte under the tree's build/ folder together
    wall_seconds: int = 900          # the whole run


@dataclass
class Outcome:
    returncode: int
    output: str
    stopped: str = ""               # which limit stopped the run, in words; "" if none did

    @property
    def ok(self):
        return self.returncode == 0 and not self.stopped


class SandboxUnavailable(Exception):
    """bubblewrap is missing or cannot make its namespaces here: the message says why and what to do."""


def _system_binds():
    """The system's programs and libraries, read-only; Debian's merged /usr keeps /bin etc. as links."""
    argv = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "lib", "lib64", "sbin", "lib32", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            argv += ["--ro-bind", str(path), str(path)]
    # What the programs read from /etc: the loader's cache, Debian's alternatives (cc), nothing secret.
    for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives"):
        if (Path("/etc") / name).exists():
            argv += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    return argv


def _interpreter_binds(venv):
    """The Python the venv was made from, read-only: a venv's bin/python is only a link to it, and
    its standard library lies beside it. Debian's is under /usr, already bound; pyenv's or a
    built one (/root/.pyenv/versions/3.11.7, /opt/...) is bound at its own path."""
    interpreter = (venv / "bin" / "python").resolve()
    prefix = interpreter.parent.parent
    if prefix == Path("/usr") or Path("/usr") in prefix.parents:
        return []
    return ["--ro-bind", str(prefix), str(prefix)]


def command(tree, argv, venv=None):
    """The bwrap argv that runs argv in tree (its build/ folder the only place it may write)."""
    tree = Path(tree).resolve()
    venv = Path(venv or Path(sys.prefix)).resolve()
    build = tree / "build"
    return (["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"] +
            _system_binds() + _interpreter_binds(venv) +
            # /tmp first: a tree under /tmp is then bound on top of it.
            ["--bind", str(build / ".tmp"), "/tmp",
             "--ro-bind", str(venv), str(venv),
             "--ro-bind", str(tree), str(tree),
             "--bind", str(build), str(build),
             "--proc", "/proc", "--dev", "/dev",
             "--chdir", str(tree), "--"] + list(argv))


def python():
    """This venv's Python as the sandbox sees it: the venv is bound at its real path."""
    return str(Path(sys.prefix).resolve() / "bin" / "python")


def environment(tree):
    """The sandbox's environment: nothing of the grader's but PATH; no compiler cache shared between submissions."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
            "CCACHE_DISABLE": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def _set_limits(limits):
    def preexec():
        # CPU: SIGXCPU at the soft limit, SIGKILL a second later (a process that catches the first).
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        for which, value in ((resource.RLIMIT_AS, limits.memory), (resource.RLIMIT_FSIZE, limits.file_size),
                             (resource.RLIMIT_NPROC, limits.processes), (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(which, (value, value))
    return preexec


def _bytes_under(folder):
    total = 0
    for path, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(path, name)).st_size
            except OSError:
                pass
    return total


def check_available():
    """Raise SandboxUnavailable, with the reason and the fix, where no sandbox can be made here."""
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable("bubblewrap is not installed: run tools/setup (or apt-get install bubblewrap)")
    probe = subprocess.run(["bwrap", "--unshare-all", "--die-with-parent"] + _system_binds() + ["true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(
            f"bubblewrap cannot make its namespaces here: {probe.stderr.strip()}; it needs root or "
            f"unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, and on Ubuntu "
            f"kernel.apparmor_restrict_unprivileged_userns=0); in a container, run it with --privileged "
            f"or a seccomp profile that allows unshare and mount")


def run(tree, argv, limits=Limits(), log=None):
    """Run argv in the sandbox over tree; returns an Outcome. log: a file for the output (bounded)."""
    check_available()
    build = Path(tree) / "build"
    (build / ".tmp").mkdir(parents=True, exist_ok=True)
    out = open(log or build / ".sandbox.log", "w+b")
    process = subprocess.Popen(command(tree, argv), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                               env=environment(tree), preexec_fn=_set_limits(limits), start_new_session=True)
    stopped = []

    def watch():
        started = time.monotonic()
        while process.poll() is None:
            if _bytes_under(build) > limits.disk:
                stopped.append(f"it wrote more than {limits.disk // MB} MB under build/ (the disk limit)")
            elif time.monotonic() - started > limits.wall_seconds:
                stopped.append(f"it ran longer than {limits.wall_seconds} s (the time limit)")
            if stopped:
                os.killpg(process.pid, signal.SIGKILL)
                return
            time.sleep(0.2)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    returncode = process.wait()
    watcher.join()
    out.seek(0, os.SEEK_END)
    size = out.tell()
    out.seek(max(0, size - 20000))
    output = out.read().decode(errors="replace")
    out.close()
    # bwrap passes on its child's status; a child killed by a signal gives 128 + the signal.
    died = -returncode if returncode < 0 else returncode - 128 if returncode > 128 else 0
    if not stopped and died in (signal.SIGXCPU, signal.SIGKILL, signal.SIGXFSZ):
        stopped.append({signal.SIGXCPU: f"it used more than {limits.cpu_seconds} s of CPU (the CPU limit)",
                        signal.SIGKILL: "it was killed (the CPU or memory limit)",
                        signal.SIGXFSZ: f"it wrote a file past {limits.file_size // MB} MB (the file-size limit)"}[died])
    return Outcome(returncode, output, "; ".join(stopped))
