"""x86_64 interrupt facts (Intel SDM vol. 3A, chapter 6), the arch model for isr/.

Each exception is documented where it is declared: when the CPU raises it,
whether it pushes an error code, where the saved RIP points, whether the
interrupted code can resume.
"""
from dataclasses import dataclass

from isr.arch_common import check_slots, handler_symbol  # noqa: F401 (the arch model's interface)
from isr.validate import direct_entry_symbol, is_int

NAME = "x86_64"
VECTOR_COUNT = 256
HANDLER_VECTORS = range(VECTOR_COUNT)   # every IDT slot holds a handler
FIRST_USER_VECTOR = 32          # 0-31 are reserved for CPU exceptions
IRQ_BASE = 32                   # the kernel remaps the 8259 PIC pair to 32-47
IRQ_LINES = 16                  # master IRQ 0-7, slave IRQ 8-15
IST_MAX = 7                     # the TSS holds IST1..IST7; 0 means "no stack switch"
DPL_MAX = 3
KERNEL_CS = 0x08                # GDT index 1; kernel/x86_64/gdt.c asserts the same value
STYLES = ("abi", "stub", "naked")
# Vectors the CPU enters without a storm guard (isr/guard.py): none, every IDT
# gate is an entry of its own and x86 has no reset vector.
UNGUARDED = frozenset()
# How validation states the error-code fact of a vector: [False], [True].
ERROR_CODE_FACTS = ("pushes no error code", "pushes an error code")
STYLE_REFUSALS = {}            # every style has a compiler and a table format here
RESET_VECTOR = None             # reset is no IDT vector: the CPU starts at 0xFFFFFFF0, the firmware's
BOOL_OPTIONS = ()               # options a spec gives as True/False (none here)
CPU_EXCEPTIONS = True           # software can raise CPU faults: `probe` has faults to raise
BENCH_STYLE_VARIANTS = {}       # bench row styles that are options of another style (none here)
BENCH_REFUSALS = {}             # styles a bench vector cannot have, and why (none here)
TABLE_ENTRY_SIZE = 16           # one generated gate-source entry, the size of a long-mode gate
TABLE_SIZE = TABLE_ENTRY_SIZE * VECTOR_COUNT   # bytes between __isr_table_start and _end
TABLE_ALIGN = 16                # SDM 6.10: align the IDT base on an 8-byte boundary at least
# Where the CPU learns the table's address (reports/explain.py shows the line): file, pattern, what it does.
TABLE_INSTALL = ("kernel/x86_64/idt.c", r"lidt\(&r\)",
                 "the kernel builds the IDT from these gate sources and loads IDTR")
# The tables that gen/keep.ld places and tools/check_elf.py reads back: one
# here, the gate sources, one entry per vector (decoded as "gate-source").
TABLES = ({"name": "idt-source", "format": "gate-source", "section": ".isr_table",
           "start": "__isr_table_start", "end": "__isr_table_end", "entry_size": TABLE_ENTRY_SIZE,
           "size": TABLE_ENTRY_SIZE * VECTOR_COUNT, "align": TABLE_ALIGN, "count": VECTOR_COUNT,
           "first_vector": 0},)
# Gate type in the attribute byte (SDM 6.14.1, table 3-2): 0xE = 64-bit
# interrupt gate, which clears RFLAGS.IF on entry, so the handler starts with
# interrupts masked; 0xF = 64-bit trap gate, which leaves IF as it was, so a
# device interrupt may preempt the handler at once (SDM 6.12.1.3). Bit 7 =
# present; bits 5-6 = DPL, the lowest privilege that may raise the vector
# with INT n (hardware interrupts and exceptions ignore it).
GATE_PRESENT = 0x80
GATE_TYPES = {"interrupt": 0xE, "trap": 0xF}
GATE_INTERRUPT = GATE_PRESENT | GATE_TYPES["interrupt"]


@dataclass(frozen=True)
class Exception_:
    vector: int
    mnemonic: str
    title: str
    error_code: bool
    kind: str        # "fault": RIP = faulting instruction; "trap": RIP = next; "abort": no reliable RIP
    note: str


EXCEPTIONS = {e.vector: e for e in (
    Exception_(0, "#DE", "divide error", False, "fault", "DIV/IDIV by zero or quotient overflow"),
    Exception_(1, "#DB", "debug", False, "trap",
               "single step (RFLAGS.TF), breakpoint registers or INT1; DR6 says which"),
    Exception_(2, "NMI", "non-maskable interrupt", False, "interrupt",
               "NMI pin or IPI; not maskable by RFLAGS.IF, runs on its own IST stack here"),
    Exception_(3, "#BP", "breakpoint", False, "trap", "INT3; RIP points past it, so code resumes"),
    Exception_(4, "#OF", "overflow", False, "trap",
               "INTO with OF=1; INTO is invalid in 64-bit mode, so only `int 4` raises it"),
    Exception_(5, "#BR", "bound range exceeded", False, "fault",
               "BOUND; invalid in 64-bit mode, so only `int 5` raises it"),
    Exception_(6, "#UD", "invalid opcode", False, "fault", "UD2 or an undefined encoding"),
    Exception_(7, "#NM", "device not available", False, "fault",
               "x87/SSE instruction with CR0.TS=1 (lazy FPU switching) or CR0.EM=1"),
    Exception_(8, "#DF", "double fault", True, "abort",
               "a fault while delivering a fault; error code always 0; needs a known-good stack"),
    Exception_(9, "CSO", "coprocessor segment overrun", False, "abort", "386 era; never raised since"),
    Exception_(10, "#TS", "invalid TSS", True, "fault", "task switch or IRET to a bad TSS; selector"),
    Exception_(11, "#NP", "segment not present", True, "fault",
               "loading a segment whose descriptor has P=0; error code = selector"),
    Exception_(12, "#SS", "stack-segment fault", True, "fault",
               "loading SS with a bad or not-present descriptor (selector), or a stack limit check"),
    Exception_(13, "#GP", "general protection", True, "fault",
               "non-canonical address, privilege or segment violation; error code = selector or 0"),
    Exception_(14, "#PF", "page fault", True, "fault",
               "translation failed; CR2 = linear address; error code P/W/U/RSVD/I bits"),
    Exception_(16, "#MF", "x87 floating-point error", False, "fault", "unmasked x87 exception, CR0.NE=1"),
    Exception_(17, "#AC", "alignment check", True, "fault",
               "misaligned access at CPL3 with CR0.AM and RFLAGS.AC; error code 0"),
    Exception_(18, "#MC", "machine check", False, "abort", "hardware error, model specific"),
    Exception_(19, "#XM", "SIMD floating-point", False, "fault", "unmasked SSE exception, CR4.OSXMMEXCPT=1"),
    Exception_(20, "#VE", "virtualization exception", False, "fault", "EPT violation reported to the guest"),
    Exception_(21, "#CP", "control protection", True, "fault", "CET shadow stack or IBT violation"),
    Exception_(28, "#HV", "hypervisor injection", False, "fault", "AMD SEV-SNP"),
    Exception_(29, "#VC", "VMM communication", True, "fault", "AMD SEV-ES"),
    Exception_(30, "#SX", "security exception", True, "fault", "AMD SVM security events"),
)}

# 15, 22-27 and 31 are reserved: the CPU never raises them.
RESERVED = frozenset(range(FIRST_USER_VECTOR)) - EXCEPTIONS.keys()
MNEMONICS = {e.mnemonic.lstrip("#"): e.vector for e in EXCEPTIONS.values()}


def vector_name(vector):
    """The short name shown in report lines and tables."""
    if vector in EXCEPTIONS:
        return EXCEPTIONS[vector].mnemonic
    if vector < FIRST_USER_VECTOR:
        return "RSVD"
    if IRQ_BASE <= vector < IRQ_BASE + IRQ_LINES:
        return f"IRQ{vector - IRQ_BASE}"
    return "SW"


def has_error_code(vector):
    """The CPU pushes an error code on this vector."""
    return vector in EXCEPTIONS and EXCEPTIONS[vector].error_code


def resolve_vector(binding, say):
    """The vector a binding names, or None after saying why it cannot be bound."""
    kind, number = binding.kind, binding.number
    if kind == "exception":
        if isinstance(number, str):
            key = number.lstrip("#").upper()
            if key not in MNEMONICS:
                known = ", ".join(sorted(e.mnemonic for e in EXCEPTIONS.values()))
                say(f"exception {number!r} is not an {NAME} exception; use one of: {known}")
                return None
            return MNEMONICS[key]
        if not is_int(number) or not 0 <= number < VECTOR_COUNT:
            say(f"vector {number!r} out of range 0-{VECTOR_COUNT - 1}; give an exception number or mnemonic")
            return None
        if number >= FIRST_USER_VECTOR:
            say(f"vector {number} is not a CPU exception (those are 0-{FIRST_USER_VECTOR - 1}); "
                f"bind it with irq() or interrupt()")
            return None
        if number in RESERVED:
            say(f"vector {number} is reserved: the CPU never raises it; remove this line")
            return None
        return number
    if kind == "irq":
        if not is_int(number) or not 0 <= number < IRQ_LINES:
            say(f"IRQ {number!r} out of range 0-{IRQ_LINES - 1} ({IRQ_LINES} interrupt lines)")
            return None
        return IRQ_BASE + number
    if not is_int(number) or not 0 <= number < VECTOR_COUNT:
        say(f"vector {number!r} out of range 0-{VECTOR_COUNT - 1}")
        return None
    if number < FIRST_USER_VECTOR:
        say(f"vector {number} is the CPU exception {vector_name(number)}, not free for software "
            f"interrupts or IRQs; bind it with exception({number}, ...) or pick a vector >= {FIRST_USER_VECTOR}")
        return None
    if IRQ_BASE <= number < IRQ_BASE + IRQ_LINES:
        say(f"vector {number} carries IRQ {number - IRQ_BASE}; bind it with irq({number - IRQ_BASE}, ...) "
            f"or pick a vector outside {IRQ_BASE}-{IRQ_BASE + IRQ_LINES - 1}")
        return None
    return number


OPTIONS = {"ist": (0, IST_MAX, "IST index", " (0 = stay on the current stack)"),
           "dpl": (0, DPL_MAX, "DPL", ""),
           "gate": GATE_TYPES}


def check_options(binding, vector, say):
    """Resolved options of a binding: IST index and DPL, each range-checked; the gate type by name."""
    resolved = default_options(vector)
    for name, value in binding.options:
        if name not in OPTIONS:
            say(f"option {name}= does not exist on {NAME}; known: {', '.join(OPTIONS)}")
            continue
        if name == "gate":
            if not isinstance(value, str) or value not in GATE_TYPES:
                say(f"gate={value!r} unknown; use gate=\"interrupt\" (IF cleared on entry, the default) "
                    f"or gate=\"trap\" (IF left as it was)")
            else:
                resolved[name] = value
            continue
        low, high, title, hint = OPTIONS[name]
        if not is_int(value) or not low <= value <= high:
            say(f"{title} {value!r} out of range {low}-{high}{hint}")
            continue
        resolved[name] = value
    return resolved


def default_options(vector):
    return {"ist": 0, "dpl": 0, "gate": "interrupt"}


entry_symbol = direct_entry_symbol


def table_fields(slot):
    """What the table entry of a slot holds besides its target (checked after the link)."""
    gate = GATE_TYPES[slot.option("gate", "interrupt")]
    return {"ist": slot.option("ist"), "type_attr": GATE_PRESENT | (slot.option("dpl") << 5) | gate}


# The kernel's own needs: a spec without these builds a kernel that never
# answers (no timer, no keyboard), or none at all. vector, or handler name ->
# (the line that binds the kernel's handler, why the kernel cannot do without it).
REQUIRED = {
    IRQ_BASE + 0: ('irq(0, "on_pit_tick", style="abi")',
                   "the PIT tick is the kernel's clock: ticks and sleep count it, and the default "
                   "handler sends the 8259 no EOI, which then holds back every lower line, COM1's too "
                   "(kernel/x86_64/irq.c)"),
    IRQ_BASE + 4: ('irq(4, "on_com1", style="stub")',
                   "COM1's receive interrupt is the shell's only input: without it nothing you type "
                   "reaches the kernel (kernel/x86_64/irq.c)"),
    # Handlers the kernel's code raises by their vector (ISR_VECTOR_<handler>
    # in gen/isr.h): bound to any vector, but bound, or the kernel does not compile.
    "on_soft_abi": ('interrupt(0x41, "on_soft_abi", style="abi")',
                    "`int` reports it by its vector, and the ring-3 task and `break` raise it as the "
                    "DPL 0 software gate (kernel/x86_64/softint.c, user.c, breaks.c)"),
    "soft_naked_entry": ('interrupt(0x43, "soft_naked_entry", style="naked")',
                         "its report names its vector (kernel/x86_64/softint.c)"),
    "on_syscall": ('interrupt(0x80, "on_syscall", style="stub", dpl=3, gate="trap")',
                   "the ring-3 task's system calls and `break` raise it as the DPL 3 gate "
                   "(kernel/x86_64/user.c, breaks.c)"),
}


def spec_number(kind, vector):
    """What a spec passes to exception(), irq() or interrupt() for this vector."""
    return vector - IRQ_BASE if kind == "irq" else vector


# One definition of each frame layout, lowest address first. The stub
# emitter pushes the registers in the reverse of this order; the C structs
# and their offset checks are emitted from the same lists.
IRET_FRAME = ("rip", "cs", "rflags", "rsp", "ss")       # pushed by the CPU, SS first
STUB_REGISTERS = ("r15", "r14", "r13", "r12", "r11", "r10", "r9", "r8",
                  "rbp", "rdi", "rsi", "rdx", "rcx", "rbx", "rax")
TRAP_FRAME = STUB_REGISTERS + ("vector", "error_code")  # followed by the iret frame

# The names of the registers, which isr/validate.py refuses as handler names.
# The generated AT&T assembly writes registers with a %, so `call rax` there
# is a call to a label; after `.intel_syntax noprefix` (a naked entry may use
# it) the same line calls through the register.
REGISTER_NAMES = frozenset(
    [f"{p}{r}" for r in ("ax", "bx", "cx", "dx", "si", "di", "bp", "sp") for p in ("r", "e", "")] +
    ["al", "ah", "bl", "bh", "cl", "ch", "dl", "dh", "sil", "dil", "bpl", "spl", "rip", "eip", "ip", "st"] +
    [f"r{n}{s}" for n in range(8, 16) for s in ("", "d", "w", "b")] +
    ["cs", "ds", "es", "fs", "gs", "ss"] + [f"cr{n}" for n in range(9)] + [f"dr{n}" for n in range(8)] +
    [f"{v}mm{n}" for v in "xy" for n in range(16)] + [f"mm{n}" for n in range(8)])


# Where the saved RIP points, by exception kind (SDM 6.5).
SAVED_PC = {"fault": "the faulting instruction, which runs again on return",
            "trap": "the instruction after the one that trapped",
            "abort": "no reliable instruction: the interrupted code cannot go on",
            "interrupt": "the next instruction of the interrupted code"}


SAVED_PC_NAME = "RIP"  # how gen/isr.h names the saved program counter


def describe(vector):
    """(what raises the vector, where the saved RIP points): gen/isr.h and `explain` state both."""
    if vector in EXCEPTIONS:
        e = EXCEPTIONS[vector]
        return f"{e.title}: {e.note}", SAVED_PC[e.kind]
    if vector < FIRST_USER_VECTOR:
        return "nothing: Intel reserves it", "-"
    if IRQ_BASE <= vector < IRQ_BASE + IRQ_LINES:
        line = vector - IRQ_BASE
        chip = "master" if line < 8 else "slave, through the master's IRQ 2"
        return f"IRQ {line} of the 8259 pair ({chip}), remapped to vector {vector}", SAVED_PC["interrupt"]
    return f"software: `int {vector}` (`int 0x{vector:x}`), from ring 0 or as far out as the gate's DPL", \
        "the instruction after the int"


def acknowledge(vector):
    """What a handler must do so that its source does not interrupt again at once."""
    if IRQ_BASE <= vector < IRQ_BASE + IRQ_LINES:
        line = vector - IRQ_BASE
        chips = "the slave, then the master" if line >= 8 else "the master"
        return (f"make the device drop IRQ {line} (COM1: read its receive buffer), then send "
                f"the PIC an EOI (pic_eoi({line}): {chips})")
    if vector in EXCEPTIONS:
        kind = EXCEPTIONS[vector].kind
        if kind == "fault":
            return "remove the cause or move the saved RIP past the instruction: a fault re-runs it"
        if kind == "abort":
            return "never return to the interrupted code (halt, or go to a recovery point): it cannot go on"
        if kind == "interrupt":
            return "nothing: the CPU blocks further NMIs until the next iretq"
        return "nothing: the CPU raises it once per event"
    return "nothing: `int` raises it once"


# How a naked entry that the CPU enters must leave (tools/naked_checks.py),
# in the disassembler's words: IRETQ pops RIP, CS, RFLAGS, RSP and SS (SDM
# 6.14.3). A RET pops only RIP: the next return pops the CS the CPU pushed
# (0x8, KERNEL_CS) as an address, which page-faults at rip=0x8 cr2=0x8.
# IRETL (no REX.W) pops a 32-bit frame. A jump on to shared code is fine.
NAKED_EXIT = {
    "returns": (r"iretq",),
    "wrong": (r"retq?( .*)?", r"iret[lw]", r"lret[lqw]?( .*)?"),
    "must": "iretq",
    "why": ("a plain `ret` pops only the saved RIP and leaves CS, RFLAGS, RSP and SS on the stack, "
            "so the next return jumps to the CS the CPU pushed (0x8): that is the "
            "`[trap] vec=14 ... rip=0x8 cr2=0x8` page fault"),
    "called": frozenset(),       # every IDT gate is entered by the CPU itself
}


# The arch's emitters, for isr/generate.py: gen/isr.h, gen/isr_table.S, gen/isr_stubs.S.
from isr.arch_x86_64 import decode_table, emit_header, emit_stubs, emit_table, listing, machine, pushes, testing, toolchains  # noqa: E402,F401
