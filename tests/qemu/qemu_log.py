"""What QEMU's `-d int` log recorded, read back after the guest has exited, so
that a test can hold a report line to the emulator's own account of it (the
entries themselves: qemu/int_log.py entries)."""
from tools.findings import IDT_ERROR_CODE_DOUBLED

def finished_log(console):
    """Exit the guest with status 0 and return QEMU's whole log (it is complete once QEMU is gone)."""
    console.send("exit 0\r")
    console.expect("exit status=0")
    assert console.wait_exit() == 0
    return console.log_path.read_text(errors="replace")


def x86_logged(events, report):
    """The log's events that are this report's exception: same vector, error code, RIP and CPL."""
    vec, pc = int(report["vec"]), int(report["rip"], 16)
    err = None if report["err"] == "-" else int(report["err"], 16)
    return [e for e in events if e["vec"] == vec and e["cpl"] == int(report["cpl"])
            and (err is None or e["err"] == err) and e["pc"] + (2 if e["soft"] else 0) == pc]


def sdm_idt_error(vector):
    """The error code of an x86_64 fault that names an IDT gate, as the SDM
    (6.13) has it: the vector in bits 3-15 with the IDT bit set."""
    return vector * 8 + 2


def qemu_idt_error(vector):
    """The same error code as the installed QEMU pushes it: QEMU 7.2's
    do_interrupt64 pushes vector * 16 + 2 (the gate's byte offset in the
    long-mode IDT, plus the IDT bit), so the report's `index` reads twice the
    vector there; 10.0.13 pushes the SDM's (tests/qemu/test_known_limits.py)."""
    return vector * 16 + 2 if IDT_ERROR_CODE_DOUBLED.present() else sdm_idt_error(vector)
