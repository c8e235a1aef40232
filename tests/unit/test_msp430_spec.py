"""msp430: spec validation against the MSP430F1611 facts, and what the emitters write (no compiler)."""
import json
import re

import pytest

from isr import arch_msp430 as arch
from isr.generate import render
from isr.validate import SpecError
from tests.unit.spec_files import behind_guards, write_spec

SPEC_LINES = [
    'interrupt("TIMERA0", "tick", style="stub")',
    'interrupt("wdt_vector", "dog", style="abi")',
    'interrupt(49, "p2", style="naked")',
    'interrupt("NMI", "nmi", style="abi")',
    'interrupt("USART0RX", "rx", style="stub")',
]


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("msp430", path)


def rejected(tmp_path, line):
    path, (number,) = write_spec(tmp_path, line)
    with pytest.raises(SpecError) as caught:
        render("msp430", path)
    problem, = caught.value.problems
    assert problem.startswith(f"{path}:{number}: "), problem
    return problem


# -- validation ----------------------------------------------------------------

@pytest.mark.parametrize("number", [64, -1, 0x1FFE4, "0xffec"])
def test_vector_numbers_outside_the_table(tmp_path, number):
    problem = rejected(tmp_path, f'interrupt({number!r}, "h", style="abi")')
    assert "outside the table" in problem or "is not an msp430f1611 vector" in problem


@pytest.mark.parametrize("number", [0, 12, 47])
def test_vectors_the_part_does_not_have(tmp_path, number):
    problem = rejected(tmp_path, f'interrupt({number}, "h", style="abi")')
    assert f"vector {number}: the msp430f1611 has no such vector" in problem and "48 + X/2" in problem


@pytest.mark.parametrize("line", ['interrupt(63, "h", style="naked")', 'interrupt("RESET", "h", style="stub")'])
def test_reset_takes_no_handler(tmp_path, line):
    problem = rejected(tmp_path, line)
    assert "vector 63 (RESET) is where the CPU starts: it holds reset_entry" in problem and "remove this line" in problem


def test_unknown_name_lists_the_part_vectors(tmp_path):
    problem = rejected(tmp_path, 'interrupt("USCIAB0RX", "h", style="abi")')
    assert "is not an msp430f1611 vector" in problem and "TIMERA0" in problem and "PORT1" in problem


@pytest.mark.parametrize("line", ['exception("NMI", "h", style="abi")', 'irq(4, "h", style="abi")'])
def test_one_kind_of_vector(tmp_path, line):
    assert "bind it with interrupt(N or name, ...)" in rejected(tmp_path, line)


def test_priorities_are_fixed(tmp_path):
    problem = rejected(tmp_path, 'interrupt("PORT1", "h", style="abi", priority=1)')
    assert "vector 52 (PORT1): option priority= does not exist on msp430" in problem


def test_header_offsets_map_to_clang_vector_numbers():
    """msp430f1611.h gives byte offsets from 0xFFE0; vector = 48 + offset / 2, word at 0xFF80 + 2N."""
    for name, offset, _ in arch.PART_VECTORS:
        vector = arch.BY_NAME[name.lower()]
        assert arch.TABLE_BASE + 2 * vector == 0xFFE0 + offset
    assert arch.BY_NAME["timera0"] == 54 and arch.BY_NAME["reset"] == arch.RESET == 63


def test_facts_agree_with_the_installed_part_header():
    header = open(f"/usr/msp430/include/{arch.PART}.h").read()
    for name, offset, _ in arch.PART_VECTORS:
        assert re.search(rf"#define {name}_VECTOR\s+\(0x{offset:04X}\)", header), name


# -- emitters ------------------------------------------------------------------

def test_table_holds_64_words_with_reset_last_and_absent_words_erased(tmp_path):
    files = rendered(tmp_path)
    words = re.findall(r"^    \.short (\S+)", files["isr_table.S"], re.M)
    assert all(w.startswith("isr_guard_") for w in words[48:63])
    words = behind_guards(words, files["isr_stubs.S"])
    assert len(words) == 64
    assert words[:48] == ["0xffff"] * 48
    assert words[54] == "isr_stub_54" and words[58] == "dog" and words[49] == "p2"
    assert words[63] == "reset_entry"
    assert words[50] == "isr_default_50"


def test_abi_prototype_carries_the_interrupt_attribute(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert "#define ISR_ABI(n) __attribute__((interrupt(n)))" in header
    assert "ISR_ABI(58) void dog(void);" in header
    assert "void tick(struct trap_frame *frame);" in header
    assert "void p2(void);  /* assembly entry" in header
    assert "/* vector 54 TIMERA0 (0xFFEC), stub," in header


def test_trap_frame_offsets_follow_the_push_order(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    stubs = rendered(tmp_path)["isr_stubs.S"]
    stub = stubs[stubs.index("isr_stub_54:"):stubs.index(".size isr_stub_54")]
    pushes = re.findall(r"^    push (\S+)", stub, re.M)
    assert pushes == [f"r{n}" for n in range(15, 3, -1)] + ["#54"]
    # The last push is the lowest address: the frame reads the pushes backwards, then SR and PC.
    fields = ["vector"] + [f"r{n}" for n in range(4, 16)] + ["sr", "pc"]
    for offset, field in enumerate(fields):
        assert f"offsetof(struct trap_frame, {field}) == {2 * offset}," in header
    assert "call #tick" in stub and stub.rstrip().endswith("reti                     ; pops SR (as the handler left it) and PC")


def test_default_entries_join_the_common_path_with_their_vector(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    assert re.search(r"isr_default_50:\n    push r15\n    mov #50, r15\n    br #isr_default_common", stubs)
    assert "call #isr_default_handler" in stubs


def test_keep_fragment_places_the_table_at_0xff80_and_keeps_every_handler(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    assert ".isr.isr_table 0xFF80 : {" in keep and "KEEP(*(.isr_table))" in keep
    assert "ASSERT(__isr_table_start == 0xFF80" in keep
    assert "ASSERT(__isr_table_end - __isr_table_start == 128" in keep
    for handler in ("tick", "dog", "p2", "nmi"):
        assert f"KEEP(*(.text.{handler}))" in keep
    assert keep.index(".isr : ALIGN") < keep.index("__isr_before_fixed = .;") < keep.index(".isr.isr_table") \
        < keep.index(". = __isr_before_fixed;")


def test_manifest_names_the_table_its_address_and_the_fixed_reset_word(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    table, = manifest["tables"]
    assert (table["format"], table["address"], table["size"], table["fixed"]) == \
        ("msp430-words", 0xFF80, 128, {"63": "reset_entry"})
    assert [s["vector"] for s in manifest["vectors"]] == list(range(48, 63))


def test_the_launcher_serves_the_requests_the_kernel_makes():
    """kernel/msp430/host.h numbers the requests; qemu/mspdebug_sim.py must use the same numbers."""
    from qemu import mspdebug_sim
    from tests.conftest import ROOT
    header = (ROOT / "kernel" / "msp430" / "host.h").read_text()
    numbered = dict(re.findall(r"^\s+(HOST_\w+) = (\d+),", header, re.M))
    assert numbered and {name: int(n) for name, n in numbered.items()} == \
        {name: getattr(mspdebug_sim, name) for name in numbered}
