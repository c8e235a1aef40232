"""qemu/bounds.py without QEMU: the file cap, bounded reads of a log, the capped transcript, the endings."""
import resource
import signal
import subprocess

from qemu import bounds, int_log
from qemu.ending import classify
from qemu.profiles import profile


def test_tail_text_reads_only_the_last_bytes_from_a_whole_line(tmp_path):
    log = tmp_path / "qemu.log"
    log.write_text("".join(f"line {n}\n" for n in range(100000)))         # 1.1 MB
    tail = bounds.tail_text(log, 1000)
    assert len(tail) <= 1000 and tail.endswith("line 99999\n") and tail.startswith("line ")
    assert bounds.tail_text(tmp_path / "none") == ""


def test_busiest_source_names_what_fills_a_log():
    riscv = profile("riscv64")
    line = "riscv_cpu_do_interrupt: hart:0, async:1, cause:0000000000000007, epc:0x80001234, tval:0x0, desc=m_timer\n"
    other = line.replace("desc=m_timer", "desc=m_external")
    assert int_log.busiest_source(riscv, line * 9 + other) == "m_timer (9 of the last 10 interrupts it logged)"
    assert int_log.busiest_source(profile("avr"), line) is None        # -d int logs nothing on AVR
    x86 = "     7: v=20 e=0000 i=0 cpl=0 IP=0008:0000000000101000 pc=0000000000101000 SP=0010:0\n"
    assert int_log.busiest_source(profile("x86_64"), x86 * 3).startswith("v=20 (3 of the last 3")


def test_an_emulator_stopped_by_the_file_cap_is_told_as_a_storm():
    tail = "riscv_cpu_do_interrupt: hart:0, async:1, cause:7, epc:0x1, tval:0x0, desc=m_timer\n" * 4
    ending = classify(profile("riscv64"), -signal.SIGXFSZ, "", None, tail)
    assert ending.kind == "file-cap"
    assert "QEMU's log passed 64 MB" in ending.detail and "an interrupt storm?" in ending.detail
    assert "an interrupt storm? m_timer (4 of the last 4 interrupts it logged) fills it." in ending.detail


def test_a_child_with_the_file_cap_is_stopped_at_the_cap_and_leaves_no_core(tmp_path):
    """The kernel enforces it: the child gets SIGXFSZ at the cap, whatever the parent does,
    even from this Python, which ignores SIGXFSZ itself (and pexpect's fork would pass that on)."""
    out = tmp_path / "big"
    with open(out, "wb") as sink:
        child = subprocess.run(["yes"], stdout=sink, preexec_fn=bounds.limit_files, timeout=60,
                               restore_signals=False)
    assert bounds.stopped_by_file_cap(child.returncode)
    assert out.stat().st_size <= bounds.EMULATOR_FILE_CAP
    assert not list(tmp_path.glob("core*"))
    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] == resource.RLIM_INFINITY   # the parent is not capped


def test_the_transcript_keeps_its_cap_on_disk_and_its_tail_in_memory(tmp_path):
    floods = []
    transcript = bounds.CappedTranscript(tmp_path / "t", on_flood=lambda: floods.append(1), cap=1000, tail_chars=50)
    for n in range(200):
        transcript.write(f"[trap] {n:04d}\r\n")
    transcript.close()
    kept = (tmp_path / "t").read_text()
    assert len(kept) < 1200 and "transcript capped at" in kept
    assert floods == [1] and transcript.flooded
    assert transcript.tail(12) == "[trap] 0199\n"
