"""aarch64 under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
from isr.arch_aarch64 import IRQ_BASE, KINDS

PROFILE = dict(
    binary="qemu-system-aarch64",
    # virt with its default GICv2; the kernel starts at EL1 (no
    # virtualization=on). -semihosting lets the guest's SYS_EXIT end QEMU.
    machine=["-M", "virt", "-cpu", "cortex-a57", "-m", "64M", "-semihosting"],
    prompt="aarch64> ",
    gdb_setup=("set architecture aarch64",),
    gdb="gdb-multiarch",                       # the host's plain gdb knows only its own arch
    # target/arm logs "Taking exception N [name]", then "...with ESR/FAR/ELR" lines.
    log_events=r"Taking exception|\.\.\.with (?:ESR|FAR|ELR)",
    log_noise=r"\[IRQ\]",                     # the timer tick above all
    log_pc=r"with ELR 0x([0-9a-f]+)",
    log_source=r"^Taking exception \d+ (\[[^]]+\])",   # the kind only: -d int names no INTID
    regs_pc=r"\bPC=([0-9a-f]+)",
    # virtualization=on: QEMU starts the kernel at EL2 (boot/aarch64/entry.S drops to EL1).
    variants={"el2": ["-M", "virt,virtualization=on", "-cpu", "cortex-a57", "-m", "64M", "-semihosting"]},
)


def exit_code(status):
    """The emulator's exit code when the guest's `exit status` reaches the exit
    device; None where no exit code is ever the guest's."""
    # SYS_EXIT with ADP_Stopped_ApplicationExit: QEMU exits with the guest's
    # status itself, so `exit 1` gives QEMU's error code.
    return status & 0xff


def exit_event(status):
    """The QMP SHUTDOWN reason the exit device gives for status, where a QEMU
    routes the exit through a shutdown request; None where it only ever calls
    exit() (no event)."""
    return None


def log_pattern(slot):
    """A regex for the line the emulator's interrupt log writes when this manifest
    slot's vector is taken (reports/explain.py --run)."""
    # The log names the exception class, not the GIC INTID.
    vector = slot["vector"]
    kind = KINDS[vector % 4][0]
    if vector >= IRQ_BASE or kind == "IRQ":
        return r"Taking exception 5 \[IRQ\]"
    return r"Taking exception 6 \[FIQ\]" if kind == "FIQ" else r"Taking exception \d+ \[(?!IRQ|FIQ)"
