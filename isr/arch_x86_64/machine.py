"""x86_64 under QEMU: the machine, the console, the log, and how the
guest's exit status leaves the emulator (qemu/profiles.py makes a Profile of
it: the field names and what each means are there)."""
import re


PROFILE = dict(
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
)


def exit_code(status):
    # isa-debug-exit: a write of V makes QEMU exit with (V << 1) | 1 (the
    # process keeps the low 8 bits). `exit 0` gives 1, QEMU's own error code.
    return ((status << 1) | 1) & 0xff


def exit_event(status):
    # QEMU 7.2's isa-debug-exit calls exit(); 10.0.13's requests a shutdown
    # with the code, cause guest-shutdown (measured on Debian 12 and 13).
    # The code is odd, so an ACPI power-off (code 0) is never taken for it.
    return "guest-shutdown"


def log_pattern(slot):
    return rf"^\s*\d+: v={slot['vector']:02x} "


# target/i386 do_interrupt_all, one line per interrupt or exception delivered:
#   "    17: v=80 e=0000 i=1 cpl=3 IP=0033:000000000010a400 pc=000000000010a400 SP=..."
# i=1 for INT n (pc is the INT instruction; the saved RIP is past it).
LOG_ENTRY = re.compile(r"^\s*\d+: v=(?P<vec>[0-9a-f]+) e=(?P<err>[0-9a-f]+) i=(?P<soft>\d) "
                       r"cpl=(?P<cpl>\d) IP=(?P<cs>[0-9a-f]+):[0-9a-f]+ pc=(?P<pc>[0-9a-f]+)", re.M)


def log_entries(text):
    return [{key: int(value, 16) for key, value in m.groupdict().items()} for m in LOG_ENTRY.finditer(text)]
