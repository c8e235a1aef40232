"""Cortex-M3 interrupt facts (ARMv7-M Architecture Reference Manual, B1.5), the arch model for isr/.

On M-profile the vector table *is* the interrupt table: word 0 is the initial
main stack pointer, word N the address of the handler for exception N, with
bit 0 set (Thumb state; B1.5.3). The hardware stacks r0-r3, r12, lr, pc and
xPSR before the handler runs and unstacks them when the handler branches to
the EXC_RETURN value in lr (B1.5.6-B1.5.8), so an ordinary AAPCS function is
a valid handler: that is what `abi` means here.
"""
from dataclasses import dataclass

from isr.arch_common import check_slots, handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import direct_entry_symbol, is_int

NAME = "cortex-m"
IRQ_BASE = 16                   # exception 16 is external interrupt 0 (B1.5.2)
IRQ_LINES = 32                  # QEMU's mps2-an385 sets the NVIC's num-irq to 32
VECTOR_COUNT = IRQ_BASE + IRQ_LINES
HANDLER_VECTORS = range(1, VECTOR_COUNT)   # word 0 is the initial SP, not a handler
TABLE_FIXED = {0: "__stack_top"}           # table word -> the linker symbol it must hold
STYLES = ("abi", "stub", "naked")
STYLE_REFUSALS = {}
BOOL_OPTIONS = ()               # options a spec gives as True/False (none here)
CPU_EXCEPTIONS = True           # software can raise CPU faults: `probe` has faults to raise
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
TABLE_ENTRY_SIZE = 4            # one 32-bit word per exception
# VTOR.TBLOFF: the table is aligned to its size rounded up to a power of two,
# 48 words -> 64 words (ARMv7-M ARM B3.2, VTOR); at reset VTOR is 0, so linker/cortex-m.ld
# also places it at address 0.
TABLE_ALIGN = 256
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("linker/cortex-m.ld", r"ASSERT\(__isr_table_start == 0",
                 "VTOR resets to 0, where the link places the table")
PRIORITY_MAX = 255              # 8-bit priority fields (B1.5.4), of which only the top bits exist:
# the AN385's Cortex-M3 has 3 (CMSIS CMSDK_CM3.h __NVIC_PRIO_BITS), the rest
# read as zero; QEMU 7.2 keeps all 8. Multiples of 0x20 mean the same on both.
PRIORITY_STEP = 0x20
DEFAULT_PRIORITY = 0x80
# The table that gen/keep.ld places at address 0 and tools/check_elf.py reads
# back ("vector-words" in decode_table.py), word 0 included.
TABLES = ({"name": "vector", "format": "vector-words", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VECTOR_COUNT, "align": TABLE_ALIGN, "count": VECTOR_COUNT,
           "first_vector": 0, "fixed": TABLE_FIXED},)
# The hardware reports faults in status registers (CFSR, HFSR), never on the stack.
ERROR_CODE_FACTS = ("stacks no error code", "stacks an error code")
entry_symbol = direct_entry_symbol


@dataclass(frozen=True)
class Exception_:
    number: int
    name: str
    configurable: bool   # priority set by software (SHPR); else fixed -3/-2/-1
    note: str


EXCEPTIONS = {e.number: e for e in (
    Exception_(1, "Reset", False, "power-on or AIRCR.SYSRESETREQ; loads SP and PC from words 0 and 1"),
    Exception_(2, "NMI", False, "non-maskable: ICSR.NMIPENDSET or the NMI pin; priority -2"),
    Exception_(3, "HardFault", False,
               "a fault that could not run its own handler (disabled, or masked by priority or PRIMASK): "
               "HFSR.FORCED; a vector-table read error (HFSR.VECTTBL); priority -1"),
    Exception_(4, "MemManage", True, "MPU or default-map violation, e.g. execute from an XN region; CFSR[7:0]"),
    Exception_(5, "BusFault", True, "a bus error on fetch or data access; CFSR[15:8], BFAR when valid"),
    Exception_(6, "UsageFault", True,
               "undefined instruction, invalid state, divide by zero (CCR.DIV_0_TRP), unaligned access "
               "(CCR.UNALIGN_TRP); CFSR[31:16]"),
    Exception_(11, "SVCall", True, "the SVC instruction; stacked PC points past it"),
    Exception_(12, "DebugMonitor", True, "debug monitor events (DEMCR.MON_EN)"),
    Exception_(14, "PendSV", True, "ICSR.PENDSVSET: pended by software, taken when priority allows"),
    Exception_(15, "SysTick", True, "the SysTick timer reached zero with CSR.TICKINT set"),
)}
RESERVED = frozenset(range(1, IRQ_BASE)) - EXCEPTIONS.keys()     # 7-10 and 13
BY_NAME = {e.name.lower(): e.number for e in EXCEPTIONS.values()}

# What QEMU's mps2-an385 wires to each external interrupt (hw/arm/mps2.c).
IRQ_NAMES = {0: "UART0_RX", 1: "UART0_TX", 2: "UART1_RX", 3: "UART1_TX", 4: "UART2_RX", 5: "UART2_TX",
             8: "TIMER0", 9: "TIMER1", 10: "DUALTIMER", 12: "UART_OVF", 13: "ETHERNET",
             18: "UART3_RX", 19: "UART3_TX", 20: "UART4_RX", 21: "UART4_TX"}


def vector_name(vector):
    """The short name shown in report lines and tables."""
    if vector == 0:
        return "SP"
    if vector in EXCEPTIONS:
        return EXCEPTIONS[vector].name
    if vector < IRQ_BASE:
        return "RSVD"
    return IRQ_NAMES.get(vector - IRQ_BASE, f"IRQ{vector - IRQ_BASE}")


def has_error_code(vector):
    """M-profile pushes no error code: fault status lives in CFSR/HFSR."""
    return False


def resolve_vector(binding, say):
    """The exception number a binding names, or None after saying why it cannot be bound."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            if number.lower() not in BY_NAME:
                known = ", ".join(e.name for e in EXCEPTIONS.values())
                say(f"exception {number!r} is not a {NAME} exception; use one of: {known}")
                return None
            return BY_NAME[number.lower()]
        if not is_int(number) or not 0 <= number < IRQ_BASE:
            say(f"exception {number!r} out of range 1-{IRQ_BASE - 1}; bind external interrupts with irq()")
            return None
        if number == 0:
            say("word 0 of the table is the initial stack pointer, not a handler; "
                "linker/cortex-m.ld fills it with __stack_top")
            return None
        if number in RESERVED:
            say(f"exception {number} is reserved on ARMv7-M: the CPU never takes it; remove this line")
            return None
        return number
    if kind == "irq":
        if not is_int(number) or not 0 <= number < IRQ_LINES:
            say(f"IRQ {number!r} out of range 0-{IRQ_LINES - 1} (mps2-an385 wires {IRQ_LINES} lines)")
            return None
        return IRQ_BASE + number
    say(f"{NAME} has no software-interrupt vectors (no `int N`); bind exception(\"SVCall\", ...) for SVC, "
        f"or irq(N, ...): software pends an IRQ through NVIC_STIR")
    return None


def check_options(binding, vector, say):
    """Resolved options: `priority` (0 highest .. 255), only where the exception has a settable one."""
    resolved = default_options(vector)
    for name, value in binding.options:
        if name != "priority":
            say(f"option {name}= does not exist on {NAME}; known: priority")
            continue
        if "priority" not in resolved:
            say(f"{vector_name(vector)} has a fixed priority (Reset -3, NMI -2, HardFault -1); drop priority=")
            continue
        if not is_int(value) or not 0 <= value <= PRIORITY_MAX or value % PRIORITY_STEP:
            say(f"priority {value!r} must be a multiple of 0x{PRIORITY_STEP:x} in 0-{PRIORITY_MAX}: "
                f"the AN385's Cortex-M3 implements only the top 3 bits (0 is the highest)")
            continue
        resolved["priority"] = value
    return resolved


def default_options(vector):
    fixed = vector in EXCEPTIONS and not EXCEPTIONS[vector].configurable
    return {} if fixed or vector in RESERVED else {"priority": DEFAULT_PRIORITY}


def table_fields(slot):
    """Every table word of a handler is its Thumb address: bit 0 set (B1.5.3)."""
    return {"thumb": 1}


# The kernel's own needs: a spec without these builds a kernel that never
# answers, or never starts. vector -> (the line that binds the kernel's handler, why).
RESET_VECTOR = 1                # its handler is the ELF's ENTRY: boot code by design
# Vectors entered without a storm guard (isr/guard.py): the reset, which is
# boot code and runs once.
UNGUARDED = frozenset({RESET_VECTOR})
REQUIRED = {
    RESET_VECTOR: ('exception("Reset", "reset_entry", style="naked")',
                   "table word 1 is where the CPU starts: without it the kernel never runs "
                   "(boot/cortex-m/entry.S)"),
    15: ('exception("SysTick", "on_systick", style="abi", priority=0x60)',
         "SysTick is the kernel's clock: ticks and sleep count it"),
    IRQ_BASE + 0: ('irq(0, "on_uart0_rx", style="stub", priority=0x80)',
                   "UART0's receive interrupt is the shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to exception(), irq() or interrupt() for this vector."""
    return vector - IRQ_BASE if kind == "irq" else vector


# One definition of each frame layout, lowest address first (words).
# The hardware frame (B1.5.6), at the SP that EXC_RETURN bit 2 names:
EXCEPTION_FRAME = ("r0", "r1", "r2", "r3", "r12", "lr", "pc", "xpsr")
# What a generated stub pushes on the main stack and hands its C handler:
# the callee-saved registers the hardware leaves alone, the exception number,
# where the hardware frame is, EXC_RETURN, and a pad word that keeps SP
# 8-byte aligned at the call (AAPCS).
TRAP_FRAME = ("r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "vector", "frame", "exc_return", "pad")

# The names the assembler reads as registers, which isr/validate.py refuses
# as handler names: r0-r15, their APCS aliases and the special registers of
# MRS/MSR (B5.2.2). clang takes the generated `.word sp` and `movw r3,
# #:lower16:r0` as a label, but `bx r0` or `mov r1, sp` read the register.
REGISTER_NAMES = frozenset(
    [f"r{i}" for i in range(16)] + ["sp", "lr", "pc", "ip", "fp", "sl", "sb"] +
    [f"a{i}" for i in range(1, 5)] + [f"v{i}" for i in range(1, 9)] +
    ["apsr", "iapsr", "eapsr", "xpsr", "ipsr", "epsr", "iepsr", "msp", "psp", "primask", "basepri",
     "basepri_max", "faultmask", "control"])


# Where the stacked PC points (ARMv7-M ARM B1.5.6), by exception.
FAULTS = frozenset({3, 4, 5, 6})


SAVED_PC_NAME = "PC (stacked)"  # how gen/isr.h names the saved program counter


def describe(vector):
    """(what raises the exception, where the stacked PC points)."""
    if vector in EXCEPTIONS:
        e = EXCEPTIONS[vector]
        if vector == 1:
            saved = "nothing is stacked: the CPU loads PC from word 1"
        elif vector in FAULTS:
            saved = "the faulting instruction for a precise fault (an imprecise BusFault: a later one)"
        elif vector == 11:
            saved = "the instruction after the svc"
        else:
            saved = "the next instruction of the interrupted code"
        return f"{e.name}: {e.note}", saved
    if vector < IRQ_BASE:
        return "nothing: reserved by ARMv7-M", "-"
    line = vector - IRQ_BASE
    device = IRQ_NAMES.get(line)
    what = f"{device}, " if device else "nothing on the AN385, or "
    return f"external interrupt {line} of the NVIC: {what}software through NVIC_STIR (`int {vector}`)", \
        "the next instruction of the interrupted code"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    if vector >= IRQ_BASE:
        return ("clear the interrupt in the device (CMSDK UART and timers: write INTCLEAR); the NVIC "
                "clears the pending bit on entry, but a line still high pends it again")
    if vector in FAULTS:
        return "remove the cause or move the stacked PC past the instruction: exception return re-runs it"
    return "nothing: it is pended once per event"


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words. The CPU puts EXC_RETURN in lr on entry (B1.5.8)
# and any load of it into PC returns from the exception: so every return is
# an exception return here and the check refuses none.
NAKED_EXIT = {
    "returns": (r"bx lr", r"pop(\.w)? \{.*pc\}", r"ldr(\.w)? pc, .*", r"ldm\w*(\.w)? .*\{.*pc\}"),
    "wrong": (),
    "must": "`bx lr` or `pop {..., pc}` with EXC_RETURN (any return: the check accepts all of them)",
    "why": "EXC_RETURN in lr makes any of them an exception return",
    "called": frozenset(),
}


# The arch's emitters, for isr/generate.py: gen/isr.h, gen/isr_table.S, gen/isr_stubs.S.
from isr.arch_cortex_m import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401
