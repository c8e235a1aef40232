"""x86_64 interrupt facts (Intel SDM vol. 3A, chapter 6), the arch model for isr/.

Each exception is documented where it is declared: when the CPU raises it,
whether it pushes an error code, where the saved RIP points, whether the
interrupted code can resume.
"""
from dataclasses import dataclass

NAME = "x86_64"
VECTOR_COUNT = 256
FIRST_USER_VECTOR = 32          # 0-31 are reserved for CPU exceptions
IRQ_BASE = 32                   # the kernel remaps the 8259 PIC pair to 32-47
IRQ_LINES = 16                  # master IRQ 0-7, slave IRQ 8-15
IST_MAX = 7                     # the TSS holds IST1..IST7; 0 means "no stack switch"
DPL_MAX = 3
KERNEL_CS = 0x08                # GDT index 1; kernel/x86_64/gdt.c asserts the same value
STYLES = ("abi", "stub", "naked")
STYLE_REFUSALS = {}            # every style has a compiler and a table format here
TABLE_ENTRY_SIZE = 16           # one generated gate-source entry, the size of a long-mode gate
TABLE_ALIGN = 16                # SDM 6.10: align the IDT base on an 8-byte boundary at least
# Gate type in the attribute byte: 0xE = 64-bit interrupt gate (clears IF on
# entry, so handlers start with interrupts masked); bit 7 = present.
GATE_INTERRUPT = 0x8E


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


def pushes_error_code(vector):
    return vector in EXCEPTIONS and EXCEPTIONS[vector].error_code


# One definition of each frame layout, lowest address first. The stub
# emitter pushes the registers in the reverse of this order; the C structs
# and their offset checks are emitted from the same lists.
IRET_FRAME = ("rip", "cs", "rflags", "rsp", "ss")       # pushed by the CPU, SS first
STUB_REGISTERS = ("r15", "r14", "r13", "r12", "r11", "r10", "r9", "r8",
                  "rbp", "rdi", "rsi", "rdx", "rcx", "rbx", "rax")
TRAP_FRAME = STUB_REGISTERS + ("vector", "error_code")  # followed by the iret frame
