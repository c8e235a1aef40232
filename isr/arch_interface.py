"""The arch model interface: what every isr/arch_<arch>/ package declares.

Shared code (the generator, the checks, qemu/, the reports, the tests) reads an
arch only through these names; every arch declares every one of them, with an
empty value and a comment where it has none of the thing (no getattr with a
default anywhere). tests/unit/test_arch_interface.py holds each arch to it.

An arch is one folder, isr/arch_<arch>/:
  __init__.py       the CPU's facts and the spec rules below (ArchModel)
  emit_header.py    gen/isr.h: prototypes and the C view of the frame  (emit(slots, arch, banner))
  emit_table.py     gen/isr_table.S: the table the CPU reads           (emit(slots, arch, banner))
  emit_stubs.py     gen/isr_stubs.S: stubs, guards, entries             (emit(slots, arch, banner))
  decode_table.py   DECODERS {table format: reader}: the linked table read back (tools/check_elf.py)
  listing.py        SAVES [(pattern, words)]: a stack store in the disassembly (reports/handler_cost.py)
  pushes.py         pushes(vector), KEPT, SP_BIAS, in_words(slot): what the CPU itself saves
  machine.py        the emulator, its exit device and its log:
                      PROFILE            qemu/profiles.py Profile's fields (what each means is there)
                      exit_code(status)  the emulator's exit code when the guest exits with status;
                                         None where no exit code is ever the guest's
                      exit_event(status) the QMP SHUTDOWN reason the exit device gives, or None
                                         where it only calls exit() (isr/arch_common.py)
                      log_pattern(slot)  a regex for the log line of that manifest slot's vector
                                         being taken; None where the emulator logs no interrupts
                      log_entries(text)  every interrupt or exception the log records, in order,
                                         as dicts (qemu/int_log.py entries)
  toolchains.py     KERNEL (the kernel's build), GCC (the second compiler, or None and why),
                    TOOLCHAINS (each tools/toolchains.py family's facts, or why none),
                    SSE (the x86 SSE variant's facts, or None)
  testing.py        CONSOLE_FIXTURE, TRAP_TRIGGERS: the tests' name for a booted guest, its `trap` list;
                    TICK_STORM: the tick's vector bound to an empty handler that storms, or why none;
                    RAISED_ONLY_BY_INT: the vectors the shell's `int N` raises and nothing else does
isr/arches.py finds the folders; nothing else lists the arches.
"""
from typing import Callable, Protocol

# The modules of an arch package, each with the names it must define.
MODULES = {
    "emit_header": ("emit",),
    "emit_table": ("emit",),
    "emit_stubs": ("emit",),
    "decode_table": ("DECODERS",),
    "listing": ("SAVES",),
    "pushes": ("pushes", "KEPT", "SP_BIAS", "in_words"),
    "machine": ("PROFILE", "exit_code", "exit_event", "log_pattern"),
    "toolchains": ("KERNEL", "GCC", "TOOLCHAINS", "SSE"),
    "testing": ("CONSOLE_FIXTURE", "TRAP_TRIGGERS", "TICK_STORM", "RAISED_ONLY_BY_INT"),
}


class ArchModel(Protocol):
    """The members of an arch package's __init__.py, by what they answer."""

    # -- which vectors there are -------------------------------------------------
    NAME: str                   # the arch everywhere: doit tasks, build/<arch>/, isr/<arch>.py
    VECTOR_COUNT: int           # table slots, numbered 0..VECTOR_COUNT-1 in the arch's own numbering
    HANDLER_VECTORS: range      # the vectors a spec may bind (the rest are fixed words)
    IRQ_BASE: int               # the first vector that is a device interrupt (irq(n) is IRQ_BASE + n)
    RESET_VECTOR: object        # the vector whose handler is the ELF's entry, or None
    vector_name: Callable       # (vector) -> the arch's name for it: #PF, SysTick, TIMER1_COMPA
    has_error_code: Callable    # (vector) -> whether the CPU leaves an error code or syndrome for it
    ERROR_CODE_FACTS: tuple     # (without, with): how the manifest words has_error_code
    describe: Callable          # (vector) -> (what raises it, where its saved PC points)
    acknowledge: Callable       # (vector) -> what its handler must do so the source stops asking
    SAVED_PC_NAME: str          # how gen/isr.h names the saved program counter

    # -- the spec's rules ---------------------------------------------------------
    STYLES: tuple               # the handler styles this arch's compilers and tables allow
    STYLE_REFUSALS: dict        # style -> why this arch cannot have it (the spec is refused with it)
    BOOL_OPTIONS: tuple         # options a spec gives as True/False
    REQUIRED: dict              # vector or kernel handler -> (the spec line that binds it, why the kernel needs it)
    REGISTER_NAMES: frozenset   # names a handler may not take (the assembler reads them as registers)
    resolve_vector: Callable    # (binding, say) -> the vector a spec binding names, or None after say(problem)
    check_options: Callable     # (binding, vector, say) -> the binding's options, checked
    default_options: Callable   # (vector) -> the options of an unbound slot
    spec_number: Callable       # (kind, vector) -> what exception()/irq()/interrupt() takes for it
    entry_symbol: Callable      # (style, vector, handler) -> the symbol the table points at
    handler_symbol: Callable    # (slot) -> the ELF symbol gen/keep.ld keeps for a handler
    check_slots: Callable       # (slots) -> problems between bindings (isr/arch_common.py: none)

    # -- the generated tables -------------------------------------------------------
    TABLES: tuple               # each table's name, format, section, bounds, size: gen/keep.ld and the check
    TABLE_ALIGN: int            # the alignment the CPU needs of the table
    TABLE_INSTALL: tuple        # (file, regex, what it does): where the CPU learns the table's address
    table_fields: Callable      # (slot) -> what its table entry holds besides the target
    UNGUARDED: frozenset        # vectors entered without a storm guard (isr/guard.py), and why (comment)
    NAKED_EXIT: dict            # a naked entry's return: returns, wrong, must, why (tools/naked_checks.py)

    # -- the cost report -------------------------------------------------------------
    CPU_EXCEPTIONS: bool        # software can raise CPU faults (`probe` has faults to raise)
    BENCH_STYLE_VARIANTS: dict  # bench row style -> (spec style, options) that makes it
    BENCH_REFUSALS: dict        # style -> why a bench vector cannot have it


def members():
    """The names ArchModel requires of an arch package's __init__.py."""
    return tuple(ArchModel.__annotations__)
