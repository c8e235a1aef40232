"""Board support without a board: the strategy's order, the flash commands, the env files.

What reaches a real board is checked here as far as it can be without one:
KernelStrategy's steps against drivers that record them, the exact avrdude
and mspdebug command lines, the HEX image avrdude would write (against the
built avr kernel), and that each env file in boards/ loads with labgrid and
names a target the suite has.
"""
from pathlib import Path

import attr
import pytest
from elftools.elf.elffile import ELFFile
from labgrid import Environment, Target
from labgrid.driver.common import Driver
from labgrid.protocol import BootstrapProtocol, ConsoleProtocol, PowerProtocol
from labgrid.resource import NetworkSerialPort, RawSerialPort

from boards.flash_tools import AvrdudeDriver, avrdude_command, elf_to_hex, mspdebug_command
from boards.strategy import KernelStrategy
from isr import arches
from tests.labgrid.lab import ROOT

ENV_FILES = sorted((ROOT / "boards").glob("*/env.yaml"))


@attr.s(eq=False)
class RecordingPower(Driver, PowerProtocol):
    events = attr.ib(factory=list)

    def on(self):
        self.events.append("power on")

    def off(self):
        self.events.append("power off")

    def cycle(self):
        self.events.append("power cycle")


@attr.s(eq=False)
class RecordingConsole(Driver, ConsoleProtocol):
    events = attr.ib(factory=list)

    def on_activate(self):
        self.events.append("console attached")

    def on_deactivate(self):
        self.events.append("console detached")

    def read(self, *args, **kwargs):
        raise AssertionError("the strategy reads nothing")

    def write(self, data):
        raise AssertionError("the strategy writes nothing")


@attr.s(eq=False)
class RecordingFlasher(Driver, BootstrapProtocol):
    events = attr.ib(factory=list)

    def load(self, filename=None):
        self.events.append(f"flash {Path(filename).name}")


def a_board(with_flasher):
    target = Target("board")
    events = []
    RecordingPower(target, "power", events=events)
    console = RecordingConsole(target, "console", events=events)
    if with_flasher:
        RecordingFlasher(target, "flasher", events=events)
    target.activate(console)            # as a console left attached by the test before
    events.clear()
    return KernelStrategy(target, "strategy"), events


def test_the_strategy_flashes_with_the_console_detached_and_boots_with_it_listening(tmp_path):
    strategy, events = a_board(with_flasher=True)
    elf = tmp_path / "kernel.elf"
    strategy.boot(elf)
    assert events == ["console detached", "power on", "flash kernel.elf",
                      "power off", "console attached", "power on"]


def test_a_board_without_a_flasher_boots_only_the_image_it_holds(tmp_path):
    strategy, events = a_board(with_flasher=False)
    with pytest.raises(Exception, match=r"has no flasher .* holds nothing \(no images: kernel: entry\); "
                                        r"it cannot boot .*kernel\.elf"):
        strategy.boot(tmp_path / "kernel.elf")
    assert events == [], "nothing is switched before the refusal"


def test_avrdude_goes_through_ser2net_to_the_bootloader():
    target = Target("mega2560")
    NetworkSerialPort(target, "console", host="exporter.lab", port=5001, protocol="raw")
    assert AvrdudeDriver(target, "flasher").port_name() == "net:exporter.lab:5001"
    assert avrdude_command("atmega2560", "wiring", "net:exporter.lab:5001", 115200, "k.hex") == \
        ["avrdude", "-p", "atmega2560", "-c", "wiring", "-P", "net:exporter.lab:5001", "-b", "115200", "-D",
         "-U", "flash:w:k.hex:i"]


def test_avrdude_on_a_local_port_names_the_device():
    target = Target("mega2560")
    RawSerialPort(target, "console", port="/dev/ttyACM0", speed=115200)
    assert AvrdudeDriver(target, "flasher").port_name() == "/dev/ttyACM0"


def hex_records(path):
    """{address: byte} of an Intel HEX file's data records (types 00, with 02/04 bases)."""
    memory, base = {}, 0
    for line in Path(path).read_text().split():
        raw = bytes.fromhex(line[1:])
        count, address, kind, data = raw[0], int.from_bytes(raw[1:3], "big"), raw[3], raw[4:4 + raw[0]]
        assert sum(raw) % 256 == 0, f"bad checksum: {line}"
        if kind == 0:
            memory.update({base + address + i: b for i, b in enumerate(data[:count])})
        elif kind == 2:
            base = int.from_bytes(data, "big") << 4
        elif kind == 4:
            base = int.from_bytes(data, "big") << 16
    return memory


def test_the_hex_image_is_the_flash_the_cpu_reads(kernel, tmp_path):
    """avrdude writes exactly what the ELF's loadable segments hold, where they load (LMA):
    the table, the code, .data's initial values."""
    elf = kernel("avr")
    elf_to_hex(elf, tmp_path / "kernel.hex")
    memory = hex_records(tmp_path / "kernel.hex")
    expected = {}
    with open(elf, "rb") as stream:
        image = ELFFile(stream)
        for segment in image.iter_segments():
            if segment["p_type"] != "PT_LOAD" or not segment["p_filesz"]:
                continue
            expected.update({segment["p_paddr"] + i: b for i, b in enumerate(segment.data())})
    assert memory == expected
    assert min(memory) == 0, "the reset vector's jmp is at flash address 0"


def test_mspdebug_loads_through_the_adapter_it_is_told():
    assert mspdebug_command("olimex", "3:7", "/var/cache/labgrid/k.elf") == \
        ["mspdebug", "-U", "3:7", "olimex", "prog /var/cache/labgrid/k.elf", "reset"]


@pytest.mark.parametrize("env_file", ENV_FILES, ids=lambda p: p.parent.name)
def test_each_env_file_loads_and_names_an_arch_of_the_suite(env_file):
    env = Environment(str(env_file))
    targets = env.config.get_targets()
    assert targets and set(targets) <= set(arches.names()), targets
    for name, target in targets.items():
        assert "KernelStrategy" in target["drivers"], f"{env_file}: target {name} has no KernelStrategy"
        assert target["resources"]["RemotePlace"]["name"], f"{env_file}: target {name} names no place"


def test_the_tree_has_env_files():
    assert ENV_FILES, f"no boards/*/env.yaml under {ROOT}: the parametrized test above had none to load"
