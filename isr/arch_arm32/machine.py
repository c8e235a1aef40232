"""arm32 under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_arm32 import IRQ_BASE
from isr.arch_common import no_shutdown_event as exit_event  # noqa: F401 (the exit device only calls exit())

PROFILE = dict(
    binary="qemu-system-arm",
    # virt with its default GICv2 and secure=off: -kernel starts the ELF in
    # SVC mode (non-secure PL1); GIC group 0 with GICC_CTLR.FIQEn arrives as
    # FIQ. -semihosting lets the guest's SYS_EXIT_EXTENDED end QEMU.
    machine=["-M", "virt", "-cpu", "cortex-a15", "-m", "64M", "-semihosting"],
    prompt="arm32> ",
    gdb_setup=("set architecture armv7",),
    gdb="gdb-multiarch",
    # arm_cpu_do_interrupt_aarch32 logs "Taking exception N [name]", then
    # "...with DFSR/DFAR" or "...with IFSR/IFAR" for the aborts; the PC
    # appears only on "Exception return from AArch32 <mode> to <mode> PC 0x...".
    log_events=r"Taking exception|\.\.\.with [DI]FSR|Exception return from AArch32",
    log_noise=r"\[IRQ\]|Exception return from AArch32 irq ",   # the timer tick above all
    log_pc=r"Exception return from AArch32 \w+ to \w+ PC 0x([0-9a-f]+)",
    log_source=r"^Taking exception \d+ (\[[^]]+\])",   # IRQ or FIQ: -d int names no INTID
    regs_pc=r"R15=([0-9a-f]+)",
)


def exit_code(status):
    # kernel/arm32/arch.c exits through SYS_EXIT_EXTENDED with 128 + N, so
    # a guest status is 128-255; QEMU's own exits (0 when it quits, 1 on
    # an error) and signals (negative) are never one.
    return 128 + (status & 0x7f)


def log_pattern(slot):
    # The log names the exception, not the GIC INTID: a GIC interrupt arrives as
    # IRQ (group 1) or FIQ (group 0, the spec's fiq=True).
    if slot["vector"] >= IRQ_BASE:
        return r"Taking exception 6 \[FIQ\]" if slot["options"].get("fiq") else r"Taking exception 5 \[IRQ\]"
    return {1: r"\[Undefined Instruction\]", 2: r"\[SVC\]", 3: r"\[Prefetch Abort\]",
            4: r"\[Data Abort\]", 6: r"\[IRQ\]", 7: r"\[FIQ\]"}.get(slot["vector"], r"(?!)")


# target/arm (AArch32): an exception's lines, e.g.
#   Taking exception 4 [Data Abort] on CPU 0
#   ...from EL1 to EL1
#   ...with ESR 0x25/0x9200003f
#   ...with DFSR 0x8 DFAR 0xb000000        (IFSR/IFAR for a prefetch abort)
#   Exception return from AArch32 abt to sys PC 0x40202620
# The PC appears only on the return, and a FIQ may be taken inside an IRQ
# handler, so returns are matched to the exception they end like brackets.
LOG_TAKEN = re.compile(r"^Taking exception (?P<number>\d+) \[(?P<name>[^\]]+)\]")
LOG_FAULT = re.compile(r"^\.\.\.with (?P<reg>[DI]FSR) 0x(?P<fsr>[0-9a-f]+) [DI]FAR 0x(?P<far>[0-9a-f]+)")
LOG_RETURN = re.compile(r"^Exception return from AArch32 (?P<mode>\w+) to (?P<to>\w+) PC 0x(?P<pc>[0-9a-f]+)")


def log_entries(text):
    found, open_ = [], []
    for line in text.splitlines():
        taken = LOG_TAKEN.match(line)
        if taken:
            found.append({"number": int(taken["number"]), "name": taken["name"], "fault": None, "back": None,
                          "outer": open_[-1] if open_ else None, "inner": 0})
            if open_:
                found[open_[-1]]["inner"] += 1
            open_.append(len(found) - 1)
            continue
        fault = LOG_FAULT.match(line)
        if fault and open_:
            found[open_[-1]]["fault"] = (fault["reg"], int(fault["fsr"], 16), int(fault["far"], 16))
            continue
        back = LOG_RETURN.match(line)
        if back and open_:
            found[open_.pop()]["back"] = (back["mode"], back["to"], int(back["pc"], 16))
    return found
