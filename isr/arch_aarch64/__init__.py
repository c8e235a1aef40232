"""AArch64 interrupt facts (Arm ARM DDI 0487, D1.10 "Exceptions" and D17.2 for
ESR_EL1/VBAR_EL1; GICv2 architecture spec IHI 0048B), the arch model for isr/.

Vectors 0-15 are the entries of the VBAR_EL1 table: four groups of four,
chosen by where the exception came from (D1.10.2), each group holding the
synchronous, IRQ, FIQ and SError entry at 0x80-byte steps. A synchronous
exception or SError leaves its syndrome in ESR_EL1, which plays the part of
x86's error code. ELR_EL1 holds the preferred return address: the faulting
instruction for an abort or undefined instruction, the next one for SVC, the
BRK itself for BRK (so its handler steps past it).

Vectors 16-79 are the interrupt IDs of the GIC seen through the IRQ entry:
vector = 16 + INTID, SGIs 0-15 (raised by software through GICD_SGIR, bound
with interrupt()), PPIs 16-31 and the first SPIs 32-63 (bound with irq()).
The generated GIC table lists a handler, a priority and an enable bit per
INTID; the C dispatcher bound to the IRQ entry acknowledges the GIC and calls
through it.
"""
from dataclasses import dataclass

from isr import gicv2
from isr.arch_common import check_slots, handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import is_int

NAME = "aarch64"
VBAR_ENTRIES = 16
IRQ_BASE = VBAR_ENTRIES          # vector of INTID 0
GIC_INTIDS = gicv2.INTIDS
SGI_COUNT = gicv2.SGI_COUNT
VECTOR_COUNT = IRQ_BASE + GIC_INTIDS
HANDLER_VECTORS = range(VECTOR_COUNT)   # every VBAR entry and INTID has a handler slot
STYLES = ("stub", "naked")
# How validation states the error-code fact of a vector: [False], [True].
ERROR_CODE_FACTS = ("leaves no syndrome in ESR_EL1", "reports a syndrome in ESR_EL1")
STYLE_REFUSALS = {"abi": "clang and GCC have no AArch64 interrupt attribute (only the 32-bit "
                         "ARM interrupt(\"IRQ\") one), so no compiler-built handler can return with "
                         "ERET; use style=\"stub\" (generated save and ERET around a C function) "
                         "or \"naked\" (your own assembly)"}
RESET_VECTOR = None             # reset is no VBAR_EL1 entry: QEMU starts the ELF entry
BOOL_OPTIONS = ()               # options a spec gives as True/False (none here)
CPU_EXCEPTIONS = True           # software can raise CPU faults: `probe` has faults to raise
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
# Vectors entered without a storm guard (isr/guard.py): the IRQ and FIQ entries,
# whose dispatcher acknowledges the GIC and counts each INTID itself
# (storm_entry() in kernel/aarch64/irq.c), and the INTIDs, which the CPU never
# enters: the dispatcher calls them.
UNGUARDED = frozenset(v for v in range(VBAR_ENTRIES) if v % 4 in (1, 2)) | frozenset(range(IRQ_BASE, VECTOR_COUNT))
TABLE_ENTRY_SIZE = 0x80          # D1.10.2: each VBAR_EL1 entry is 32 instructions
TABLE_ALIGN = 2048               # D17.2 VBAR_EL1: bits [10:0] are RES0, so the base is 2 KiB aligned
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("kernel/aarch64/arch.c", r"w_vbar\(",
                 "VBAR_EL1 gets the table's address")
GIC_ENTRY_SIZE = 16              # gen/isr.h struct isr_gic_entry
GIC_PRIORITY_STEP = gicv2.PRIORITY_STEP
GIC_PRIORITY_MASK = gicv2.PRIORITY_MASK
DEFAULT_PRIORITY = 0x80

TABLES = ({"name": "vbar", "format": "vbar-branch", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VBAR_ENTRIES, "align": TABLE_ALIGN, "count": VBAR_ENTRIES,
           "first_vector": 0},
          # Not read by the CPU: kernel/aarch64/gic.c's gic_dispatch acknowledges the
          # GIC and calls the INTID's handler from it, so its handlers are plain C.
          {"name": "gic", "format": "gic-dispatch", "section": ".isr_gic_table",
           "start": "__isr_gic_table_start", "end": "__isr_gic_table_end", "entry_size": GIC_ENTRY_SIZE,
           "size": GIC_ENTRY_SIZE * GIC_INTIDS, "align": 8, "count": GIC_INTIDS, "first_vector": IRQ_BASE,
           "dispatcher": "gic_dispatch"})


@dataclass(frozen=True)
class Group:
    prefix: str
    title: str


# D1.10.2, in table order: offset 0x000, 0x200, 0x400, 0x600.
GROUPS = (Group("EL1T", "current EL with SP_EL0"),
          Group("EL1H", "current EL with SP_EL1"),
          Group("EL0_64", "lower EL using AArch64"),
          Group("EL0_32", "lower EL using AArch32"))
# Within a group, at +0x000, +0x080, +0x100, +0x180. Synchronous exceptions and
# SError report a syndrome in ESR_EL1; IRQ and FIQ do not.
KINDS = (("SYNC", True), ("IRQ", False), ("FIQ", False), ("SERROR", True))
VBAR_NAMES = tuple(f"{g.prefix}_{k}" for g in GROUPS for k, _ in KINDS)


def vector_name(vector):
    """EL1H_SYNC for a VBAR entry; SGIn, PPIn or SPIn (n = INTID) for a GIC interrupt."""
    return VBAR_NAMES[vector] if vector < VBAR_ENTRIES else GIC.name(vector)


def has_error_code(vector):
    """The exception leaves a syndrome in ESR_EL1 (reported as err=)."""
    return vector < VBAR_ENTRIES and KINDS[vector % 4][1]


def resolve_vector(binding, say):
    """The vector a binding names, or None after saying why it cannot be bound."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            if number.upper() not in VBAR_NAMES:
                say(f"exception {number!r} is not a VBAR_EL1 entry; use one of: {', '.join(VBAR_NAMES)}")
                return None
            return VBAR_NAMES.index(number.upper())
        if not is_int(number) or not 0 <= number < VBAR_ENTRIES:
            say(f"exception {number!r} out of range 0-{VBAR_ENTRIES - 1} (the VBAR_EL1 entries); "
                f"bind GIC interrupts with irq() or interrupt()")
            return None
        return number
    return GIC.resolve(kind, number, say)


def check_options(binding, vector, say):
    """GIC interrupts take a priority; VBAR entries take no option."""
    resolved = default_options(vector)
    for name, value in binding.options:
        if name != "priority" or vector < IRQ_BASE:
            known = "priority" if vector >= IRQ_BASE else "none (VBAR entries take no option)"
            say(f"option {name}= does not exist here on {NAME}; known: {known}")
            continue
        if not gicv2.priority_ok(value):
            say(f"priority {value!r} must be a multiple of {GIC_PRIORITY_STEP} from 0 to "
                f"0x{GIC_PRIORITY_MASK - GIC_PRIORITY_STEP:x} (lower is more urgent; "
                f"0x{GIC_PRIORITY_MASK:x} and above are masked by GICC_PMR)")
            continue
        resolved[name] = value
    return resolved


def default_options(vector):
    return {"priority": DEFAULT_PRIORITY} if vector >= IRQ_BASE else {}


def entry_symbol(style, vector, handler):
    """VBAR entries branch to a generated stub or default entry, or to a naked
    handler; the GIC table names the function the dispatcher calls."""
    if vector >= IRQ_BASE:
        return handler if style != "default" else "isr_default_handler"
    if style == "naked":
        return handler
    return f"isr_stub_{vector}" if style == "stub" else f"isr_default_{vector}"


def table_fields(slot):
    """A VBAR entry holds only its branch; a GIC entry its priority and whether it is enabled."""
    if slot.vector < IRQ_BASE:
        return {}
    return {"priority": slot.option("priority"), "enabled": int(slot.style != "default")}


# The kernel's own needs: a spec without these builds a kernel that never
# answers. vector -> (the line that binds the kernel's handler, why).
REQUIRED = {
    VBAR_NAMES.index("EL1H_IRQ"): ('exception("EL1H_IRQ", "gic_dispatch", style="stub")',
                                   "every GIC interrupt, the timer and the UART among them, enters "
                                   "there and gic_dispatch calls the INTID's handler (kernel/aarch64/irq.c)"),
    IRQ_BASE + 30: ('irq(30, "on_timer_tick", style="stub", priority=0x80)',
                    "the EL1 physical timer is the kernel's clock: ticks and sleep count it"),
    IRQ_BASE + 33: ('irq(33, "on_uart_rx", style="stub", priority=0x80)',
                    "the PL011's receive interrupt is the shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to exception(), irq() or interrupt() for this vector."""
    return vector - IRQ_BASE if vector >= IRQ_BASE else vector


# One definition of the trap frame, lowest address first: what a generated
# stub stores below the interrupted SP. The stub, the C struct and its offset
# checks are all emitted from this list. 36 words keep SP 16-byte aligned
# (AAPCS64 and the SP alignment check both need it).
GENERAL_REGISTERS = tuple(f"x{i}" for i in range(31))
TRAP_FRAME = GENERAL_REGISTERS + ("elr", "spsr", "esr", "far", "vector")

# The names the assembler reads as registers, in any case (X0 is x0): a
# handler may not take one (isr/validate.py). clang's assembler refuses the
# generated `b x0` and `bl x0` ("expected label or encodable integer pc
# offset"), for the integer, SIMD and FP register names and for sp, lr, fp,
# the zero registers, NZCV and SVE's FFR.
REGISTER_NAMES = frozenset(
    [f"{width}{i}" for width in "xw" for i in range(32)] +
    [f"{width}{i}" for width in "vqdshb" for i in range(32)] +
    ["sp", "wsp", "xzr", "wzr", "lr", "fp", "nzcv", "ffr"])


# The devices on the INTIDs this kernel uses (QEMU virt), and how each lowers its level.
GIC_DEVICES = {30: ("the EL1 physical timer (CNTP), level-sensitive PPI",
                    "re-arm CNTP_CVAL_EL0 or set CNTP_CTL_EL0.IMASK (timer_rearm)"),
               33: ("the PL011 UART0 receive interrupt, level-sensitive SPI",
                    "drain the PL011 receive FIFO or clear UARTICR.RXIC (uart_drain_rx)")}
GIC = gicv2.Gic(IRQ_BASE, GIC_DEVICES)


SAVED_PC_NAME = "PC (ELR_EL1)"  # how gen/isr.h names the saved program counter


def describe(vector):
    """(what raises the vector, where the saved PC, ELR_EL1, points)."""
    if vector < VBAR_ENTRIES:
        group, kind = GROUPS[vector // 4], KINDS[vector % 4][0]
        if kind == "SYNC":
            return (f"a synchronous exception taken from the {group.title} (SVC, BRK, aborts, undefined "
                    f"instructions; ESR_EL1 says which)",
                    "the instruction that caused it (aborts, undefined, BRK) or the one after it (SVC)")
        if kind == "SERROR":
            return (f"an SError (asynchronous external abort) from the {group.title}",
                    "where the CPU was when it arrived, not the access that caused it")
        return (f"an {kind} from the {group.title}: the GIC signals it (gic_dispatch takes IRQs)",
                "the next instruction of the interrupted code")
    return GIC.raised_by(vector) + ", dispatched by gic_dispatch from EL1H_IRQ", \
        "the next instruction of the interrupted code (ELR_EL1 in the EL1H_IRQ stub's frame)"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    if vector < VBAR_ENTRIES:
        if KINDS[vector % 4][0] in ("IRQ", "FIQ"):
            return "acknowledge at the GIC (GICC_IAR), lower the source, end it (GICC_EOIR): gic_dispatch does"
        return "move ELR_EL1 past the instruction or remove the cause: ERET re-runs it"
    return GIC.acknowledge(vector, "gic_dispatch reads GICC_IAR and writes GICC_EOIR; ")


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: ERET restores PSTATE from SPSR_EL1 and jumps to
# ELR_EL1 (D1.10.3). A naked handler of a GIC INTID is called by gic_dispatch
# under AAPCS64 and returns with `ret`: only the VBAR entries are held to ERET.
NAKED_EXIT = {
    "returns": (r"eret",),
    "wrong": (r"ret( x\d+)?", r"reta[ab]"),
    "must": "eret",
    "why": ("a plain `ret` jumps to x30, the interrupted code's link register, not ELR_EL1, and "
            "leaves PSTATE as the exception set it (IRQs masked, SP_EL1)"),
    "called": frozenset(range(IRQ_BASE, VECTOR_COUNT)),
}


# The arch's emitters, for isr/generate.py: gen/isr.h, gen/isr_table.S, gen/isr_stubs.S.
from isr.arch_aarch64 import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401
