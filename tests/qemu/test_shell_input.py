"""Bad input at the serial shell, the same on every arch (issue 14): a line too
long, input typed ahead past the receive buffer, sleeps too long or cut short
by Ctrl-C, escape sequences, Ctrl-C, blanks and non-ASCII bytes."""
import re

import pytest

from isr import arches
from qemu.console import RX_RING_BYTES
from tests.qemu.scenarios import ticks

# Every arch's input arrives as it is typed, asked for or not: msp430's too,
# whose launcher fills its mailbox each time the CPU is about to sleep
# (kernel/msp430/mailbox.c), at least once a tick while a command sleeps.
ARCHES = arches.names()


@pytest.fixture(params=ARCHES)
def guest(request, boot_console, kernel):
    """A booted guest of each arch, at its prompt."""
    return boot_console(request.param, kernel(request.param))


def test_a_line_too_long_is_refused_whole(guest):
    """`exit 000...01` cut at the buffer's end would be `exit 0`: nothing of it may run."""
    output = guest.run("exit " + "0" * 100 + "1")
    assert re.search(r"^error: line too long: at most (\d+) characters; line discarded$",
                     output, re.M), output
    assert "exit status" not in output
    ticks(guest)


@pytest.mark.realtime      # the guest must still be asleep when the paste arrives
def test_input_lost_to_a_full_receive_buffer_is_reported(guest):
    """A paste that arrives while the shell sleeps fills the ring; the kernel
    counts what it drops and names the vector, then refuses the remains as one
    line too long. The paste's last byte, Ctrl-C, ends the sleep once all of it
    has arrived (a Ctrl-C gets through even to a full ring)."""
    guest.send("sleep 60000\r")
    guest.paste("x" * (2 * RX_RING_BYTES) + "\x03")
    guest.expect(r"sleep interrupted by Ctrl-C: ms=60000")
    report = guest.expect(r"error: input overrun: (\d+) bytes dropped by vector (\d+) \((\S+)\)")
    dropped, vector, name = int(report[1]), report[2], report[3]
    assert 0 < dropped <= 2 * RX_RING_BYTES
    guest.wait_prompt()
    assert "error: line too long" in guest.run("")
    assert re.search(rf"^vec={vector} name={re.escape(name)} count=\d+$", guest.run("stats"), re.M)


def test_typed_lines_are_paced_so_none_is_lost(guest):
    """50 commands typed at once would be 450 bytes for a 256-byte ring while
    the shell sleeps; the console types each after the prompt that answers the
    one before, so every one runs and nothing overruns."""
    guest.send("sleep 10\r" * 50)
    guest.wait_prompt()
    transcript = guest.transcript()
    assert transcript.count("slept ms=10 ") == 50 and "overrun" not in transcript


def test_sleep_refuses_what_it_cannot_count_and_says_the_bound(guest):
    output = guest.run("sleep 18446744073709551615")
    bound = re.search(r"^error: sleep 18446744073709551615: at most (\d+) ms", output, re.M)
    assert bound, output
    assert f"at most {bound[1]} ms" in guest.run(f"sleep {int(bound[1]) + 1}")
    # `sleep 0` waits for no tick, but a tick may land between its two reads of
    # the count: on a host-time clock (avr) when the host preempts QEMU there,
    # under -icount when the idle time the clock skipped put a deadline there.
    # So one of three, not each, must count none; a sleep that waits for a tick
    # counts one every time.
    outputs = [guest.run("sleep 0") for _ in range(3)]
    counts = [re.search(r"^slept ms=0 ticks=(\d+)$", output, re.M) for output in outputs]
    assert all(counts) and min(int(c[1]) for c in counts) == 0, outputs


@pytest.mark.realtime      # the guest must still be asleep when the paste arrives
def test_ctrl_c_ends_a_sleep(guest):
    bound = re.search(r"at most (\d+) ms", guest.run("sleep 18446744073709551615"))[1]
    guest.send(f"sleep {bound}\r")
    guest.paste("\x03")
    guest.expect(rf"sleep interrupted by Ctrl-C: ms={bound} ticks=\d+")
    guest.wait_prompt()
    ticks(guest)


@pytest.mark.parametrize("keys", ["\x1b[A", "\x1b[1;5C", "\x1bOP", "\x1b[15~"],
                         ids=["up", "ctrl-right", "f1", "f5"])
def test_escape_sequences_are_not_typed_into_the_line(guest, keys):
    output = guest.run(f"ti{keys}cks")
    assert re.search(r"^ticks=\d+ hz=\d+$", output, re.M), output


def test_escape_then_enter_still_ends_the_line(guest):
    """ESC alone (the Escape key) starts no sequence that swallows the Enter after it."""
    assert re.search(r"^ticks=\d+ hz=\d+$", guest.run("ticks\x1b"), re.M)


def test_ctrl_c_cancels_the_line(guest):
    guest.send("exit 3\x03")
    guest.expect(r"\^C")
    guest.wait_prompt()
    ticks(guest)


def test_blanks_around_a_command_are_trimmed(guest):
    assert re.search(r"^ticks=\d+ hz=\d+$", guest.run("   ticks   "), re.M)
    assert "slept ms=10 " in guest.run("  sleep 10  ")
    assert "unknown command" not in guest.run("    ")


def test_non_ascii_input_is_refused(guest):
    output = guest.run("ti\u00e9cks")
    assert "error: non-ASCII input refused: type ASCII; line discarded" in output
    assert "unknown command" not in output and "ticks=" not in output
    ticks(guest)
