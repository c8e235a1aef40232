"""msp430 under mspdebug's simulator: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re

from isr.arch_common import no_shutdown_event as exit_event  # noqa: F401 (the exit device only calls exit())
from isr.arch_msp430 import IRQ_BASE

# The SMCLK (= MCLK) kernel/msp430/memlayout.h assumes for the simulator's cycles.
SIM_CLOCK_HZ = 8_000_000

PROFILE = dict(
    binary="mspdebug",
    # mspdebug's simulator (0.22 in Debian 12, 0.25 in 13): 64 KiB of RAM and these simio devices, set up
    # as the MSP430F1611 has them. Interrupt numbers are mspdebug's, word
    # 0xFFE0 + 2n: vector 48 + n in isr/arch_msp430 (msp430f1611.h offsets / 2).
    machine=["simio add console console",          # a byte written to 0x00FF is printed
             "simio add timer timer_a 3",           # Timer_A3 at 0x160, TAIV at 0x12E
             "simio config timer_a irq0 6",         # TIMERA0_VECTOR 0x0C
             "simio config timer_a irq1 5",         # TIMERA1_VECTOR 0x0A
             "simio add wdt wdt",                   # WDTCTL at 0x120; IE1 0x0000, and it reads NMIIFG at 0x0001,
                                                    # the F1611's IE2 (its IFG1 is 0x0002): tools/findings.py
             "simio config wdt irq 10",             # WDT_VECTOR 0x14 (NMI is 14, reset 15)
             "simio add gpio port1",
             "simio config port1 base 0x20",        # P1IN..P1SEL at 0x20-0x26
             "simio config port1 irq 4",            # PORT1_VECTOR 0x08
             "simio add gpio port2",
             "simio config port2 base 0x28",        # P2IN..P2SEL at 0x28-0x2E
             "simio config port2 irq 1",            # PORT2_VECTOR 0x02
             "simio add tracer tracer 4096",        # the last IRQ and I/O events; `trigger n` raises IRQ n
             "simio add tracer clock 2"],           # counts cycles, with the shortest history
    prompt="msp430> ",
    launcher="mspdebug-sim",
    emulator="mspdebug's simulator",
    quit_keys="Ctrl-A X quits the simulator (qemu/mspdebug_sim.py QUIT_KEYS); Ctrl-C goes to the guest",
    icount=False,                           # not QEMU: the simulator counts its own cycles
    gdb="gdb-multiarch",                    # has no MSP430 in Debian 12: debug-msp430 is mspdebug's own prompt
    debug_banner="mspdebug debugger on this terminal (Debian has no MSP430 GDB): setbreak, run, step, regs",
    # qemu/mspdebug_sim.py logs each stop, request and IRQ event the tracer recorded.
    log_events=r"(irq handle|system reset|^request|^sim error|^exit)",
    log_noise=r"irq handle 6$",                      # the tick
    log_pc=r"pc=0x([0-9a-f]+)",
    log_source=r"(irq handle \d+)$",                  # the simulator's IRQ number (vector 48 + n)
)


def exit_code(status):
    # qemu/mspdebug_sim.py exits with 128 + N only when the guest parked at
    # msp430_exit_parked with N in r12; its own failures (and Python's) are
    # below 128, mspdebug's exit code is never passed on, a signal is negative.
    return 128 + (status & 0x7f)


def log_pattern(slot):
    # qemu/mspdebug_sim.py's log: a device's IRQ taken, or `int`'s trigger request.
    irq = slot["vector"] - IRQ_BASE
    return rf"irq handle {irq}$|^request what=2 arg={irq} "


# qemu/mspdebug_sim.py's log: "irq handle N" when the simulator takes device
# IRQ N (vector IRQ_BASE + N), "request what=2 arg=N ..." when `int` triggers one.
LOG_ENTRY = re.compile(r"^irq handle (?P<irq>\d+)$", re.M)


def log_entries(text):
    return [{"irq": int(m["irq"]), "vector": IRQ_BASE + int(m["irq"])} for m in LOG_ENTRY.finditer(text)]
