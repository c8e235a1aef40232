"""qemu/ending.py without QEMU: each witness alone can lie, together they cannot."""
import pytest

from qemu.ending import classify, guest_status
from qemu.profiles import profile


def test_x86_64_exit_zero_needs_the_guest_line():
    x86 = profile("x86_64")
    assert x86.exit_code(0) == 1
    assert classify(x86, 1, "x86_64> exit 0\r\nexit status=0\r\n").status == 0
    error = classify(x86, 1, "qemu: could not open kernel file 'k.elf'\n")
    assert (error.kind, error.status) == ("error", None)
    assert "could not open kernel file" in str(error)


def test_riscv64_reset_is_not_exit_zero():
    rv = profile("riscv64")
    ending = classify(rv, 0, "riscv64> reset\r\nresetting\r\n", shutdown_reason="guest-reset")
    assert (ending.kind, ending.status) == ("reset", None)
    assert classify(rv, 0, "riscv64> \r\n").status is None, "code 0 alone is no status"


@pytest.mark.parametrize("status, reason", [(0, "guest-shutdown"), (3, "guest-panic")])
def test_riscv64_exit_is_read_with_or_without_the_finishers_shutdown_event(status, reason):
    """QEMU 7.2's test finisher calls exit(), no event; 10.0.13's requests a
    shutdown with the code: guest-shutdown for pass, guest-panic for fail."""
    rv = profile("riscv64")
    line = f"riscv64> exit {status}\r\nexit status={status}\r\n"
    for event in (None, reason):
        ending = classify(rv, status, line, shutdown_reason=event)
        assert (ending.kind, ending.status) == ("exit", status), (event, str(ending))
    wrong = classify(rv, 0, "exit status=3\r\n", shutdown_reason="guest-shutdown")
    assert (wrong.kind, wrong.status) == ("shutdown", None), "the event of another status is no exit"
    reset = classify(rv, 0, "exit status=0\r\n", shutdown_reason="guest-reset")
    assert reset.kind == "reset"


def test_a_shutdown_event_wins_over_a_guest_line():
    ending = classify(profile("aarch64"), 0, "exit status=0\n", shutdown_reason="host-qmp-quit")
    assert ending.kind == "quit" and ending.status is None


def test_a_code_that_disagrees_with_the_line_is_unexplained():
    ending = classify(profile("cortex-m"), 1, "exit status=3\n")
    assert ending.kind == "unexplained" and "not the 3" in str(ending)


def test_a_signal_is_a_kill():
    ending = classify(profile("x86_64"), -9, "exit status=0\n")
    assert ending.kind == "killed" and "SIGKILL" in str(ending)


def test_a_lockup_is_named_from_qemus_fatal_line():
    ending = classify(profile("cortex-m"), -6, "qemu: fatal: Lockup: can't escalate 3 to HardFault\n")
    assert ending.kind == "lockup"
    assert classify(profile("cortex-m"), -6, "").kind == "killed", "SIGABRT from outside is a kill"


def test_a_triple_fault_is_named_from_the_log():
    ending = classify(profile("x86_64"), 0, "", shutdown_reason="guest-reset", qemu_log_text="Triple fault\n")
    assert ending.kind == "triple-fault"


def test_no_qmp_answer_is_a_startup_failure():
    ending = classify(profile("riscv64"), 1, "", started=False)
    assert ending.kind == "error" and "failed to start" in str(ending)


@pytest.mark.parametrize("text, status", [("exit status=5\r\n", 5), ("a\nexit status=1\nexit status=7\n", 7),
                                          ("echo exit status=5 later\n", None), ("", None)])
def test_guest_status_reads_only_whole_lines(text, status):
    assert guest_status(text) == status


@pytest.mark.parametrize("code, kind, words", [
    (2, "input-ended", "input had ended"),
    (3, "error", "mspdebug stopped the simulation with an error"),
    (4, "quit", "Ctrl-A X"),
    (5, "unexplained", "no breakpoint"),
])
def test_the_msp430_bridges_own_codes_are_never_a_guest_status(code, kind, words):
    ending = classify(profile("msp430"), code, "msp430> ")
    assert (ending.kind, ending.status) == (kind, None) and words in str(ending)
    assert profile("msp430").exit_status(code) is None


def test_a_qemu_code_is_never_read_as_a_launchers_own():
    assert all(profile(arch).launcher_ending(code) is None for arch in ("x86_64", "avr") for code in range(8))


@pytest.mark.parametrize("arch", ["x86_64", "riscv64", "aarch64"])
def test_gdb_kill_is_said_in_words_not_as_a_qemu_failure(arch):
    """GDB's `kill` ends QEMU with exit code 0 and this line on its stderr
    (7.2's gdbstub); before, debug-<arch> failed with `QEMU failed with exit code 0`."""
    said = f"qemu-system-{arch}: QEMU: Terminated via GDBstub\n"
    for reason in (None, "guest-shutdown"):
        ending = classify(profile(arch), 0, f"{arch}> " + said, shutdown_reason=reason)
        assert (ending.kind, ending.status) == ("gdb-kill", None), str(ending)
        assert str(ending).startswith("GDB killed the guest")
