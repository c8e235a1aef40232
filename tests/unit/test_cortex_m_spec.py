"""cortex-m: spec validation against the ARMv7-M facts, and what the emitters write (no compiler)."""
import json
import re

import pytest

from isr import arch_cortex_m as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, write_spec

SPEC_LINES = [
    'exception("Reset", "boot", style="naked")',
    'exception("HardFault", "hard", style="stub")',
    'exception("usagefault", "usage", style="abi", priority=0x20)',
    'exception(11, "svc", style="stub")',
    'exception("SysTick", "tick", style="abi", priority=0x60)',
    'irq(0, "rx", style="stub", priority=0x80)',
    'irq(31, "last", style="abi")',
]


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("cortex-m", path)


def rejected(tmp_path, line):
    path, (number,) = write_spec(tmp_path, line)
    with pytest.raises(SpecError) as caught:
        render("cortex-m", path)
    problem, = caught.value.problems
    assert problem.startswith(f"{path}:{number}: "), problem
    return problem


# -- validation ----------------------------------------------------------------

def test_word_0_is_the_stack_pointer_not_a_handler(tmp_path):
    problem = rejected(tmp_path, 'exception(0, "h", style="abi")')
    assert "initial stack pointer" in problem and "__stack_top" in problem


@pytest.mark.parametrize("number", [7, 8, 9, 10, 13])
def test_reserved_exceptions(tmp_path, number):
    assert f"exception {number} is reserved on ARMv7-M" in rejected(tmp_path, f'exception({number}, "h", style="abi")')


def test_unknown_exception_name_lists_the_known_ones(tmp_path):
    problem = rejected(tmp_path, 'exception("#PF", "h", style="abi")')
    assert "is not a cortex-m exception" in problem and "HardFault" in problem and "SysTick" in problem


def test_external_interrupts_beyond_the_board(tmp_path):
    assert "IRQ 32 out of range 0-31" in rejected(tmp_path, 'irq(32, "h", style="abi")')


def test_exception_number_of_an_irq_must_use_irq(tmp_path):
    assert "bind external interrupts with irq()" in rejected(tmp_path, 'exception(16, "h", style="abi")')


def test_no_software_interrupt_vectors(tmp_path):
    problem = rejected(tmp_path, 'interrupt(0x80, "h", style="stub")')
    assert "no software-interrupt vectors" in problem and "SVCall" in problem and "NVIC_STIR" in problem


@pytest.mark.parametrize("name", ["Reset", "NMI", "HardFault"])
def test_fixed_priorities_cannot_be_set(tmp_path, name):
    problem = rejected(tmp_path, f'exception("{name}", "h", style="stub", priority=0x20)')
    assert f"vector {arch.BY_NAME[name.lower()]} ({name}): {name} has a fixed priority" in problem


@pytest.mark.parametrize("priority", [0x10, 256, -32, "high"])
def test_priority_must_be_an_implemented_level(tmp_path, priority):
    problem = rejected(tmp_path, f'irq(3, "h", style="abi", priority={priority!r})')
    assert "must be a multiple of 0x20 in 0-255" in problem and "top 3 bits" in problem


def test_x86_options_do_not_exist_here(tmp_path):
    assert "option ist= does not exist on cortex-m; known: priority" in \
        rejected(tmp_path, 'irq(3, "h", style="abi", ist=1)')


def test_no_error_code_on_any_exception(tmp_path):
    problem = rejected(tmp_path, 'exception("BusFault", "h", style="stub", error_code=True)')
    assert "vector 5 (BusFault): error_code=True disagrees with the CPU: BusFault stacks no error code" in problem


# -- generated files -------------------------------------------------------------

def test_table_is_the_stack_top_then_one_word_per_exception(tmp_path):
    files = rendered(tmp_path)
    words = re.findall(r"\.word (\w+)", files["isr_table.S"])
    assert words[1] == "boot" and all(w.startswith("isr_guard_") for w in words[2:])   # the reset has no guard
    words = behind_guards(words, files["isr_stubs.S"])
    assert len(words) == arch.VECTOR_COUNT == 48
    assert words[0] == "__stack_top"
    assert words[1] == "boot"                     # naked: the user's entry
    assert words[3] == "isr_stub_3"               # stub: the generated entry
    assert words[6] == "usage"                    # abi: the plain C function itself
    assert words[15] == "tick" and words[16] == "isr_stub_16" and words[47] == "last"
    assert words[2] == "isr_default_2" and words[7] == "isr_default_7"
    assert ".balign 256" in files["isr_table.S"] and ".thumb" in files["isr_table.S"]


def test_prototypes_follow_the_style(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert re.search(r"^void usage\(void\);", header, re.M)     # abi: an ordinary AAPCS function
    assert re.search(r"^void tick\(void\);", header, re.M)
    assert "void hard(struct trap_frame *frame);" in header
    assert re.search(r"^void boot\(void\);  /\* assembly entry", header, re.M)
    assert "void isr_default_handler(struct trap_frame *frame);" in header


def test_frame_layouts_have_offset_asserts(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for index, field in enumerate(arch.EXCEPTION_FRAME):
        assert f"offsetof(struct exception_frame, {field}) == {4 * index}," in header
    for index, field in enumerate(arch.TRAP_FRAME):
        assert f"offsetof(struct trap_frame, {field}) == {4 * index}," in header
    assert len(arch.TRAP_FRAME) % 2 == 0, "the stub frame must keep SP 8-byte aligned"


def test_stub_enters_the_common_path_with_its_number_and_handler(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    body = stubs[stubs.index("isr_stub_16:\n"):stubs.index(".size isr_stub_16")]
    assert "movs r0, #16" in body and "#:lower16:rx" in body and "#:upper16:rx" in body
    assert "b isr_trap_common" in body
    common = stubs[stubs.index("isr_trap_common:\n"):stubs.index(".size isr_trap_common")]
    pushes = re.findall(r"push \{([^}]*)\}", common)
    # Pushed last is lowest in memory: r4-r11, then vector, frame, exc_return, then the pad.
    assert pushes == ["r0, r1, lr", "r4-r11"] and "sub sp, #4" in common
    assert "tst lr, #4" in common and "mrsne r1, psp" in common and "bx lr" in common


def test_defaults_are_weak_aliases_of_one_entry_that_reads_ipsr(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    assert "mrs r0, ipsr" in stubs[stubs.index("isr_default_entry:\n"):]
    for vector in (2, 7, 14, 17, 46):
        assert f".weak isr_default_{vector}\n" in stubs
        assert f".thumb_set isr_default_{vector}, isr_default_entry" in stubs
    assert ".weak isr_default_16" not in stubs


def test_priorities_table_follows_the_spec(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    values = [int(v) for v in re.findall(r"^\s+\.short (-?\d+)", stubs, re.M)]
    assert len(values) == 48
    assert values[0] == values[1] == values[2] == values[3] == -1        # SP, Reset, NMI, HardFault
    assert (values[6], values[15], values[16], values[47]) == (0x20, 0x60, 0x80, arch.DEFAULT_PRIORITY)
    assert values[7] == -1                                                 # reserved


def test_keep_fragment_asserts_table_size_and_names_spec_lines(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    assert "KEEP(*(.isr_table))" in keep and "KEEP(*(.text.usage))" in keep
    assert "ASSERT(__isr_table_end - __isr_table_start == 192," in keep
    assert "ASSERT(__isr_table_start % 256 == 0," in keep
    assert re.search(r'ASSERT\(DEFINED\(tick\), "\S+spec.py:\d+: vector 15 \(SysTick\): handler tick', keep)
    assert "linker/cortex-m.ld" in keep


def test_manifest_names_the_fixed_word_and_the_thumb_bit(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    table, = manifest["tables"]
    assert {k: table[k] for k in ("start", "end", "entry_size", "size", "align", "count", "fixed")} == \
        {"start": "__isr_table_start", "end": "__isr_table_end", "entry_size": 4, "size": 192,
         "align": 256, "count": 48, "fixed": {"0": "__stack_top"}}
    assert [s["vector"] for s in manifest["vectors"]] == list(range(1, 48))
    assert all(s["table_entry"] == {"thumb": 1} for s in manifest["vectors"])
    usage = manifest["vectors"][5]
    assert (usage["vector"], usage["name"], usage["style"], usage["options"]) == \
        (6, "UsageFault", "abi", {"priority": 0x20})


def test_vector_names_in_isr_info_are_indexed_by_exception_number(tmp_path):
    info = rendered(tmp_path)["isr_info.c"]
    names = re.search(r"isr_vector_names\[ISR_VECTOR_COUNT\] = \{(.*)\};", info)[1]
    names = [n.strip().strip('"') for n in names.split(",")]
    assert names[:4] == ["SP", "Reset", "NMI", "HardFault"]
    assert names[16] == "UART0_RX" and names[24] == "TIMER0" and names[47] == "IRQ31"
