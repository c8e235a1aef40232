"""reports/handler_cost.py read against what the generator promised: a stub stores
exactly its trap frame, and the compiler's interrupt convention stores less."""
import re
import subprocess

import pytest
from elftools.elf.elffile import ELFFile

from isr.languages import LANGUAGES
from reports import handler_cost, lang_kernels
from tools import handler_langs

ARCHES = ("x86_64", "aarch64", "riscv64", "cortex-m", "arm32", "avr", "msp430")

# Register words a generated stub (with the shared code it jumps to, without the C
# handler) stores, from each arch's trap frame:
STUB_SAVES = {
    "x86_64": 15,      # rax..r15 but rsp; the vector and dummy error code are immediates
    "aarch64": 36,     # x0-x30, ELR/SPSR/ESR/FAR_EL1 (through x0/x1), the vector
    "riscv64": 36,     # x1-x31, mepc/mcause/mtval/mstatus, the vector
    "cortex-m": 11,    # r4-r11, the exception number, the frame pointer, EXC_RETURN (+1 pad word, not a store)
    "arm32": 18,       # r0-r12, SP and LR of the USR/SYS bank, the return address, SPSR, the vector
    "avr": 36,         # r0-r31, SREG, RAMPZ, EIND, the vector: one byte each
    "msp430": 12,      # r4-r15; the vector is an immediate
}


@pytest.fixture(scope="module")
def rows(kernel):
    return {arch: handler_cost.costs(arch) for arch in ARCHES if kernel(arch)}


@pytest.mark.parametrize("arch", ARCHES)
def test_every_stub_stores_exactly_its_trap_frame(rows, arch):
    elf = handler_cost.toolchain.kernel_elf(arch)
    stubs = [(slot, path) for slot, path, _, _ in rows[arch]
             if slot["style"] == "stub" and slot["entry"] != slot["handler"]]
    assert stubs, f"the {arch} spec binds no generated stub"
    for slot, path in stubs:
        entry_only = [name for name in path if name != slot["handler"]]
        saved = sum(handler_cost.saved_words(arch, handler_cost.disassemble(arch, elf, name))
                    for name in entry_only)
        assert saved == STUB_SAVES[arch], f"vector {slot['vector']} ({slot['name']}): {' -> '.join(entry_only)}"


@pytest.mark.parametrize("arch", ["x86_64", "riscv64", "cortex-m", "msp430"])
def test_abi_handlers_store_fewer_words_than_any_stub_path(rows, arch):
    """The point of the compiler's interrupt convention: save what the handler
    uses (and what its calls may clobber), not the whole register file. Among
    the kernel's own handlers: a bench stub's empty C body (msp430: 12 words,
    the stub alone) is held like for like to its abi twin in tests/qemu/test_cost.py."""
    abi = {slot["handler"]: saved for slot, _, saved, _ in rows[arch] if slot["style"] == "abi"}
    stub = [saved for slot, _, saved, _ in rows[arch] if slot["style"] == "stub" and not slot["bench"]]
    assert abi and stub
    assert max(abi.values()) < min(stub), abi


def test_avr_blocking_abi_handlers_store_fewer_bytes_than_any_stub_path(rows):
    """avr-gcc's `signal` saves r0, r1, SREG, RAMPZ and what the body and its calls
    may clobber; a nonblocking handler that reports through printf may save more."""
    abi = {slot["handler"]: saved for slot, _, saved, _ in rows["avr"]
           if slot["style"] == "abi" and not slot["options"]["nonblocking"]}
    stub = [saved for slot, _, saved, _ in rows["avr"] if slot["style"] == "stub"]
    assert abi and stub
    assert max(abi.values()) < min(stub), abi


def test_aarch64_gic_handlers_are_costed_through_the_irq_stub_and_dispatcher(rows):
    for slot, path, _, _ in rows["aarch64"]:
        if slot["vector"] >= 16:
            assert path[:2] == ["isr_stub_5", "gic_dispatch"] and path[-1] == slot["handler"]


def test_command_prints_a_row_per_bound_vector_and_a_summary_per_style(rows, capsys):
    assert handler_cost.main(["cortex-m"]) == 0
    printed = capsys.readouterr().out.splitlines()
    bound = [slot for slot, _, _, _ in rows["cortex-m"]]
    for slot in bound:
        assert any(line.split()[:3] == [str(slot["vector"]), slot["name"], slot["style"]] for line in printed)
    assert any(line.strip().startswith("abi: median") for line in printed)


def test_command_names_an_unknown_arch(capsys):
    assert handler_cost.main(["mips"]) == 2
    assert f"unknown arch 'mips'; known: {', '.join(handler_cost.toolchain.TARGETS)}" in capsys.readouterr().err


def test_arm32_fiq_entry_saves_fewer_words_than_the_irq_entry_with_the_same_body(rows):
    """gic_irq and gic_fiq differ only in their interrupt kind: FIQ mode banks r8-r12,
    so the FIQ entry need not save r12 or r11 before its call; the IRQ entry must."""
    saved = {slot["options"].get("kind"): words for slot, _, words, _ in rows["arm32"]
             if slot["vector"] < 8 and slot["style"] == "abi"}
    assert saved["FIQ"] < saved["IRQ"], saved


def test_arm32_gic_handlers_are_costed_through_the_entry_of_their_group(rows):
    manifest = rows["arm32"]
    entries = {slot["vector"]: slot["entry"] for slot, _, _, _ in manifest if slot["vector"] < 8}
    for slot, path, _, _ in manifest:
        if slot["vector"] >= 8:
            assert path[0] == entries[7 if slot["options"]["fiq"] else 6] and path[-1] == slot["handler"]


AVR_PUSH = re.compile(r"^\s*[0-9a-f]+:\s+push\s+r\d+", re.M)
AVR_LANGS = [lang for lang, language in LANGUAGES.items() if language.family and handler_langs.sources("avr", lang)]


@pytest.mark.parametrize("lang", AVR_LANGS)
def test_avr_language_abi_handlers_are_costed_by_the_code_they_run(lang, kernel):
    """A language's abi handler is linked under its __vector_N name through an
    alias in gen/keep.ld, to which ld gives an address but no size; its saved
    words and bytes are those of the function behind the alias: the pushes in
    avr-objdump's listing of the handler's own symbol, from its address over its
    st_size, read here from the ELF without tools/elf_symbols.py. Every `signal`
    function pushes r0 and then SREG through r0, so at least two."""
    kernel("avr")
    try:
        built = lang_kernels.build("avr", lang)
    except lang_kernels.LanguageKernelError as error:
        pytest.fail(f"the {lang} kernel of avr does not build:\n{error}")
    with open(built["elf"], "rb") as f:
        extent = {s.name: (s["st_value"], s["st_size"]) for s in ELFFile(f).get_section_by_name(".symtab").iter_symbols()}
    rows = [(slot, path, saved, size) for slot, path, saved, size in
            handler_cost.costs("avr", elf=built["elf"], manifest=built["manifest"])
            if slot["style"] == "abi" and slot["lang"] == lang]
    assert rows, f"the {lang} kernel of avr binds no {lang} abi handler"
    for slot, path, saved, size in rows:
        start, length = extent[slot["handler"]]
        assert length, f"{slot['handler']} has no size in {built['elf']}"
        listing = subprocess.run([handler_cost.toolchain.TARGETS["avr"]["objdump"], "-d", "--no-show-raw-insn",
                                  f"--start-address={start}", f"--stop-address={start + length}", str(built["elf"])],
                                 capture_output=True, text=True, check=True).stdout
        pushes = len(AVR_PUSH.findall(listing))
        assert pushes >= 2, f"{slot['handler']}: {pushes} push(es) in\n{listing}"
        assert (saved, size) == (pushes, length), \
            f"vector {slot['vector']} ({slot['handler']}, through {' -> '.join(path)}):\n{listing}"
