"""What the emitters write, read without a compiler."""
import json
import os
import re

from isr import arch_x86_64 as arch
from isr.generate import generate, render, write_if_changed
from tests.unit.spec_files import behind_guards, required_lines, write_spec

SPEC_LINES = [
    'exception("#BP", "bp_abi", style="abi")',
    'exception("#PF", "pf_abi", style="abi")',
    'exception("#UD", "ud_stub", style="stub")',
    'exception("#GP", "gp_stub", style="stub")',
    'exception("#DF", "df_stub", style="stub", ist=1)',
    'irq(0, "tick", style="abi")',
    'interrupt(0x43, "soft_naked_entry", style="naked")',
    'interrupt(0x80, "on_syscall", style="stub", dpl=3)',
] + required_lines("x86_64", arch.IRQ_BASE + 0, "soft_naked_entry", "on_syscall")


def rendered(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    return render("x86_64", path)


def table_entries(text):
    """(entry, ist, type_attr, vector) per entry of isr_table.S."""
    return [(m[1], int(m[2]), int(m[3], 16), int(m[4])) for m in re.finditer(
        r"\.quad (\w+)\n\s+\.byte (\d+), 0x([0-9a-f]+)\n\s+\.short (\d+)", text)]


def stub_body(text, symbol):
    start = text.index(f"{symbol}:\n")
    return text[start:text.index(".size", start)]


def test_prototypes_follow_style_and_error_code(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert "ISR_ABI void bp_abi(struct interrupt_frame *frame);" in header
    assert "ISR_ABI void pf_abi(struct interrupt_frame *frame, uint64_t error_code);" in header
    assert "void ud_stub(struct trap_frame *frame);" in header
    assert "void gp_stub(struct trap_frame *frame);" in header
    assert re.search(r"void soft_naked_entry\(void\);", header)
    assert "void isr_default_handler(struct trap_frame *frame);" in header


def test_trap_frame_layout_and_offset_asserts(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    for index, field in enumerate(arch.TRAP_FRAME):
        assert f"offsetof(struct trap_frame, {field}) == {8 * index}," in header
    assert f"offsetof(struct trap_frame, iret) == {8 * len(arch.TRAP_FRAME)}," in header
    assert (8 * len(arch.TRAP_FRAME) + 8 * len(arch.IRET_FRAME)) % 16 == 0


def test_table_has_one_gate_per_vector_with_ist_and_dpl(tmp_path):
    files = rendered(tmp_path)
    entries = table_entries(files["isr_table.S"])
    assert all(e[0] == f"isr_guard_{e[3]}" for e in entries)          # every gate enters its storm guard
    names = behind_guards([e[0] for e in entries], files["isr_stubs.S"])
    entries = [(name,) + e[1:] for name, e in zip(names, entries)]
    assert [e[3] for e in entries] == list(range(256))
    by_vector = {e[3]: e for e in entries}
    assert by_vector[3] == ("bp_abi", 0, 0x8E, 3)           # abi: the gate is the C function
    assert by_vector[6] == ("isr_stub_6", 0, 0x8E, 6)       # stub: the gate is the stub
    assert by_vector[8] == ("isr_stub_8", 1, 0x8E, 8)       # IST 1
    assert by_vector[67] == ("soft_naked_entry", 0, 0x8E, 67)       # naked: the user's entry
    assert by_vector[128] == ("isr_stub_128", 0, 0xEE, 128)  # DPL 3
    assert by_vector[200] == ("isr_default_200", 0, 0x8E, 200)


def test_stub_pushes_a_dummy_error_code_only_where_the_cpu_pushes_none(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    ud = stub_body(stubs, "isr_stub_6")
    assert re.search(r"pushq \$0\b.*\n(?:\s+\.cfi\S* [^\n]*\n)*\s+pushq \$6\n", ud)
    gp = stub_body(stubs, "isr_stub_13")
    assert "pushq $0 " not in gp and "pushq $13" in gp
    assert "call gp_stub" in gp and "addq $16, %rsp" in gp and "iretq" in gp


def test_stub_saves_registers_in_the_reverse_of_the_frame_order(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    save = stubs[stubs.index(".macro ISR_SAVE"):stubs.index(".endm")]
    pushed = re.findall(r"pushq %(\w+)", save)
    assert pushed == list(reversed(arch.STUB_REGISTERS))


def test_default_entries_report_their_vector(tmp_path):
    stubs = rendered(tmp_path)["isr_stubs.S"]
    body = stub_body(stubs, "isr_default_17")          # #AC: pushes an error code
    assert "pushq $0 " not in body and "pushq $17" in body and "jmp isr_default_common" in body
    body = stub_body(stubs, "isr_default_16")          # #MF: pushes none
    assert "pushq $0 " in body and "pushq $16" in body


def test_keep_fragment_keeps_table_and_every_handler(tmp_path):
    keep = rendered(tmp_path)["keep.ld"]
    for pattern in ("*(.isr_table)", "*(.isr_symbols)", "*(.text.isr_stubs)", "*(.text.bp_abi)",
                    "*(.text.soft_naked_entry)", "*(.text.on_syscall)"):
        assert f"KEEP({pattern})" in keep
    assert 'ASSERT(DEFINED(pf_abi), "' in keep and "vector 14 (#PF)" in keep


def test_keep_fragment_without_keep_for_the_drop_test(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    keep = render("x86_64", path, keep=False)["keep.ld"]
    assert "KEEP(" not in keep and "*(.isr_table)" in keep


def test_manifest_is_the_contract(tmp_path):
    manifest = json.loads(rendered(tmp_path)["manifest.json"])
    assert manifest["tables"][0]["count"] == 256 and manifest["tables"][0]["entry_size"] == 16
    slot = manifest["vectors"][14]
    assert (slot["handler"], slot["style"], slot["entry"], slot["error_code"]) == \
        ("pf_abi", "abi", "pf_abi", True)
    assert manifest["vectors"][128]["table_entry"] == {"ist": 0, "type_attr": 0xEE}
    assert manifest["vectors"][8]["options"] == {"ist": 1, "dpl": 0, "gate": "interrupt"}
    assert manifest["vectors"][201]["style"] == "default"


def test_every_file_opens_with_a_do_not_edit_banner(tmp_path):
    for name, text in rendered(tmp_path).items():
        if name != "manifest.json":
            assert "Generated by isr/" in text.splitlines()[0] and "do not edit" in text.splitlines()[0]


def test_generate_rewrites_only_what_changed(tmp_path):
    path, _ = write_spec(tmp_path, *SPEC_LINES)
    out = tmp_path / "gen"
    assert len(generate("x86_64", path, out)) == 6
    assert generate("x86_64", path, out) == []
    path.write_text(path.read_text().replace("ist=1", "ist=3"))
    assert sorted(generate("x86_64", path, out)) == ["isr_table.S", "manifest.json"]


def test_write_if_changed_is_atomic_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "f.txt"
    assert write_if_changed(target, "one")
    stamp = os.stat(target).st_mtime_ns
    assert not write_if_changed(target, "one")
    assert os.stat(target).st_mtime_ns == stamp
    assert write_if_changed(target, "two") and target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_shipped_spec_mixes_styles_on_each_kind_of_vector():
    """abi and stub both appear on exceptions with and without an error code, IRQs and int N."""
    manifest = json.loads(render("x86_64", "isr/x86_64.py")["manifest.json"])
    kinds = {}
    for slot in manifest["vectors"]:
        if slot["style"] in ("abi", "stub"):
            shape = (slot["kind"], slot["error_code"] if slot["kind"] == "exception" else None)
            kinds.setdefault(shape, set()).add(slot["style"])
    for shape in [("exception", True), ("exception", False), ("irq", None), ("software", None)]:
        assert kinds[shape] == {"abi", "stub"}, shape


def test_each_prototype_says_what_raises_it_where_the_pc_points_and_its_number(tmp_path):
    """The x86_64 crate's three parts, above every prototype, from the arch model's facts."""
    files = rendered(tmp_path)
    header = files["isr.h"]
    for slot in json.loads(files["manifest.json"])["vectors"]:
        if slot["style"] == "default":
            continue
        raised, saved = arch.describe(slot["vector"])
        block = re.search(rf"/\* vector {slot['vector']} .*?\*/\n(.*);", header, re.S)
        assert block and re.search(rf"\b{slot['handler']}\(", block[1]), slot["handler"]
        assert f" *   Raised by: {raised}.\n *   Saved RIP: {saved}.\n" \
               f" *   The vector number of {slot['name']} is {slot['vector']} (0x{slot['vector']:x}). */" in block[0]


def test_vector_numbers_are_generated_constants(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert "#define ISR_VEC_PF 14\n" in header and "#define ISR_VEC_IRQ4 36\n" in header
    assert "#define ISR_VECTOR_on_syscall 128\n" in header and "#define ISR_VECTOR_tick 32\n" in header
    assert "ISR_VEC_SW " not in header and "ISR_VEC_RSVD " not in header, "names shared by many vectors get none"


def text_per_vector(info, name):
    """The texts a table of isr_info.c gives each vector (isr/emit_info.py text_per_vector), and its texts."""
    texts = info[info.index(f"{name}_texts[] = {{"):]
    texts = re.findall(r'^    "(.*)",$', texts[:texts.index("};")], re.M)
    ids = re.search(rf"{name}_of_vector\[ISR_VECTOR_COUNT\] = \{{([0-9, ]+)\}};", info)[1].split(", ")
    return [texts[int(i)] for i in ids], texts


def test_isr_info_says_how_each_vector_is_acknowledged(tmp_path):
    per_vector, texts = text_per_vector(rendered(tmp_path)["isr_info.c"], "ack")
    assert per_vector == [arch.acknowledge(v) for v in range(arch.VECTOR_COUNT)]
    assert len(texts) == len(set(texts))


def test_isr_info_gives_each_vector_the_style_its_manifest_slot_has(tmp_path):
    """What report lines print (kernel/report.c): a spec edit of a style changes it, no kernel edit."""
    lines = [line.replace('"gp_stub", style="stub"', '"gp_abi", style="abi"') for line in SPEC_LINES]
    gp = next(v for v in range(arch.VECTOR_COUNT) if arch.vector_name(v) == "#GP")
    for name, spec, gp_style in (("spec", SPEC_LINES, "stub"), ("edited", lines, "abi")):
        path, _ = write_spec(tmp_path, *spec, name=f"{name}.py")
        files = render("x86_64", path)
        styles, _ = text_per_vector(files["isr_info.c"], "style")
        assert styles == [s["style"] for s in json.loads(files["manifest.json"])["vectors"]], name
        assert styles[gp] == gp_style, name


def test_every_generated_entry_has_unwind_information(tmp_path):
    """CFI in .debug_frame: where the interrupted RIP and RSP sit in the CPU's frame
    (16 is RIP's DWARF number), so GDB's bt crosses into the interrupted code."""
    stubs = rendered(tmp_path)["isr_stubs.S"]
    assert ".cfi_sections .debug_frame" in stubs
    entries = re.findall(r"^(\w+):\n((?:.*\n)*?)    \.size \1,", stubs, re.M)
    # isr_storm_trip is no entry: only a guard whose budget ran out calls it, and it has no CFI
    entries = [(name, body) for name, body in entries if name != "isr_storm_trip"]
    assert entries and len(entries) == stubs.count(".cfi_startproc") == stubs.count(".cfi_endproc")
    for name, body in entries:
        assert body.lstrip().startswith(".cfi_startproc\n    .cfi_signal_frame"), name
        assert ".cfi_offset 16, -40" in body and ".cfi_offset %rsp, -16" in body, name


def test_trap_gate_sets_type_0xf_in_the_table_and_the_manifest(tmp_path):
    """gate="trap" keeps IF as it was on entry (type 0xF); the default interrupt gate clears it (0xE)."""
    path, _ = write_spec(tmp_path, 'interrupt(0x80, "on_syscall", style="stub", dpl=3, gate="trap")',
                         'interrupt(0x42, "soft", style="stub")', *required_lines("x86_64", "on_syscall"))
    files = render("x86_64", path)
    by_vector = {e[3]: e for e in table_entries(files["isr_table.S"])}
    assert by_vector[0x80][2] == 0xEF and by_vector[0x42][2] == 0x8E
    assert "trap gate" in files["isr_table.S"]
    manifest = {s["vector"]: s for s in json.loads(files["manifest.json"])["vectors"]}
    assert manifest[0x80]["options"]["gate"] == "trap" and manifest[0x80]["table_entry"]["type_attr"] == 0xEF
    assert manifest[0x42]["options"]["gate"] == "interrupt"


def test_header_names_each_handler_vector(tmp_path):
    header = rendered(tmp_path)["isr.h"]
    assert "#define ISR_VECTOR_on_syscall 128" in header and "#define ISR_VECTOR_bp_abi 3" in header
    assert "ISR_VECTOR_isr_default_handler" not in header
