"""riscv64 trap facts (RISC-V privileged spec 1.12, section 3.1.15 "mcause" and
3.1.7 "mtvec"), the arch model for isr/.

One vector number per mcause value that the kernel can see in M-mode:
vectors 0-15 are the synchronous exception codes (mcause interrupt bit 0),
vectors 16-31 are interrupt causes 0-15 (mcause interrupt bit 1), vector =
16 + cause. `irq(n)` binds interrupt cause n; the PLIC's sources (the UART is
source 10) are demultiplexed by whatever handler the spec binds to the machine
external interrupt, cause 11.

With mtvec in vectored mode (MODE=1), every synchronous exception enters at
BASE and interrupt cause n at BASE + 4 * n; so the table is 16 four-byte jump
slots, slot 0 leading to a generated dispatcher that picks the exception's
entry by mcause.
"""
from dataclasses import dataclass

from isr.arch_common import check_slots, handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import direct_entry_symbol, is_int

NAME = "riscv64"
EXCEPTION_CAUSES = 16           # exception codes 0-15 are defined or reserved by the spec
INTERRUPT_CAUSES = 16           # interrupt codes 0-15 are the standard local interrupts
IRQ_BASE = EXCEPTION_CAUSES     # vector of interrupt cause 0
VECTOR_COUNT = EXCEPTION_CAUSES + INTERRUPT_CAUSES
HANDLER_VECTORS = range(VECTOR_COUNT)   # every cause has a handler slot
STYLES = ("abi", "stub", "naked")
# Vectors entered without a storm guard (isr/guard.py): none; every mtvec slot
# and exception trampoline jumps to a guard (the reset goes to _start, no slot).
UNGUARDED = frozenset()
STYLE_REFUSALS = {}
RESET_VECTOR = None             # reset is no mtvec cause: the reset ROM jumps to the ELF entry
BOOL_OPTIONS = ()               # options a spec gives as True/False (none here)
CPU_EXCEPTIONS = True           # software can raise CPU faults: `probe` has faults to raise
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
SLOT_SIZE = 4                   # mtvec vectored mode: cause n enters at BASE + 4 * n
TRAMPOLINE_SIZE = 8             # per exception: restore t0 from mscratch, jump to the entry
TABLE_ENTRY_SIZE = SLOT_SIZE
# The jump slots, then one trampoline per exception code and a last one for
# whatever else reaches BASE (interrupt cause 0, codes past 15): emit_table.py.
TABLE_SIZE = SLOT_SIZE * INTERRUPT_CAUSES + TRAMPOLINE_SIZE * (EXCEPTION_CAUSES + 1)
# mtvec.BASE must be 4-byte aligned (MODE lives in bits 1:0), and the spec lets
# an implementation demand more in vectored mode; 64 covers the whole slot
# array, and gen/keep.ld asserts it.
TABLE_ALIGN = 64
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("kernel/riscv64/trap_table.c", r"w_mtvec\(base",
                 "mtvec gets the table's address, in vectored mode")
# The table that gen/keep.ld places and tools/check_elf.py reads back
# ("vectored-mtvec" in decode_table.py).
TABLES = ({"name": "mtvec", "format": "vectored-mtvec", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": SLOT_SIZE,
           "size": TABLE_SIZE, "align": TABLE_ALIGN, "count": VECTOR_COUNT, "first_vector": 0},)
ERROR_CODE_FACTS = ("has no error code (the cause and its value are in mcause and mtval)",
                    "has an error code")
MSTATUS_MPP_SHIFT = 11          # mstatus.MPP, bits 12:11: the privilege mode the trap came from


@dataclass(frozen=True)
class Cause:
    code: int
    name: str
    title: str
    note: str        # when the hart raises it; mepc always holds the trapping instruction


EXCEPTIONS = {c.code: c for c in (
    Cause(0, "insn-misaligned", "instruction address misaligned",
          "a jump to a non-2-byte-aligned address; cannot happen with the C extension (jalr clears bit 0)"),
    Cause(1, "insn-fault", "instruction access fault",
          "fetch from no memory or a PMP-denied region; mtval = the address"),
    Cause(2, "illegal", "illegal instruction",
          "undefined encoding, or a CSR the current mode may not touch; mtval = the instruction bits"),
    Cause(3, "breakpoint", "breakpoint",
          "ebreak (4 bytes) or c.ebreak (2 bytes); the handler steps mepc past it to resume"),
    Cause(4, "load-misaligned", "load address misaligned",
          "QEMU emulates plain misaligned loads; LR on a misaligned address raises it; mtval = the address"),
    Cause(5, "load-fault", "load access fault",
          "load from no device or a PMP-denied region; mtval = the address"),
    Cause(6, "store-misaligned", "store/AMO address misaligned",
          "an AMO on a misaligned address; QEMU 7.2 with one hart performs an AMO as a load "
          "then a store and reports load-misaligned instead, so nothing raises this there"),
    Cause(7, "store-fault", "store/AMO access fault",
          "store to no device or a PMP-denied region; mtval = the address"),
    Cause(8, "ecall-u", "environment call from U-mode",
          "the system call; mepc points at the ecall, the handler adds 4 to return past it"),
    Cause(9, "ecall-s", "environment call from S-mode", "no S-mode code runs here"),
    Cause(11, "ecall-m", "environment call from M-mode",
          "ecall in the kernel itself; mepc + 4 returns past it"),
    Cause(12, "insn-page", "instruction page fault", "needs S-mode paging (satp)"),
    Cause(13, "load-page", "load page fault", "needs S-mode paging (satp)"),
    Cause(15, "store-page", "store/AMO page fault", "needs S-mode paging (satp)"),
)}

INTERRUPTS = {1: "SSI", 3: "MSI", 5: "STI", 7: "MTI", 9: "SEI", 11: "MEI"}   # mip/mie bit = cause
BY_NAME = {c.name: c.code for c in EXCEPTIONS.values()}


def vector_name(vector):
    """The short name shown in report lines and tables."""
    if vector in EXCEPTIONS:
        return EXCEPTIONS[vector].name
    if IRQ_BASE <= vector < VECTOR_COUNT and vector - IRQ_BASE in INTERRUPTS:
        return INTERRUPTS[vector - IRQ_BASE]
    return "RSVD"


def has_error_code(vector):
    """RISC-V pushes nothing: mcause and mtval are CSRs, read by every style alike."""
    return False


def resolve_vector(binding, say):
    """The vector a binding names, or None after saying why it cannot be bound."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            if number not in BY_NAME:
                say(f"exception {number!r} is not a {NAME} exception; use one of: {', '.join(BY_NAME)}")
                return None
            return BY_NAME[number]
        if not is_int(number) or not 0 <= number < EXCEPTION_CAUSES:
            say(f"exception code {number!r} out of range 0-{EXCEPTION_CAUSES - 1}; give an mcause "
                f"exception code or one of: {', '.join(BY_NAME)}")
            return None
        if number not in EXCEPTIONS:
            say(f"exception code {number} is reserved: the hart never raises it; remove this line")
            return None
        return number
    if kind == "irq":
        if not is_int(number) or number not in INTERRUPTS:
            causes = ", ".join(f"{c} ({n})" for c, n in INTERRUPTS.items())
            say(f"interrupt cause {number!r} is not a standard {NAME} interrupt; use one of: {causes}. "
                f"PLIC sources (the UART is 10) are claimed by the MEI handler, irq(11, ...)")
            return None
        return IRQ_BASE + number
    say(f"{NAME} has no software interrupt vectors; raise the machine software interrupt "
        f"through the CLINT instead and bind it with irq(3, ...)")
    return None


def check_options(binding, vector, say):
    """No per-vector options: every trap enters M-mode the same way."""
    for name, _ in binding.options:
        say(f"option {name}= does not exist on {NAME}: every trap enters M-mode on the current "
            f"stack with interrupts masked; remove it")
    return default_options(vector)


def default_options(vector):
    return {}


entry_symbol = direct_entry_symbol


def table_offset(vector):
    """Byte offset, from the table start, of the code the hart reaches for vector."""
    if vector <= EXCEPTION_CAUSES:     # exceptions, and IRQ_BASE (cause 0) in the last trampoline
        return SLOT_SIZE * INTERRUPT_CAUSES + TRAMPOLINE_SIZE * vector
    return SLOT_SIZE * (vector - IRQ_BASE)


def table_fields(slot):
    """What the table entry of a slot holds besides its target (checked after the link)."""
    return {"offset": table_offset(slot.vector)}


# The kernel's own needs: a spec without these builds a kernel that never
# answers. vector -> (the line that binds the kernel's handler, why).
REQUIRED = {
    IRQ_BASE + 7: ('irq(7, "on_machine_timer", style="abi")',
                   "the CLINT timer is the kernel's clock: ticks and sleep count it, and the kernel "
                   "enables MTIE at boot (kernel/riscv64/irq.c)"),
    IRQ_BASE + 11: ('irq(11, "on_machine_external", style="stub")',
                    "the PLIC's machine external interrupt carries the UART's receive interrupt, the "
                    "shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to exception(), irq() or interrupt() for this vector."""
    return vector - IRQ_BASE if kind == "irq" else vector


# One definition of the stub frame, lowest address first: the integer
# registers x1-x31 under their ABI names, then the trap CSRs, then the vector.
# The stub emitter, the C struct and its offset asserts all come from this.
REGISTERS = ("ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
             "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
             "t3", "t4", "t5", "t6")
CSRS = ("mepc", "mcause", "mtval", "mstatus")
TRAP_FRAME = REGISTERS + CSRS + ("vector",)

# The names the assembler reads as registers: x0-x31, f0-f31 and their ABI
# names; isr/validate.py refuses them as handler names. clang takes the
# generated `j ra` and `call ra` as a label, but reads the name as the
# register wherever an operand may be one (`jr ra`, `mv a0, sp`).
REGISTER_NAMES = frozenset(
    [f"x{i}" for i in range(32)] + [f"f{i}" for i in range(32)] + ["zero", "fp"] + list(REGISTERS) +
    [f"ft{i}" for i in range(12)] + [f"fs{i}" for i in range(12)] + [f"fa{i}" for i in range(8)])
FRAME_SIZE = (8 * len(TRAP_FRAME) + 15) // 16 * 16   # the psABI keeps sp 16-byte aligned


def offset(field):
    return 8 * TRAP_FRAME.index(field)


# What raises each interrupt cause here, and how its handler lowers it.
INTERRUPT_FACTS = {
    1: ("mip.SSIP, set by software (`int 17`)", "clear mip.SSIP"),
    3: ("the CLINT's msip register for this hart (`int 19`)", "clear the CLINT's msip (clint_soft_clear)"),
    5: ("mip.STIP, set by software (`int 21`)", "clear mip.STIP"),
    7: ("the CLINT: mtime reached mtimecmp", "move mtimecmp past mtime (clint_timer_rearm)"),
    9: ("mip.SEIP, set by software (`int 25`)", "clear mip.SEIP"),
    11: ("the PLIC: a device source above the threshold (the UART is source 10)",
         "claim the source at the PLIC, serve the device, then complete it (plic_claim, plic_complete)"),
}


SAVED_PC_NAME = "PC (mepc)"  # how gen/isr.h names the saved program counter


def describe(vector):
    """(what raises the vector, where the saved PC, mepc, points)."""
    if vector in EXCEPTIONS:
        c = EXCEPTIONS[vector]
        return f"{c.title}: {c.note}", "the trapping instruction; a handler that resumes moves mepc past it"
    if vector - IRQ_BASE in INTERRUPT_FACTS:
        return INTERRUPT_FACTS[vector - IRQ_BASE][0], "the next instruction of the interrupted code"
    return "nothing: the privileged spec reserves this cause", "-"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    if vector - IRQ_BASE in INTERRUPT_FACTS:
        return INTERRUPT_FACTS[vector - IRQ_BASE][1]
    if vector in EXCEPTIONS:
        return "move mepc past the instruction or remove the cause: mret re-runs it"
    return "nothing: reserved"


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: MRET jumps to mepc and restores mstatus.MIE from
# MPIE (privileged spec 3.1.6.1). `ret` (jalr zero, 0(ra)) jumps to the
# interrupted code's ra and leaves the hart in the trap with interrupts off.
NAKED_EXIT = {
    "returns": (r"mret",),
    "wrong": (r"ret", r"sret", r"uret", r"jr ra", r"jalr (zero, )?0?\(?ra\)?"),
    "must": "mret",
    "why": ("a plain `ret` jumps to ra, which is the interrupted code's ra, not mepc, and leaves "
            "mstatus.MIE clear, so the kernel goes on in the wrong place with interrupts off"),
    "called": frozenset(),       # mtvec sends every cause to its entry
}


# The arch's emitters, for isr/generate.py: gen/isr.h, gen/isr_table.S, gen/isr_stubs.S.
from isr.arch_riscv64 import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401
