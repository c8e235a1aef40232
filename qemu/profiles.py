"""One QEMU profile per arch: binary, machine, devices, and how the guest's exit maps to a status.

The facts are the arch's (isr/arch_<arch>/machine.py); this file says what
each field means and adds what a launcher itself does."""
import re
from dataclasses import dataclass, field
from pathlib import Path

from isr import arches
from qemu.bridge_endings import OWN_ENDINGS


@dataclass(frozen=True)
class Profile:
    arch: str
    binary: str
    machine: list           # -M/-cpu/-m and the devices, without serial or display options
    prompt: str             # the shell's prompt, as the kernel prints it
    accel: str = "tcg"      # TCG everywhere: same behaviour with or without KVM, and -d int works
    # In the `-d int,cpu_reset` log: lines worth showing when a test fails,
    # and among them the routine ones (timer ticks) to leave out.
    log_events: str = r"CPU Reset|Triple fault"
    log_noise: str = r"(?!)"
    log_pc: str = r"(?!)"     # captures, in hex, the interrupted PC of a log line
    # captures, in the log's own words, which interrupt a line records, so that
    # a storm's ending can name what fills the log (qemu/bounds.py); "" where the log cannot tell
    log_source: str = ""
    regs_pc: str = r"(?!)"    # captures, in hex, the PC in QMP's `info registers` text
    variants: dict = field(default_factory=dict)   # name -> a machine list to use instead (tests)
    gdb_setup: tuple = ()   # GDB commands for this arch, before attaching (doit debug-<arch>)
    gdb: str = "gdb"        # a GDB that knows the guest's architecture
    load: str = "-kernel"   # the option that hands QEMU the ELF
    # (symbol, register) for a machine with no exit device: the guest parks at
    # the symbol with its status in the register, and the launcher reads both
    # over QMP (qemu/park.py). Empty: QEMU's exit code carries the status.
    parked: tuple = ()
    launcher: str = "qemu"  # which launcher boots it: "qemu", or "mspdebug-sim" (qemu/mspdebug_sim.py)
    emulator: str = "QEMU"  # what the user is told runs the kernel (doit boot-<arch>)
    # How to leave `doit boot-<arch>` and where Ctrl-C goes (-nographic's keys; the serial port has signal=off).
    quit_keys: str = "Ctrl-A X quits QEMU (Ctrl-A C: its monitor); Ctrl-C goes to the guest"
    debug_banner: str = ""  # what `doit debug-<arch>` says instead of the GDB line, where there is no GDB
    icount: bool = True     # the target supports -icount (deterministic guest time)
    # PCs that are no code address but a signal to the CPU: (range start, what it means)
    magic_pcs: tuple = ()
    # The arch's machine module (isr/arch_<arch>/machine.py): exit_code and exit_event.
    facts: object = field(default=None, compare=False, repr=False)

    def machine_for(self, variant=None):
        if variant is None:
            return self.machine
        if variant not in self.variants:
            raise KeyError(f"{self.arch} has no machine variant {variant!r}; known: {', '.join(self.variants)}")
        return self.variants[variant]

    def exit_code(self, status):
        """The exit code QEMU gives when the guest's `exit status` reaches its exit device."""
        return self.facts.exit_code(status)

    def exit_status(self, returncode):
        """The exit code alone read as a guest status, or None where no status gives it.

        The code alone can lie (x86_64: QEMU's own error is 1, as is `exit 0`;
        riscv64: a reset is 0, as is `exit 0`): qemu.ending.classify also asks
        the guest's `exit status=N` line and QEMU's SHUTDOWN event."""
        if returncode < 0:
            return None
        return next((s for s in range(128) if self.exit_code(s) == returncode), None)

    def guest_seconds(self, log_path):
        """Guest time so far by the emulator's own count, where its launcher records one; else None."""
        return None

    def launcher_ending(self, returncode):
        """(kind, words) for an exit code that the launcher gives of itself, never
        for a guest status; None where the code means nothing of the kind (QEMU)."""
        return None

    def exit_event(self, status):
        """The QMP SHUTDOWN reason the exit device itself gives for status, where
        a QEMU routes its exit through a shutdown request; None where it only
        ever calls exit() (no event)."""
        return self.facts.exit_event(status)


class MspdebugSimProfile(Profile):
    """The launcher qemu/mspdebug_sim.py: its log and its own exit codes."""

    def guest_seconds(self, log_path):
        # qemu/mspdebug_sim.py logs the cycle count at each request the guest makes.
        counts = re.findall(r"^request .* smclk=(\d+)$", Path(log_path).read_text(), re.M)
        return int(counts[-1]) / self.facts.SIM_CLOCK_HZ if counts else None

    def launcher_ending(self, returncode):
        return OWN_ENDINGS.get(returncode)


# The profile class by launcher: what the launcher itself adds to the arch's facts.
LAUNCHERS = {"qemu": Profile, "mspdebug-sim": MspdebugSimProfile}


def _profile(name, machine):
    facts = dict(machine.PROFILE)
    return LAUNCHERS[facts.get("launcher", "qemu")](arch=name, facts=machine, **facts)


# One per arch, from its isr/arch_<arch>/machine.py.
PROFILES = {name: _profile(name, model.machine) for name, model in arches.models().items()}


def profile(arch):
    if arch not in PROFILES:
        raise KeyError(f"no QEMU profile for arch {arch!r}; known: {', '.join(sorted(PROFILES))}")
    return PROFILES[arch]
