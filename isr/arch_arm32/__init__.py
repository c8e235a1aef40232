"""32-bit ARM A-profile interrupt facts (ARMv7-A ARM DDI 0406C, B1.8 "Exception
handling"; GICv2 architecture spec IHI 0048B), the arch model for isr/.

Vectors 0-7 are the eight words of the table VBAR points at (B1.8.1): reset,
undefined instruction, SVC, prefetch abort, data abort, a reserved word (Hyp
trap, only in Hyp mode), IRQ, FIQ. Each word is an instruction, here a B to
its entry. On entry the CPU switches to the vector's mode, which banks its own
SP, LR and SPSR (FIQ mode also r8-r12), and sets LR to the preferred return
address plus an offset that depends on the vector (B1.8.3, Table B1-7):
LR_OFFSET below. An aborted access leaves its fault status in DFSR or IFSR
and the address in DFAR or IFAR: the arm32 error code.

Vectors 8-71 are GIC INTIDs 0-63 (vector = 8 + INTID), seen through the IRQ
or the FIQ entry: GICv2 signals a group 1 interrupt as IRQ and, with
GICC_CTLR.FIQEn, a group 0 one as FIQ (IHI 0048B 3.6.2). `fiq=True` puts an
interrupt in group 0. The generated GIC table lists a handler, a priority,
the group and an enable bit per INTID; the IRQ and FIQ entries acknowledge
the GIC and call through it.

`abi` is the compiler's __attribute__((interrupt(KIND))) with the kind that
the vector needs (KINDS): the return instruction differs per kind, so the
generated prototype carries it and tools/return_checks.py proves it in the ELF.
"""
from isr import gicv2
from isr.arch_common import handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import is_int

NAME = "arm32"
VBAR_ENTRIES = 8
IRQ_BASE = VBAR_ENTRIES          # vector of INTID 0
GIC_INTIDS = gicv2.INTIDS
SGI_COUNT = gicv2.SGI_COUNT
VECTOR_COUNT = IRQ_BASE + GIC_INTIDS
HANDLER_VECTORS = range(VECTOR_COUNT)
STYLES = ("abi", "stub", "naked")
STYLE_REFUSALS = {}
RESET_VECTOR = None             # VBAR word 0 is never taken here: -kernel starts the ELF entry (NOTES)
CPU_EXCEPTIONS = True           # software can raise CPU faults: `probe` has faults to raise
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
# The styles a bench vector (an SGI, reports/cost.py) cannot have, and why: the
# report says so instead of leaving a gap.
BENCH_REFUSALS = {"abi": "a bench vector is an SGI, whose handler the IRQ or FIQ entry calls as an ordinary "
                         "function; every arm32 window goes through the abi entry of its group, "
                         "interrupt(\"IRQ\") or interrupt(\"FIQ\"), and its row says which"}
ERROR_CODE_FACTS = ("leaves no fault status in DFSR/IFSR", "reports a fault status in DFSR/IFSR")
TABLE_ENTRY_SIZE = 4             # one ARM instruction per vector
TABLE_ALIGN = 32                 # B4.1.156 VBAR: bits [4:0] are RES0
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("kernel/arm32/arch.c", r"w_vbar\(",
                 "VBAR gets the table's address")
GIC_ENTRY_SIZE = 8               # gen/isr.h struct isr_gic_entry
GIC_PRIORITY_STEP = gicv2.PRIORITY_STEP
GIC_PRIORITY_MASK = gicv2.PRIORITY_MASK
# GICC_IAR hands out the most urgent pending interrupt of either group, so an
# IRQ entry could acknowledge a FIQ's interrupt if it were less urgent. Every
# FIQ (group 0) interrupt therefore outranks every IRQ (group 1) one: FIQ
# priorities are below FIQ_PRIORITY_LIMIT, IRQ priorities at or above it.
FIQ_PRIORITY_LIMIT = 0x80
DEFAULT_PRIORITY = {False: 0xa0, True: 0x40}
BOOL_OPTIONS = ("fiq",)          # validation leaves fiq=True/False to check_options

TABLES = ({"name": "vbar", "format": "vbar-arm-branch", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VBAR_ENTRIES, "align": TABLE_ALIGN, "count": VBAR_ENTRIES,
           "first_vector": 0},
          # Not read by the CPU: the IRQ and FIQ entries acknowledge the GIC and
          # call the INTID's handler from it (kernel/arm32/irq.c).
          {"name": "gic", "format": "gic-dispatch-32", "section": ".isr_gic_table",
           "start": "__isr_gic_table_start", "end": "__isr_gic_table_end", "entry_size": GIC_ENTRY_SIZE,
           "size": GIC_ENTRY_SIZE * GIC_INTIDS, "align": 4, "count": GIC_INTIDS, "first_vector": IRQ_BASE,
           "dispatcher_vectors": {"irq": 6, "fiq": 7}})

# B1.8.1, in table order. KINDS: the compiler's interrupt kind for the vector
# (clang and GCC: "IRQ", "FIQ", "SWI", "ABORT", "UNDEF"); None where it has none.
# Vectors entered without a storm guard (isr/guard.py): RESET (boot code), the
# IRQ and FIQ entries, whose dispatcher acknowledges the GIC and counts each
# INTID itself (storm_entry() in kernel/arm32/irq.c), and the INTIDs, which the
# CPU never enters: the dispatcher calls them.
UNGUARDED = frozenset({0, 6, 7}) | frozenset(range(IRQ_BASE, VECTOR_COUNT))
VBAR_NAMES = ("RESET", "UNDEF", "SVC", "PABT", "DABT", "RSVD", "IRQ", "FIQ")
KINDS = {1: "UNDEF", 2: "SWI", 3: "ABORT", 4: "ABORT", 6: "IRQ", 7: "FIQ"}
COMPILER_KINDS = ("IRQ", "FIQ", "SWI", "ABORT", "UNDEF")
# Table B1-7: LR on entry = preferred return address + offset (ARM state).
# The preferred return address is the faulting instruction for UNDEF and the
# aborts, the next one for SVC, IRQ and FIQ.
LR_OFFSET = {0: 0, 1: 4, 2: 0, 3: 4, 4: 8, 5: 0, 6: 4, 7: 4}
# How each kind returns (the instruction tools/return_checks.py looks for):
# `subs pc, lr, #N` copies SPSR to CPSR and jumps to LR - N. IRQ, FIQ and ABORT
# subtract 4 (a data abort thus resumes after the faulting load, a prefetch
# abort re-executes its branch target); SWI and UNDEF return past the instruction.
KIND_RETURN = {"IRQ": 4, "FIQ": 4, "ABORT": 4, "SWI": 0, "UNDEF": 0}
# What raises each vector, and where its preferred return address points (B1.8.3).
NOTES = {0: "reset: -kernel starts at the ELF entry instead; never taken through VBAR here",
         1: "an undefined instruction (UDF, or VFP while it is disabled); returns to: the instruction",
         2: "the SVC instruction; returns to: the next one",
         3: "a fetch that faulted, or BKPT (a debug event); returns to: the instruction",
         4: "a load or store that faulted (alignment, external abort); returns to: the access",
         5: "Hyp trap, only in Hyp mode; never taken here",
         6: "a GIC group 1 interrupt; returns to: the next instruction",
         7: "a GIC group 0 interrupt with GICC_CTLR.FIQEn set; returns to: the next instruction"}
# The CPU mode each vector enters, which banks SP, LR and SPSR (B1.3.2).
MODES = {0: "svc", 1: "und", 2: "svc", 3: "abt", 4: "abt", 5: "hyp", 6: "irq", 7: "fiq"}
# No exception but these two reports a fault status.
FAULT_VECTORS = (3, 4)


def vector_name(vector):
    """DABT for a VBAR entry; SGIn, PPIn or SPIn (n = INTID) for a GIC interrupt."""
    return VBAR_NAMES[vector] if vector < VBAR_ENTRIES else GIC.name(vector)


def has_error_code(vector):
    """The aborts leave a fault status in DFSR/IFSR (reported as err=)."""
    return vector in FAULT_VECTORS


def resolve_vector(binding, say):
    """The vector a binding names, or None after saying why it cannot be bound."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            if number.upper() not in VBAR_NAMES:
                say(f"exception {number!r} is not an ARMv7-A vector; use one of: {', '.join(VBAR_NAMES)}")
                return None
            number = VBAR_NAMES.index(number.upper())
        if not is_int(number) or not 0 <= number < VBAR_ENTRIES:
            say(f"exception {number!r} out of range 0-{VBAR_ENTRIES - 1} (the VBAR words); "
                f"bind GIC interrupts with irq() or interrupt()")
            return None
        if number in (0, 5):
            say(f"exception {number} ({VBAR_NAMES[number]}) is never taken through VBAR here: "
                f"{'reset starts at the ELF entry (boot/arm32/entry.S)' if number == 0 else 'it is the Hyp trap, and the kernel never runs in Hyp mode'}; "
                f"remove this line")
            return None
        return number
    return GIC.resolve(kind, number, say)


def abi_refusal(vector):
    """Why `abi` cannot serve this vector, or None if the compiler has its kind."""
    if vector >= IRQ_BASE:
        return ("a GIC interrupt's handler is called by the IRQ or FIQ entry as an ordinary function, "
                "so it has no interrupt kind of its own; give the convention to the entry "
                "(exception(\"IRQ\", ..., style=\"abi\")) and bind this INTID with style=\"stub\" or \"naked\"")
    if vector not in KINDS:
        return (f"the compiler has no interrupt kind for {VBAR_NAMES[vector]} (it has "
                f"{', '.join(COMPILER_KINDS)}); use style=\"stub\" or \"naked\"")
    return None


def _check_kind(binding, vector, value, say):
    """kind= is the user's claim about an abi handler's convention, like
    error_code=: checked against the vector, never obeyed."""
    if binding.style != "abi":
        say(f"kind= names a compiler interrupt convention, which only style=\"abi\" has; drop kind=")
    elif value not in COMPILER_KINDS:
        say(f"kind={value!r} is not an interrupt kind the compiler has ({', '.join(COMPILER_KINDS)}): "
            f"clang would only warn and build a plain function; drop kind= and let the vector decide")
    elif vector in KINDS and value != KINDS[vector]:
        say(f"kind={value!r} disagrees with the vector: {VBAR_NAMES[vector]} needs interrupt(\"{KINDS[vector]}\"), "
            f"which returns with subs pc, lr, #{KIND_RETURN[KINDS[vector]]}; drop kind= and let the vector decide")


def check_options(binding, vector, say):
    """GIC interrupts take priority= and fiq=; VBAR entries none. Also refuses `abi`
    where the compiler has no kind for the vector."""
    if binding.style == "abi" and abi_refusal(vector):
        say(f"style 'abi' is not available here: {abi_refusal(vector)}")
    options = dict(binding.options)
    resolved = default_options(vector, options.get("fiq") is True)
    for name, value in binding.options:
        if name == "kind" and vector < IRQ_BASE:
            _check_kind(binding, vector, value, say)
            continue
        if vector < IRQ_BASE or name not in ("priority", "fiq"):
            if name == "fiq" and vector < IRQ_BASE:
                say("fiq= chooses the GIC group of an interrupt; a CPU exception has no group: drop fiq=, "
                    "or bind the GIC INTID with irq(N, ..., fiq=True) / interrupt(N, ..., fiq=True)")
                continue
            known = "priority, fiq" if vector >= IRQ_BASE else "kind (abi only)"
            say(f"option {name}= does not exist here on {NAME}; known: {known}")
            continue
        if name == "fiq":
            if not isinstance(value, bool):
                say(f"fiq={value!r} must be True (group 0, taken as FIQ) or False (group 1, IRQ)")
            continue
        fiq = resolved["fiq"]
        low, high = (0, FIQ_PRIORITY_LIMIT) if fiq else (FIQ_PRIORITY_LIMIT, GIC_PRIORITY_MASK)
        if not gicv2.priority_ok(value, low, high):
            say(f"priority {value!r} must be a multiple of {GIC_PRIORITY_STEP} from 0x{low:x} to "
                f"0x{high - GIC_PRIORITY_STEP:x} for {'a FIQ' if fiq else 'an IRQ'} interrupt: every FIQ "
                f"must outrank every IRQ (lower is more urgent), or the IRQ entry could acknowledge it")
            continue
        resolved[name] = value
    return resolved


def default_options(vector, fiq=False):
    if vector < IRQ_BASE:
        kind = KINDS.get(vector)
        return {"kind": kind, "lr_offset": LR_OFFSET[vector], "kind_return": KIND_RETURN.get(kind)}
    return {"priority": DEFAULT_PRIORITY[fiq], "fiq": fiq}


def check_slots(slots):
    """Problems between bindings: a bound INTID whose group's entry (IRQ for
    group 1, FIQ for group 0) is left to the default, which cannot acknowledge
    the GIC, so a level-triggered source would be taken again and again."""
    problems = []
    for slot in slots[IRQ_BASE:]:
        if slot.style == "default":
            continue
        entry = slots[VBAR_NAMES.index("FIQ" if slot.option("fiq") else "IRQ")]
        if entry.style == "default":
            other = "drop fiq=True to take it at IRQ" if slot.option("fiq") else "or give it fiq=True"
            problems.append(f"{slot.where}: vector {slot.vector} ({slot.name}): INTID {slot.vector - IRQ_BASE} "
                            f"is signalled at the {entry.name} entry, which the spec leaves to the default "
                            f"handler: nothing would acknowledge it at the GIC; bind exception(\"{entry.name}\", "
                            f"..., style=\"abi\") (the dispatcher in kernel/arm32/irq.c), {other}")
    return problems


def entry_symbol(style, vector, handler):
    """VBAR words branch to an abi or naked handler itself, or to a generated
    stub or default entry; the GIC table names the function the dispatcher calls."""
    if vector >= IRQ_BASE:
        return handler if style != "default" else "isr_default_intid"
    if style in ("abi", "naked"):
        return handler
    return f"isr_stub_{vector}" if style == "stub" else f"isr_default_{vector}"


def table_fields(slot):
    """A VBAR word holds only its branch; a GIC entry its priority, group and enable bit."""
    if slot.vector < IRQ_BASE:
        return {}
    return {"priority": slot.option("priority"), "fiq": int(slot.option("fiq", False)),
            "enabled": int(slot.style != "default")}


# The kernel's own needs: a spec without these builds a kernel that never
# answers. vector -> (the line that binds the kernel's handler, why).
REQUIRED = {
    VBAR_NAMES.index("IRQ"): ('exception("IRQ", "gic_irq", style="abi")',
                              "the timer and the UART interrupt through GIC group 1, which enters at "
                              "the IRQ word; gic_irq acknowledges the GIC and calls the INTID's handler "
                              "(kernel/arm32/irq.c)"),
    IRQ_BASE + 30: ('irq(30, "on_timer_tick", style="stub", priority=0xa0)',
                    "the PL1 physical timer is the kernel's clock: ticks and sleep count it"),
    IRQ_BASE + 33: ('irq(33, "on_uart_rx", style="stub", priority=0xa0)',
                    "the PL011's receive interrupt is the shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to exception(), irq() or interrupt() for this vector."""
    return vector - IRQ_BASE if vector >= IRQ_BASE else vector


# One definition of the trap frame, lowest address first (words): what a
# generated stub stores on the exception mode's stack. r0-r12, the SP and LR
# of the USR/SYS bank (where the shell runs), `pc` (the preferred return
# address, LR - LR_OFFSET; the stub returns there with `movs pc, lr`), SPSR,
# and the vector. 18 words keep SP 8-byte aligned for the call (AAPCS).
GENERAL_REGISTERS = tuple(f"r{i}" for i in range(13))
TRAP_FRAME = GENERAL_REGISTERS + ("sp_usr", "lr_usr", "pc", "spsr", "vector")

# The names the assembler reads as registers, which isr/validate.py refuses
# as handler names: r0-r15, their APCS aliases, the VFP/NEON registers and
# the status registers. clang takes the generated `b pc`, `bl r0` and
# `.word r0` as a label, but `bx r0` or `mov r1, sp` read the register.
REGISTER_NAMES = frozenset(
    [f"r{i}" for i in range(16)] + ["sp", "lr", "pc", "ip", "fp", "sl", "sb"] +
    [f"a{i}" for i in range(1, 5)] + [f"v{i}" for i in range(1, 9)] +
    [f"s{i}" for i in range(32)] + [f"d{i}" for i in range(32)] + [f"q{i}" for i in range(16)] +
    ["cpsr", "spsr", "apsr", "fpscr"])


SAVED_PC_NAME = "PC (LR of the vector's mode)"  # how gen/isr.h names the saved program counter
# The devices on the INTIDs this kernel uses (QEMU virt), and how each lowers its level.
GIC_DEVICES = {27: ("the virtual timer (CNTV), level-sensitive PPI", "re-arm or stop CNTV (CNTV_CTL)"),
               30: ("the PL1 physical timer (CNTP), level-sensitive PPI",
                    "re-arm CNTP_CVAL or set CNTP_CTL.IMASK (timer_rearm)"),
               33: ("the PL011 UART0 receive interrupt, level-sensitive SPI",
                    "drain the PL011 receive FIFO or clear UARTICR.RXIC (uart_drain_rx)")}
GIC = gicv2.Gic(IRQ_BASE, GIC_DEVICES)


def describe(vector):
    """(what raises the vector, where the saved PC points): NOTES says both for VBAR words."""
    if vector < VBAR_ENTRIES:
        raised, _, returns = NOTES[vector].partition("; returns to: ")
        saved = (f"LR_{MODES[vector]} - {LR_OFFSET[vector]} is {returns}" if returns
                 else "nothing: never taken here")
        return f"{raised} (entered in {MODES[vector].upper()} mode)", saved
    return GIC.raised_by(vector) + ", dispatched by gic_irq (group 1) or gic_fiq (group 0)", \
        "the next instruction of the interrupted code"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    if vector < VBAR_ENTRIES:
        if KINDS.get(vector) in ("IRQ", "FIQ"):
            return "acknowledge at the GIC (GICC_IAR), lower the source, end it (GICC_EOIR): gic_irq and gic_fiq do"
        if KINDS.get(vector) == "SWI":
            return "nothing: SVC returns past itself"
        return "move the return address past the instruction or remove the cause: the return re-runs it"
    return GIC.acknowledge(vector, "gic_irq / gic_fiq read GICC_IAR and write GICC_EOIR; ")


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: an exception return copies SPSR to CPSR
# (B1.9.10): SUBS PC, LR, #N, MOVS PC, LR, or LDM with PC and ^. A naked
# handler of a GIC INTID is called by the dispatcher under the AAPCS and returns
# with `bx lr`: only the VBAR entries are held to an exception return.
NAKED_EXIT = {
    "returns": (r"subs pc, lr, #\d+", r"movs pc, lr", r"ldm\w* .*\{.*pc\}\^"),
    "wrong": (r"bx lr", r"mov pc, lr", r"pop \{.*pc\}", r"ldm\w* .*\{.*pc\}", r"ldr pc, \[sp\], #4"),
    "must": "an exception return (`subs pc, lr, #N`, `movs pc, lr` or `ldm sp!, {..., pc}^`)",
    "why": ("a plain return leaves SPSR out of CPSR, so the CPU stays in the exception mode with "
            "its banked sp and lr"),
    "called": frozenset(range(IRQ_BASE, VECTOR_COUNT)),
}


# The arch's emitters, for isr/generate.py: gen/isr.h, gen/isr_table.S, gen/isr_stubs.S.
from isr.arch_arm32 import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401
