"""ATmega2560 interrupt facts (Atmel ATmega640/1280/2560 datasheet, section 14
"Interrupts", table 14-1), as QEMU 7.2's `mega2560` machine delivers them:
the arch model for isr/.

The vector table is flash at address 0: 57 slots of two words each, one
`jmp` per slot (the 2560's 22-bit PC needs the 4-byte JMP). Slot 0 is RESET,
where the CPU starts; slot N is interrupt vector N, entered with the return
PC pushed (3 bytes on the 2560) and the global interrupt flag SREG.I cleared.
Nothing else is saved, not even SREG: the handler must.

The AVR has no CPU exceptions (no faults, no traps, no error codes) and no
software-interrupt instruction: every vector is a peripheral interrupt, and
software raises one only by making its device raise it.

What QEMU 7.2 does here (measured, ../shared/DESIGN.md "AVR"):
- only USART0-3 and the 16-bit TIMER1, 3, 4, 5 are emulated; TIMER0 and
  TIMER2, the pins (INTn, PCINTn), the watchdog, SPI, ADC, TWI, EEPROM and SPM
  are unimplemented devices whose interrupts never fire;
- every vector numbered 33 or more is delivered as vector 33, so a handler
  bound there would run for the wrong source (or never).
"""
from dataclasses import dataclass

from isr.arch_common import check_slots  # noqa: F401 (the arch model's interface)

NAME = "avr"
BOOL_OPTIONS = ("nonblocking",)   # validation leaves nonblocking=True/False to check_options
IRQ_BASE = 0                    # vector N is interrupt N: no exceptions come first
VECTOR_COUNT = 57               # iom2560.h _VECTORS_SIZE 228 / 4
HANDLER_VECTORS = range(1, VECTOR_COUNT)   # slot 0 is RESET: a jump to the startup code
RESET_SYMBOL = "avr_reset"      # boot/avr/entry.S
TABLE_FIXED = {0: RESET_SYMBOL}
FIRST_MISDELIVERED = 33         # QEMU 7.2: vectors 33-56 all arrive as 33
STYLES = ("abi", "stub", "naked")
# Vectors entered without a storm guard (isr/guard.py): none; the reset is
# slot 0 of TABLE_FIXED, the startup code, not a slot of the spec.
UNGUARDED = frozenset()
STYLE_REFUSALS = {}
RESET_VECTOR = None             # slot 0, RESET, is TABLE_FIXED (the startup code), not a spec slot
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
CPU_EXCEPTIONS = False          # no faults, no traps: `probe` has no fault to raise
# reports/cost.py measures the nonblocking kind of `abi` as a style of its own.
BENCH_STYLE_VARIANTS = {"abi-nb": ("abi", (("nonblocking", True),))}
TABLE_ENTRY_SIZE = 4            # JMP k: 2 words
TABLE_ALIGN = 2                 # flash is word-addressed; the table sits at 0 (linker/avr.ld)
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("linker/avr.ld", r"ASSERT\(__isr_table_start == 0",
                 "the CPU reads the table at flash address 0, where the link places it")
TABLES = ({"name": "vector", "format": "jmp-slots", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VECTOR_COUNT, "align": TABLE_ALIGN, "count": VECTOR_COUNT,
           "first_vector": 0, "fixed": TABLE_FIXED},)
ERROR_CODE_FACTS = ("has no error code (AVR interrupts push only the return PC)", "has an error code")


@dataclass(frozen=True)
class Source:
    vector: int
    name: str           # avr-libc's NAME_vect without _vect
    device: str         # the peripheral that raises it
    emulated: bool      # QEMU 7.2 mega2560 models that device and wires this line


_NOT = False
SOURCES = {s.vector: s for s in (
    Source(0, "RESET", "reset", True),
    *(Source(n, f"INT{n - 1}", "external pin", _NOT) for n in range(1, 9)),
    *(Source(9 + n, f"PCINT{n}", "pin change", _NOT) for n in range(3)),
    Source(12, "WDT", "watchdog", _NOT),
    Source(13, "TIMER2_COMPA", "TIMER2", _NOT), Source(14, "TIMER2_COMPB", "TIMER2", _NOT),
    Source(15, "TIMER2_OVF", "TIMER2", _NOT),
    Source(16, "TIMER1_CAPT", "TIMER1", True), Source(17, "TIMER1_COMPA", "TIMER1", True),
    Source(18, "TIMER1_COMPB", "TIMER1", True), Source(19, "TIMER1_COMPC", "TIMER1", True),
    Source(20, "TIMER1_OVF", "TIMER1", True),
    Source(21, "TIMER0_COMPA", "TIMER0", _NOT), Source(22, "TIMER0_COMPB", "TIMER0", _NOT),
    Source(23, "TIMER0_OVF", "TIMER0", _NOT),
    Source(24, "SPI_STC", "SPI", _NOT),
    Source(25, "USART0_RX", "USART0", True), Source(26, "USART0_UDRE", "USART0", True),
    Source(27, "USART0_TX", "USART0", True),
    Source(28, "ANALOG_COMP", "analog comparator", _NOT), Source(29, "ADC", "ADC", _NOT),
    Source(30, "EE_READY", "EEPROM", _NOT),
    Source(31, "TIMER3_CAPT", "TIMER3", True), Source(32, "TIMER3_COMPA", "TIMER3", True),
    Source(33, "TIMER3_COMPB", "TIMER3", True), Source(34, "TIMER3_COMPC", "TIMER3", True),
    Source(35, "TIMER3_OVF", "TIMER3", True),
    Source(36, "USART1_RX", "USART1", True), Source(37, "USART1_UDRE", "USART1", True),
    Source(38, "USART1_TX", "USART1", True),
    Source(39, "TWI", "TWI", _NOT), Source(40, "SPM_READY", "SPM", _NOT),
    *(Source(41 + i, f"TIMER4_{k}", "TIMER4", True) for i, k in enumerate(("CAPT", "COMPA", "COMPB", "COMPC", "OVF"))),
    *(Source(46 + i, f"TIMER5_{k}", "TIMER5", True) for i, k in enumerate(("CAPT", "COMPA", "COMPB", "COMPC", "OVF"))),
    *(Source(51 + 3 * u + i, f"USART{2 + u}_{k}", f"USART{2 + u}", True)
      for u in range(2) for i, k in enumerate(("RX", "UDRE", "TX"))),
)}
assert sorted(SOURCES) == list(range(VECTOR_COUNT))
BY_NAME = {s.name.lower(): s.vector for s in SOURCES.values()}
OPTIONS = ("nonblocking",)


def vector_name(vector):
    return SOURCES[vector].name if vector in SOURCES else f"VEC{vector}"


def has_error_code(vector):
    return False


def entry_symbol(style, vector, handler):
    """abi: the compiler's own `signal` function, whose assembler name must be
    __vector_N (avr-gcc warns of a "misspelled signal handler" otherwise);
    naked: the user's entry; stub and default: a generated entry per vector
    (nothing on the AVR tells a shared entry which vector it is)."""
    if style == "abi":
        return f"__vector_{vector}"
    if style == "naked":
        return handler
    return f"isr_stub_{vector}" if style == "stub" else f"isr_default_{vector}"


def handler_symbol(slot):
    """The ELF symbol of a spec handler, for gen/keep.ld: an abi handler is
    linked under its __vector_N assembler name."""
    return slot.entry if slot.style == "abi" else slot.handler


def resolve_vector(binding, say):
    kind, number = binding.kind, binding.number
    if kind != "irq":
        say(f"the AVR has no {'CPU exceptions' if kind == 'exception' else 'software-interrupt vectors'}: "
            f"every vector is a peripheral interrupt; bind it with irq(N or \"NAME\", ...), "
            f"e.g. irq(\"TIMER1_COMPA\", ...)")
        return None
    if isinstance(number, str):
        if number.lower().removesuffix("_vect") not in BY_NAME:
            say(f"interrupt {number!r} is not an ATmega2560 vector; use avr-libc's names without _vect "
                f"(TIMER1_COMPA, USART0_RX, ...) or the number 1-{VECTOR_COUNT - 1}")
            return None
        vector = BY_NAME[number.lower().removesuffix("_vect")]
    elif isinstance(number, int) and not isinstance(number, bool) and 0 <= number < VECTOR_COUNT:
        vector = number
    else:
        say(f"vector {number!r} out of range 1-{VECTOR_COUNT - 1} (the ATmega2560 has {VECTOR_COUNT} slots)")
        return None
    return _deliverable(vector, say)


def _deliverable(vector, say):
    source = SOURCES[vector]
    if vector == 0:
        say(f"vector 0 (RESET) is where the CPU starts, not an interrupt: its slot always jumps to "
            f"{RESET_SYMBOL} (boot/avr/entry.S); remove this line")
        return None
    if vector >= FIRST_MISDELIVERED:
        say(f"vector {vector} ({source.name}): QEMU 7.2 delivers every vector from {FIRST_MISDELIVERED} up "
            f"as vector {FIRST_MISDELIVERED} on the ATmega1280/2560, so this handler would run for the "
            f"wrong source or never; use a source numbered below {FIRST_MISDELIVERED} "
            f"(TIMER1 16-20, USART0 25-27, TIMER3 31-32)")
        return None
    if not source.emulated:
        say(f"vector {vector} ({source.name}): QEMU 7.2's mega2560 has no emulated {source.device}, so "
            f"this interrupt never fires; use TIMER1 (16-20), USART0 (25-27) or TIMER3 (31-32)")
        return None
    return vector


def check_options(binding, vector, say):
    """`nonblocking=True` (avr-libc ISR_NOBLOCK): the abi handler re-enables
    interrupts with `sei` as its first instruction, so others may nest in it."""
    resolved = default_options(vector)
    for name, value in binding.options:
        if name not in OPTIONS:
            say(f"option {name}= does not exist on {NAME}; known: {', '.join(OPTIONS)}")
        elif not isinstance(value, bool):
            say(f"nonblocking={value!r} must be True or False")
        elif value and binding.style != "abi":
            say(f"nonblocking=True needs style=\"abi\": it is the compiler's `interrupt` attribute "
                f"(ISR_NOBLOCK); a {binding.style} handler unmasks interrupts itself with sei, or drop nonblocking=")
        else:
            resolved["nonblocking"] = value
    return resolved


def default_options(vector):
    return {"nonblocking": False}


def table_fields(slot):
    """Each slot is a 4-byte JMP (its target checked by decode_table.py)."""
    return {"insn": "jmp"}


# What a generated stub pushes, lowest address first (the AVR pushes with
# post-decrement, so the last push is at SP+1): the vector, EIND, RAMPZ, SREG,
# r0-r31, then the 3-byte return PC that the CPU pushed, high byte lowest.
TRAP_FRAME = ("vector", "eind", "rampz", "sreg") + tuple(f"r{n}" for n in range(32)) + ("pc_hi", "pc_mid", "pc_lo")

# The names the assembler reads as registers, which isr/validate.py refuses
# as handler names: r0-r31 and the pointer registers X, Y and Z. avr-as takes
# the generated `jmp r0` and `lo8(gs(Z))` as a label, but `ld r24, Z` or
# `mov r24, r0` read the register.
REGISTER_NAMES = frozenset([f"r{n}" for n in range(32)] + ["x", "y", "z"])
STUB_SAVED = 36                 # everything before pc_hi: what the stub itself stores
# Registers the stub entry pushes before jumping to the shared code (the shared
# code pushes the rest): r31:r30 carry the handler, r29 the vector.
STUB_ENTRY_PUSHES = ("r31", "r30", "r29")


SAVED_PC_NAME = "PC (the return address the CPU pushed)"  # how gen/isr.h names the saved program counter
# How each device's interrupt flag clears (datasheet: USART 22.7, timers 17.11).
ACKNOWLEDGE = {"RX": "read UDRn (RXCn stays set while data waits)",
               "UDRE": "write UDRn or clear UDRIEn (UDREn stays set while UDRn is empty)",
               "TX": "nothing: TXCn clears as the vector is taken"}


def describe(vector):
    """(what raises the vector, where the saved PC points)."""
    source = SOURCES[vector]
    raised = f"{source.device} ({source.name}_vect)"
    if not source.emulated:
        raised += ": QEMU 7.2 does not emulate it, so nothing raises it there"
    elif vector >= FIRST_MISDELIVERED:
        raised += f": QEMU 7.2 delivers it as vector {FIRST_MISDELIVERED}"
    return raised, "the next instruction of the interrupted code (the 3-byte return PC the CPU pushed)"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    kind = SOURCES[vector].name.rsplit("_", 1)[-1]
    if SOURCES[vector].device.startswith("USART") and kind in ACKNOWLEDGE:
        return ACKNOWLEDGE[kind]
    if SOURCES[vector].device.startswith("TIMER"):
        return "nothing: the timer's flag clears as the vector is taken"
    return "clear the device's interrupt flag"


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: RETI pops the PC and sets the I flag, which
# the CPU cleared on entry. RET pops the PC only: interrupts stay off for good.
NAKED_EXIT = {
    "returns": (r"reti",),
    "wrong": (r"ret",),
    "must": "reti",
    "why": "a plain `ret` leaves SREG's I flag clear, so no interrupt is taken again",
    "called": frozenset(),
}


from isr.arch_avr import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401


# The kernel's own needs: a spec without these builds a kernel that never
# answers. vector -> (the line that binds the kernel's handler, why).
REQUIRED = {
    BY_NAME["timer1_compa"]: ('irq("TIMER1_COMPA", "on_tick", style="abi")',
                              "TIMER1's compare match A is the kernel's 100 Hz tick: ticks and sleep count it"),
    BY_NAME["usart0_rx"]: ('irq("USART0_RX", "on_usart0_rx", style="stub")',
                           "USART0's receive interrupt is the shell's only input"),
}


def spec_number(kind, vector):
    """What a spec passes to irq() for this vector: vector N is interrupt N."""
    return vector
