"""MSP430F1611 interrupt facts (TI SLAU049 "MSP430x1xx Family User's Guide" 2.2,
SLAS368 the F1611 data sheet, msp430mcu's msp430f1611.h), the arch model for isr/.

clang numbers interrupts as `__attribute__((interrupt(N)))`, N 0-63: one
64-entry table of 16-bit words at 0xFF80-0xFFFF, word N at 0xFF80 + 2N, the
reset vector last (word 63, 0xFFFE). A 1xx/2xx part uses only the top 16
words (0xFFE0-0xFFFF); msp430mcu's headers give those as byte offsets from
0xFFE0 (TIMERA0_VECTOR is 0x0C), so header offset X is vector 48 + X / 2.
The words below 48 exist in the table (flash) but no device of this part
ever raises them.

On an interrupt the CPU pushes PC, then SR, clears SR (GIE and the low-power
bits CPUOFF, OSCOFF, SCG1; SCG0 stays) and loads PC from the vector; RETI pops
SR and PC, so a handler that returns to a low-power mode sleeps again unless
it clears those bits in the SR it saved (SLAU049 2.2.3). Interrupts do not
nest unless a handler sets GIE; when several are pending, the higher vector
wins (fixed priority).
"""
from isr.arch_common import check_slots, handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import direct_entry_symbol

NAME = "msp430"
PART = "msp430f1611"            # the part whose headers and periph.x the kernel uses
VECTOR_COUNT = 64               # clang interrupt(N): N 0-63
TABLE_BASE = 0xFF80
PART_FIRST = 48                 # the F1611's 16 vectors are words 48-63 (0xFFE0-0xFFFF)
RESET = 63
IRQ_BASE = PART_FIRST           # gen/isr.h ISR_IRQ_BASE: the first word the part uses
HANDLER_VECTORS = range(PART_FIRST, RESET)      # RESET (63) is reset_entry, not a handler
TABLE_FIXED = {RESET: "reset_entry"}             # boot/msp430/entry.S
# Vectors entered without a storm guard (isr/guard.py): none; RESET is TABLE_FIXED, not a slot.
UNGUARDED = frozenset()
STYLES = ("abi", "stub", "naked")
CPU_EXCEPTIONS = False          # no faults to raise: `probe` has none (tests/qemu/test_probes.py)
STYLE_REFUSALS = {}
RESET_VECTOR = None             # RESET (63) is TABLE_FIXED (reset_entry), not a spec slot
BOOL_OPTIONS = ()               # options a spec gives as True/False (none here)
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
TABLE_ENTRY_SIZE = 2
TABLE_ALIGN = 2
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("linker/msp430.ld", r"^TABLE = 0xFF80;",
                 "the CPU reads the table at 0xFF80, where the link places it")
TABLES = ({"name": "vector", "format": "msp430-words", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VECTOR_COUNT, "align": TABLE_ALIGN, "count": VECTOR_COUNT,
           "first_vector": 0, "address": TABLE_BASE, "fixed": TABLE_FIXED},)
# The CPU stacks only PC and SR: device status lives in each module's flags.
ERROR_CODE_FACTS = ("stacks no error code (only PC and SR)", "stacks an error code")
entry_symbol = direct_entry_symbol

# msp430f1611.h: name (without _VECTOR), byte offset from 0xFFE0, what raises it.
PART_VECTORS = (
    ("DACDMA", 0x00, "DAC12 or DMA transfer done (DAC12IFG, DMAIFG)"),
    ("PORT2", 0x02, "a P2 pin edge with its P2IE bit set (P2IFG)"),
    ("USART1TX", 0x04, "USART1 transmit buffer empty"),
    ("USART1RX", 0x06, "USART1 received a byte"),
    ("PORT1", 0x08, "a P1 pin edge with its P1IE bit set (P1IFG)"),
    ("TIMERA1", 0x0A, "Timer_A CCR1-2 or overflow (TAIV says which)"),
    ("TIMERA0", 0x0C, "Timer_A CCR0 compare (CCIFG, cleared when taken)"),
    ("ADC12", 0x0E, "ADC12 conversion results (ADC12IV)"),
    ("USART0TX", 0x10, "USART0 transmit buffer empty"),
    ("USART0RX", 0x12, "USART0 received a byte"),
    ("WDT", 0x14, "watchdog in interval-timer mode (WDTIFG, cleared when taken)"),
    ("COMPARATORA", 0x16, "Comparator_A output edge"),
    ("TIMERB1", 0x18, "Timer_B CCR1-6 or overflow (TBIV)"),
    ("TIMERB0", 0x1A, "Timer_B CCR0 compare"),
    ("NMI", 0x1C, "non-maskable: RST/NMI pin edge, oscillator fault, flash access violation"),
    ("RESET", 0x1E, "power-up, RST pin, watchdog expiry or password violation (PUC)"),
)
VECTORS = {PART_FIRST + offset // 2: (name, note) for name, offset, note in PART_VECTORS}
BY_NAME = {name.lower(): vector for vector, (name, _) in VECTORS.items()}
NON_MASKABLE = frozenset({BY_NAME["nmi"], RESET})   # taken even with GIE clear


def vector_name(vector):
    """The short name shown in report lines and tables: the header's, without _VECTOR."""
    return VECTORS[vector][0] if vector in VECTORS else "NONE"


def has_error_code(vector):
    return False


def _number(value, say):
    if isinstance(value, str):
        if value.lower().removesuffix("_vector") not in BY_NAME:
            say(f"{value!r} is not an {PART} vector; use one of: "
                f"{', '.join(name for name, _ in VECTORS.values())}")
            return None
        return BY_NAME[value.lower().removesuffix("_vector")]
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < VECTOR_COUNT:
        say(f"vector {value!r} is outside the table: clang's interrupt(N) takes N 0-{VECTOR_COUNT - 1} "
            f"(word N at 0x{TABLE_BASE:X} + 2N); the {PART} uses {PART_FIRST}-{RESET}")
        return None
    return value


def resolve_vector(binding, say):
    """The table word a binding names, or None after saying why it cannot be bound."""
    if binding.kind != "software":
        say(f"{NAME} has one kind of vector: bind it with interrupt(N or name, ...), N being clang's "
            f"interrupt(N) number (msp430mcu header offset X is {PART_FIRST} + X/2)")
        return None
    vector = _number(binding.number, say)
    if vector is None:
        return None
    if vector == RESET:
        say(f"vector {RESET} (RESET) is where the CPU starts: it holds reset_entry "
            f"(boot/msp430/entry.S) and takes no handler; remove this line")
        return None
    if vector not in VECTORS:
        say(f"vector {vector}: the {PART} has no such vector (its table is words {PART_FIRST}-{RESET}, "
            f"0xFFE0-0xFFFF); header offset X is vector {PART_FIRST} + X/2")
        return None
    return vector


def check_options(binding, vector, say):
    for name, _ in binding.options:
        say(f"option {name}= does not exist on {NAME}: priorities are fixed by the vector number")
    return {}


def default_options(vector):
    return {}


def table_fields(slot):
    return {}


# A stub's frame, lowest address first (16-bit words): what it pushes (the
# vector last, r15 first), then what the CPU pushed (SR, then PC above it).
CPU_FRAME = ("sr", "pc")
TRAP_FRAME = ("vector", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15") + CPU_FRAME

# The names the assembler reads as registers, which isr/validate.py refuses
# as handler names: r0-r15 and the aliases of r0-r3. The generated `call #pc`
# and `.word pc` are a label, but `call pc` (no #) calls through the register.
REGISTER_NAMES = frozenset([f"r{n}" for n in range(16)] + ["pc", "sp", "sr", "cg"])


SAVED_PC_NAME = "PC (pushed before SR)"  # how gen/isr.h names the saved program counter
# What clears each source's flag (MSP430x1xx family guide: each module's interrupt section).
ACKNOWLEDGE = {
    "DACDMA": "clear DAC12IFG or DMAIFG", "PORT2": "clear the pin's bit in P2IFG",
    "USART1TX": "write U1TXBUF or clear UTXIE1", "USART1RX": "read U1RXBUF",
    "PORT1": "clear the pin's bit in P1IFG", "TIMERA1": "read TAIV: that clears the flag it names",
    "TIMERA0": "nothing: CCIFG clears as the vector is taken", "ADC12": "read ADC12IV or the result",
    "USART0TX": "write U0TXBUF or clear UTXIE0", "USART0RX": "read U0RXBUF",
    "WDT": "nothing: WDTIFG clears as the vector is taken", "COMPARATORA": "nothing: CAIFG clears as taken",
    "TIMERB1": "read TBIV: that clears the flag it names", "TIMERB0": "nothing: CCIFG clears as taken",
    "NMI": "clear NMIIFG, OFIFG or ACCVIFG, and set NMIIE again (taking NMI clears it)",
    "RESET": "nothing: it restarts the part",
}


def describe(vector):
    """(what raises the vector, where the saved PC points)."""
    if vector not in VECTORS:
        return "nothing: the F1611 has no source on this word", "-"
    name, note = VECTORS[vector]
    return f"{name}: {note}", "the next instruction of the interrupted code (the CPU pushed PC, then SR)"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    return ACKNOWLEDGE.get(vector_name(vector), "nothing: no source")


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: RETI pops SR, then PC (SLAU049 3.3.2). RET
# (mov @sp+, pc) pops only PC: the interrupted code resumes at the SR the CPU
# pushed, with the SR of the interrupt (GIE clear) and the PC on the stack.
NAKED_EXIT = {
    "returns": (r"reti",),
    "wrong": (r"ret", r"mov @r1\+, r0", r"mov @sp\+, pc"),
    "must": "reti",
    "why": "a plain `ret` pops the saved SR as the return address and leaves GIE clear",
    "called": frozenset(),
}


from isr.arch_msp430 import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401


# The kernel's own needs: a spec without these builds a kernel that never
# answers. vector -> (the line that binds the kernel's handler, why).
REQUIRED = {
    BY_NAME["timera0"]: ('interrupt("TIMERA0", "on_timer_a0", style="stub")',
                         "Timer_A's CCR0 is the kernel's 100 Hz tick, and its stub wakes main from LPM0"),
    BY_NAME["usart0rx"]: ('interrupt("USART0RX", "on_mailbox_rx", style="stub")',
                          "the launcher raises it after filling the input mailbox: the shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to interrupt() for this vector: clang's interrupt(N) number."""
    return vector
