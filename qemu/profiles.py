"""One QEMU profile per arch: binary, machine, devices, and how the guest's exit maps to a status."""
import re
from dataclasses import dataclass, field
from pathlib import Path

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

    def machine_for(self, variant=None):
        if variant is None:
            return self.machine
        if variant not in self.variants:
            raise KeyError(f"{self.arch} has no machine variant {variant!r}; known: {', '.join(self.variants)}")
        return self.variants[variant]

    def exit_code(self, status):
        """The exit code QEMU gives when the guest's `exit status` reaches its exit device."""
        raise NotImplementedError

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
        return None


class X86Profile(Profile):
    def exit_code(self, status):
        # isa-debug-exit: a write of V makes QEMU exit with (V << 1) | 1 (the
        # process keeps the low 8 bits). `exit 0` gives 1, QEMU's own error code.
        return ((status << 1) | 1) & 0xff

    def exit_event(self, status):
        # QEMU 7.2's isa-debug-exit calls exit(); 10.0.13's requests a shutdown
        # with the code, cause guest-shutdown (measured on Debian 12 and 13).
        # The code is odd, so an ACPI power-off (code 0) is never taken for it.
        return "guest-shutdown"


class ArmSemihostingProfile(Profile):
    def exit_code(self, status):
        # SYS_EXIT / SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit: QEMU
        # exits with the guest's status itself, so `exit 1` gives QEMU's error code.
        return status & 0xff


class Arm32Profile(Profile):
    def exit_code(self, status):
        # kernel/arm32/arch.c exits through SYS_EXIT_EXTENDED with 128 + N, so
        # a guest status is 128-255; QEMU's own exits (0 when it quits, 1 on
        # an error) and signals (negative) are never one.
        return 128 + (status & 0x7f)


class RiscvVirtProfile(Profile):
    def exit_code(self, status):
        # SiFive test finisher on `virt`: 0x5555 exits QEMU with 0 (pass),
        # (status << 16) | 0x3333 exits with status (fail). A reset (0x7777)
        # under -no-reboot also ends QEMU with 0.
        return status & 0xff

    def exit_event(self, status):
        # QEMU 7.2's finisher calls exit() (no event); 10.0.13's requests a
        # shutdown with the exit code, cause guest-shutdown for pass and
        # guest-panic for fail (measured on Debian 12 and 13). Nothing else on
        # `virt -bios none` powers off or panics, so either event together
        # with the guest's status line and that code is the guest's exit.
        return "guest-shutdown" if status == 0 else "guest-panic"


class AvrParkProfile(Profile):
    def exit_code(self, status):
        # QEMU's AVR machine has no exit device: no exit code is ever the
        # guest's (qemu/park.py reads the status of a parked guest instead).
        return None

    def exit_status(self, returncode):
        return None


class MspdebugSimProfile(Profile):
    CLOCK_HZ = 8_000_000    # the SMCLK (= MCLK) kernel/msp430/memlayout.h assumes for the simulator's cycles

    def guest_seconds(self, log_path):
        # qemu/mspdebug_sim.py logs the cycle count at each request the guest makes.
        counts = re.findall(r"^request .* smclk=(\d+)$", Path(log_path).read_text(), re.M)
        return int(counts[-1]) / self.CLOCK_HZ if counts else None

    def exit_code(self, status):
        # qemu/mspdebug_sim.py exits with 128 + N only when the guest parked at
        # msp430_exit_parked with N in r12; its own failures (and Python's) are
        # below 128, mspdebug's exit code is never passed on, a signal is negative.
        return 128 + (status & 0x7f)

    def launcher_ending(self, returncode):
        return OWN_ENDINGS.get(returncode)


PROFILES = {
    "x86_64": X86Profile(
        arch="x86_64",
        binary="qemu-system-x86_64",
        # microvm: no PCI, no ACPI, qboot firmware: the shortest path to a PVH
        # kernel. Its legacy PIC, PIT and COM1 are the devices we program.
        machine=["-M", "microvm", "-cpu", "max", "-m", "64M",
                 "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
        prompt="x86_64> ",
        log_events=r"^\s*\d+: v=|check_exception|Triple fault|CPU Reset",
        log_noise=r"v=2[0-9a-f] ",              # PIC IRQs at 0x20-0x2f: the 100 Hz tick above all
        log_pc=r" pc=([0-9a-f]+)",
        log_source=r"^\s*\d+: (v=[0-9a-f]+) ",      # do_interrupt_all: the vector, in hex
        regs_pc=r"RIP=([0-9a-f]+)",
        gdb_setup=("set disassembly-flavor att",),
    ),
    "aarch64": ArmSemihostingProfile(
        arch="aarch64",
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
    ),
    "riscv64": RiscvVirtProfile(
        arch="riscv64",
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
    ),
    "cortex-m": ArmSemihostingProfile(
        arch="cortex-m",
        binary="qemu-system-arm",
        # mps2-an385: Cortex-M3, NVIC with 32 IRQs, CMSDK UART0 as the first
        # serial port; the RAM size is fixed by the board (16 MiB PSRAM).
        # Semihosting carries the guest's exit status (bkpt 0xab).
        machine=["-M", "mps2-an385", "-semihosting-config", "enable=on,target=native"],
        prompt="cortex-m> ",
        gdb="gdb-multiarch",
        regs_pc=r"R15=([0-9a-f]+)",                # target/arm names the M-profile PC R15
        # An exception return loads EXC_RETURN (0xFFFFFFxx) into the PC; QEMU
        # shows it there until the next instruction unstacks the frame.
        magic_pcs=((0xFFFFFF00, "EXC_RETURN: the CPU is returning from an exception"),),
        log_events=r"(Taking exception|\.\.\.taking pending|\.\.\.tailchaining|Exception return|CPU Reset|Lockup)",
        log_source=r"^\.\.\.(?:taking pending|tailchaining)\D*(exception \d+)",    # the NVIC exception number
    ),
    "arm32": Arm32Profile(
        arch="arm32",
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
    ),
    "avr": AvrParkProfile(
        arch="avr",
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
    ),
    "msp430": MspdebugSimProfile(
        arch="msp430",
        binary="mspdebug",
        # mspdebug's simulator (0.22 in Debian 12, 0.25 in 13): 64 KiB of RAM and these simio devices, set up
        # as the MSP430F1611 has them. Interrupt numbers are mspdebug's, word
        # 0xFFE0 + 2n: vector 48 + n in isr/arch_msp430 (msp430f1611.h offsets / 2).
        machine=["simio add console console",          # a byte written to 0x00FF is printed
                 "simio add timer timer_a 3",           # Timer_A3 at 0x160, TAIV at 0x12E
                 "simio config timer_a irq0 6",         # TIMERA0_VECTOR 0x0C
                 "simio config timer_a irq1 5",         # TIMERA1_VECTOR 0x0A
                 "simio add wdt wdt",                   # WDTCTL at 0x120; IE1 0x0000, and it reads NMIIFG at 0x0001,
                                                        # the F1611's IE2 (its IFG1 is 0x0002): tests/findings.py
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
    ),
}


def profile(arch):
    if arch not in PROFILES:
        raise KeyError(f"no QEMU profile for arch {arch!r}; known: {', '.join(sorted(PROFILES))}")
    return PROFILES[arch]
