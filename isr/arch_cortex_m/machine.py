"""cortex-m under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""

PROFILE = dict(
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
    return rf"taking pending (?:non)?secure exception {slot['vector']}$"
