"""Scenarios that read the same on every arch: only the names and numbers differ."""
import re
import time

from tests.qemu.report import one_report


def ticks(console):
    match = re.search(r"ticks=(\d+) hz=(\d+)", console.run("ticks"))
    assert match, "ticks answers ticks=N hz=H"
    return int(match[1]), int(match[2])


def assert_timer_rate(console):
    """`sleep 1000` waits for 100 ticks at 100 Hz. Too fast a timer would end it
    well under a second of host time. A slow one is not judged by host time,
    which a loaded machine stretches without limit (an AVR under QEMU took 10 s
    here with the suite's other workers running): the exact tick counts under
    -icount (assert_exact_ticks) and, where there is no -icount, the rate the
    timer's registers are programmed for (avr) hold the upper side. A simulator
    that counts its own cycles (msp430) is held to that count instead: host
    time says nothing about a simulated clock."""
    assert console.icount is None, \
        "this scenario measures host time: mark the test @pytest.mark.realtime (it boots under -icount)"
    guest_started = console.profile.guest_seconds(console.log_path)
    started = time.monotonic()
    output = console.run("sleep 1000", timeout=30)
    elapsed = time.monotonic() - started
    slept = re.search(r"slept ms=1000 ticks=(\d+)", output)
    assert slept, output
    assert 100 <= int(slept[1]) <= 102
    if guest_started is None:
        assert elapsed >= 0.9, f"100 ticks took {elapsed:.2f}s of host time: the timer runs fast"
    else:
        guest = console.profile.guest_seconds(console.log_path) - guest_started
        assert 0.99 <= guest < 1.05, f"100 ticks took {guest:.4f}s of simulated time"


def assert_exact_ticks(console):
    """Under -icount guest time is the instruction count and idle time is
    skipped: `sleep MS` at H Hz takes exactly MS * H / 1000 ticks, every time."""
    assert console.icount is not None, "exact tick counts need -icount: drop @pytest.mark.realtime"
    _, hz = ticks(console)
    for ms in (100, 250, 1000):
        output = console.run(f"sleep {ms}")
        slept = re.search(rf"slept ms={ms} ticks=(\d+)", output)
        assert slept, f"expected 'slept ms={ms} ticks=N', got:\n{output}"
        assert int(slept[1]) == ms * hz // 1000, f"sleep {ms} at {hz} Hz"


def assert_trap(console, trap, vector, name, style, err, fields, then):
    """`trap NAME`: one report line with these fields, the right last line, and a machine still whole."""
    output = console.run(f"trap {trap}")
    report = one_report(output)
    assert (report["vec"], report["name"], report["style"], report["err"], report["then"]) == \
        (str(vector), name, style, err, then)
    for key, value in fields.items():
        assert report[key] == value, f"{key}: {report[key]} != {value}\n{output}"
    assert output.rstrip().endswith(f"trap {trap}: {'resumed' if then == 'resume' else 'recovered'}")
    assert "ticks=" in console.run("ticks")


def assert_faults_keep_recovering(console, traps, counted):
    """Raise each trap three times in turn: every one recovers to the prompt, and
    `stats` then counts three of each (counted: the stats lines, e.g. 'vec=14 name=#PF')."""
    for _ in range(3):
        for trap in traps:
            assert one_report(console.run(f"trap {trap}"))["then"] == "recover", trap
    stats = console.run("stats")
    for line in counted:
        assert f"{line} count=3" in stats, stats


def vector_rows(console, arg=""):
    """`vectors [all]` as {vector: {field: value}}."""
    rows = {}
    for line in console.run(f"vectors {arg}".strip()).splitlines():
        fields = dict(item.split("=", 1) for item in line.split())
        rows[int(fields["vec"])] = fields
    return rows


def assert_exit_status(console, status):
    console.send(f"exit {status}\r")
    console.expect(f"exit status={status}")
    ending = console.wait_ending()
    assert (ending.kind, ending.status) == ("exit", status), str(ending)


def assert_ending(console, line, kind):
    """Type line (`reset`, `exit 3`); QEMU must stop, and for this reason only."""
    console.send(f"{line}\r")
    ending = console.wait_ending()
    assert ending.kind == kind, str(ending)
    assert ending.status is None, f"{ending.kind} read as guest status {ending.status}"
    return ending


COMMANDS = ("help", "ticks", "sleep MS", "trap NAME", "int N", "vectors", "stats", "irqtrace", "exit N")


def assert_help_lists_every_command(console):
    output = console.run("help")
    for command in COMMANDS:
        assert command in output, command


def assert_int_refuses_past_the_table(console, vector_count):
    """int's bound is the arch's table: one past it is an error line and a prompt."""
    assert "error: usage: int N" in console.run(f"int {vector_count}")
