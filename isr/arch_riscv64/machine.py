"""riscv64 under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_riscv64 import IRQ_BASE

PROFILE = dict(
    binary="qemu-system-riscv64",
    # virt with -bios none: no OpenSBI, the reset ROM jumps to the ELF entry
    # at 0x80000000 in M-mode. One hart: the kernel programs hart 0's CLINT
    # and PLIC context only.
    machine=["-M", "virt", "-bios", "none", "-smp", "1", "-m", "64M"],
    prompt="riscv64> ",
    gdb="gdb-multiarch",
    regs_pc=r"(?m)^\s*pc\s+([0-9a-f]+)",
    # riscv_cpu_do_interrupt logs every trap; async:1 are the interrupts,
    # routine (the 100 Hz timer would push the exceptions out of the tail),
    # counted as such in a failure's summary, not shown line by line.
    log_events=r"(riscv_cpu_do_interrupt: |CPU Reset)",
    log_noise=r"async:1",
    log_source=r"riscv_cpu_do_interrupt: .* desc=(\S+)",       # the cause's name: m_timer, illegal_instruction
)


def exit_code(status):
    # SiFive test finisher on `virt`: 0x5555 exits QEMU with 0 (pass),
    # (status << 16) | 0x3333 exits with status (fail). A reset (0x7777)
    # under -no-reboot also ends QEMU with 0.
    return status & 0xff


def exit_event(status):
    # QEMU 7.2's finisher calls exit() (no event); 10.0.13's requests a
    # shutdown with the exit code, cause guest-shutdown for pass and
    # guest-panic for fail (measured on Debian 12 and 13). Nothing else on
    # `virt -bios none` powers off or panics, so either event together
    # with the guest's status line and that code is the guest's exit.
    return "guest-shutdown" if status == 0 else "guest-panic"


def log_pattern(slot):
    exception = slot["vector"] < IRQ_BASE
    cause = slot["vector"] if exception else slot["vector"] - IRQ_BASE
    return rf"async:{0 if exception else 1}, cause:{cause:016x}"


# target/riscv riscv_cpu_do_interrupt: one line per trap; async:1 for interrupts.
LOG_ENTRY = re.compile(r"riscv_cpu_do_interrupt: hart:\d+, async:(?P<interrupt>\d), cause:(?P<cause>[0-9a-f]+), "
                       r"epc:0x(?P<epc>[0-9a-f]+), tval:0x(?P<tval>[0-9a-f]+)")


def log_entries(text):
    return [{key: int(value, 16) for key, value in m.groupdict().items()} for m in LOG_ENTRY.finditer(text)]
