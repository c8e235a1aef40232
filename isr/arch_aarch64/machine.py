"""aarch64 under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_aarch64 import IRQ_BASE, KINDS
from isr.arch_common import no_shutdown_event as exit_event  # noqa: F401 (the exit device only calls exit())

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
    # SYS_EXIT with ADP_Stopped_ApplicationExit: QEMU exits with the guest's
    # status itself, so `exit 1` gives QEMU's error code.
    return status & 0xff


def log_pattern(slot):
    # The log names the exception class, not the GIC INTID.
    vector = slot["vector"]
    kind = KINDS[vector % 4][0]
    if vector >= IRQ_BASE or kind == "IRQ":
        return r"Taking exception 5 \[IRQ\]"
    return r"Taking exception 6 \[FIQ\]" if kind == "FIQ" else r"Taking exception \d+ \[(?!IRQ|FIQ)"


# target/arm (A-profile): an exception's block, e.g.
#   Taking exception 1 [Undefined Instruction] on CPU 0
#   ...from EL1 to EL1
#   ...with ESR 0x0/0x2000000
#   ...with ELR 0x40200a80
#   ...to EL1 PC 0x40200a00 PSTATE 0x3c5
# QEMU 7.2 logs no ESR line for an IRQ; 10.0 logs one for IRQs too, and a
# "...with SPSR 0x3c5" line before ELR (both seen on Debian 13's 10.0.13).
LOG_ENTRY = re.compile(r"^Taking exception (?P<number>\d+) \[(?P<name>[^\]]+)\] on CPU \d+\n"
                       r"\.\.\.from EL\d to EL\d\n(?:\.\.\.with ESR 0x[0-9a-f]+/0x(?P<esr>[0-9a-f]+)\n)?"
                       r"(?:\.\.\.with FAR 0x[0-9a-f]+\n)?(?:\.\.\.with SPSR 0x[0-9a-f]+\n)?"
                       r"\.\.\.with ELR 0x(?P<elr>[0-9a-f]+)\n"
                       r"\.\.\.to EL\d PC 0x(?P<pc>[0-9a-f]+)", re.M)


def log_entries(text):
    return [{"number": int(m["number"]), "name": m["name"], "esr": int(m["esr"], 16) if m["esr"] else None,
             "elr": int(m["elr"], 16), "pc": int(m["pc"], 16)} for m in LOG_ENTRY.finditer(text)]
