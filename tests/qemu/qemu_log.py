"""What QEMU's `-d int` log recorded, read back after the guest has exited, so
that a test can hold a report line to the emulator's own account of it."""
import re

from tests.findings import IDT_ERROR_CODE_DOUBLED

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


# target/arm (A-profile): an exception's block, e.g.
#   Taking exception 1 [Undefined Instruction] on CPU 0
#   ...from EL1 to EL1
#   ...with ESR 0x0/0x2000000
#   ...with ELR 0x40200a80
#   ...to EL1 PC 0x40200a00 PSTATE 0x3c5
# QEMU 7.2 logs no ESR line for an IRQ; 10.0 logs one for IRQs too, and a
# "...with SPSR 0x3c5" line before ELR (both seen on Debian 13's 10.0.13).
A64_EXCEPTION = re.compile(r"^Taking exception (?P<number>\d+) \[(?P<name>[^\]]+)\] on CPU \d+\n"
                           r"\.\.\.from EL\d to EL\d\n(?:\.\.\.with ESR 0x[0-9a-f]+/0x(?P<esr>[0-9a-f]+)\n)?"
                           r"(?:\.\.\.with FAR 0x[0-9a-f]+\n)?(?:\.\.\.with SPSR 0x[0-9a-f]+\n)?"
                           r"\.\.\.with ELR 0x(?P<elr>[0-9a-f]+)\n"
                           r"\.\.\.to EL\d PC 0x(?P<pc>[0-9a-f]+)", re.M)


def a64_exceptions(log):
    """Every AArch64 exception in the log: number, name, esr (None where QEMU logs none: 7.2's IRQs), elr,
    pc (where it went)."""
    return [{"number": int(m["number"]), "name": m["name"], "esr": int(m["esr"], 16) if m["esr"] else None,
             "elr": int(m["elr"], 16), "pc": int(m["pc"], 16)} for m in A64_EXCEPTION.finditer(log)]


# target/riscv riscv_cpu_do_interrupt: one line per trap; async:1 for interrupts.
RISCV_TRAP = re.compile(r"riscv_cpu_do_interrupt: hart:\d+, async:(?P<interrupt>\d), cause:(?P<cause>[0-9a-f]+), "
                        r"epc:0x(?P<epc>[0-9a-f]+), tval:0x(?P<tval>[0-9a-f]+)")


def riscv_traps(log):
    return [{key: int(value, 16) for key, value in m.groupdict().items()} for m in RISCV_TRAP.finditer(log)]


# target/arm M-profile: the vector fetch, then what went wrong with it, e.g.
#   ...loading from element 6 of non-secure vector table at 0x18
#   ...loaded new PC 0x520
#   Taking exception 18 [v7M INVSTATE UsageFault] on CPU 0
#   ...taking pending nonsecure exception 3
CM_INVSTATE = re.compile(r"loading from element (?P<element>\d+) of \S+ vector table at 0x(?P<at>[0-9a-f]+)\n"
                         r"\.\.\.loaded new PC 0x(?P<pc>[0-9a-f]+)\n"
                         r"Taking exception 18 \[v7M INVSTATE UsageFault\] on CPU \d+\n"
                         r"\.\.\.taking pending \S+ exception (?P<taken>\d+)", re.M)


def cortex_m_invstate(log):
    """Each vector fetch that ended in an INVSTATE UsageFault: element, at (its address), pc, taken (the exception that followed)."""
    return [{"element": int(m["element"]), "at": int(m["at"], 16), "pc": int(m["pc"], 16), "taken": int(m["taken"])}
            for m in CM_INVSTATE.finditer(log)]


# target/arm (AArch32): an exception's lines, e.g.
#   Taking exception 4 [Data Abort] on CPU 0
#   ...from EL1 to EL1
#   ...with ESR 0x25/0x9200003f
#   ...with DFSR 0x8 DFAR 0xb000000        (IFSR/IFAR for a prefetch abort)
#   Exception return from AArch32 abt to sys PC 0x40202620
# The PC appears only on the return, and a FIQ may be taken inside an IRQ
# handler, so returns are matched to the exception they end like brackets.
A32_TAKEN = re.compile(r"^Taking exception (?P<number>\d+) \[(?P<name>[^\]]+)\]")
A32_FAULT = re.compile(r"^\.\.\.with (?P<reg>[DI]FSR) 0x(?P<fsr>[0-9a-f]+) [DI]FAR 0x(?P<far>[0-9a-f]+)")
A32_RETURN = re.compile(r"^Exception return from AArch32 (?P<mode>\w+) to (?P<to>\w+) PC 0x(?P<pc>[0-9a-f]+)")


def arm32_exceptions(log):
    """Every AArch32 exception in the log, in the order taken: number, name, fault
    ((DFSR|IFSR, status, address) or None), back ((mode, to, pc) of its return, or
    None), outer (the index of the exception it was taken inside, or None) and inner
    (how many were taken inside it)."""
    found, open_ = [], []
    for line in log.splitlines():
        taken = A32_TAKEN.match(line)
        if taken:
            found.append({"number": int(taken["number"]), "name": taken["name"], "fault": None, "back": None,
                          "outer": open_[-1] if open_ else None, "inner": 0})
            if open_:
                found[open_[-1]]["inner"] += 1
            open_.append(len(found) - 1)
            continue
        fault = A32_FAULT.match(line)
        if fault and open_:
            found[open_[-1]]["fault"] = (fault["reg"], int(fault["fsr"], 16), int(fault["far"], 16))
            continue
        back = A32_RETURN.match(line)
        if back and open_:
            found[open_.pop()]["back"] = (back["mode"], back["to"], int(back["pc"], 16))
    return found
