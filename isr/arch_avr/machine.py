"""avr under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_common import no_shutdown_event as exit_event  # noqa: F401 (the exit device only calls exit())


PROFILE = dict(
    binary="qemu-system-avr",
    # mega2560: ATmega2560 at 16 MHz, USART0 on the first serial port. The
    # ELF goes in as the flash image (-bios); -d int logs nothing on AVR.
    machine=["-M", "mega2560"],
    prompt="avr> ",
    gdb="avr-gdb",                              # Debian's gdb-avr
    load="-bios",
    parked=("avr_parked", "r24"),               # kernel/avr/park.S
    icount=False,                               # QEMU 7.2's AVR refuses -icount: "Bad icount read"
    regs_pc=r"(?m)^PC:\s+([0-9a-fA-F]+)",        # target/avr: a byte address
)


def exit_code(status):
    # QEMU's AVR machine has no exit device: no exit code is ever the
    # guest's (qemu/park.py reads the status of a parked guest instead).
    return None


def log_pattern(slot):
    # None: QEMU's AVR logs no interrupts with -d int (DESIGN.md: QEMU 7.2).
    return None


def log_entries(text):
    return []
