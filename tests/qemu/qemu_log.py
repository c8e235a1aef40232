"""What QEMU's `-d int` log recorded, read back after the guest has exited, so
that a test can hold a report line to the emulator's own account of it."""
import re

# target/i386 do_interrupt_all, one line per interrupt or exception delivered:
#   "    17: v=80 e=0000 i=1 cpl=3 IP=0033:000000000010a400 pc=000000000010a400 SP=..."
# i=1 for INT n (pc is the INT instruction; the saved RIP is past it).
X86_EVENT = re.compile(r"^\s*\d+: v=(?P<vec>[0-9a-f]+) e=(?P<err>[0-9a-f]+) i=(?P<soft>\d) "
                       r"cpl=(?P<cpl>\d) IP=(?P<cs>[0-9a-f]+):[0-9a-f]+ pc=(?P<pc>[0-9a-f]+)", re.M)


def finished_log(console):
    """Exit the guest with status 0 and return QEMU's whole log (it is complete once QEMU is gone)."""
    console.send("exit 0\r")
    console.expect("exit status=0")
    assert console.wait_exit() == 0
    return console.log_path.read_text(errors="replace")


def x86_events(log):
    """Every x86 delivery in the log as dicts of ints: vec, err, soft, cpl, cs, pc."""
    return [{key: int(value, 16) for key, value in m.groupdict().items()} for m in X86_EVENT.finditer(log)]


def x86_logged(events, report):
    """The log's events that are this report's exception: same vector, error code, RIP and CPL."""
    vec, pc = int(report["vec"]), int(report["rip"], 16)
    err = None if report["err"] == "-" else int(report["err"], 16)
    return [e for e in events if e["vec"] == vec and e["cpl"] == int(report["cpl"])
            and (err is None or e["err"] == err) and e["pc"] + (2 if e["soft"] else 0) == pc]


def qemu_idt_error(vector):
    """The error code of an x86_64 fault that names an IDT gate. The SDM (6.13)
    puts the vector in bits 3-15 with the IDT bit set: vector * 8 + 2. QEMU
    7.2's do_interrupt64 pushes vector * 16 + 2 (the gate's byte offset in the
    long-mode IDT, plus the IDT bit), so the report's `index` reads twice the
    vector there."""
    return vector * 16 + 2
