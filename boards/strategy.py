"""How a board gets from whatever it was doing to a fresh boot of a kernel, with the console listening.

A labgrid strategy (labgrid/strategy/common.py): it owns the board's power
switch, its serial console and, when the board has one, the flasher (any
labgrid driver with BootstrapProtocol's load(file): OpenOCDDriver for a
Cortex-M, boards.flash_tools for avrdude and mspdebug). The suite calls
boot(elf) before every test, as every local test boots a fresh QEMU.

Order matters on every board here:
1. console detached, power on, flash: a bootloader (the Mega 2560's stk500v2)
   listens only just after reset, and on the Mega and the TelosB the flasher
   talks through the same USB serial port as the console, which ser2net lets
   one client hold at a time;
2. power off, console attached, power on: the kernel's banner comes seconds
   after the reset at the earliest, and ser2net drops what the board prints
   while no client is connected, so the console listens before the reset.

A board without a flasher in env.yaml (the suite's QEMU stand-in, or a board
flashed by hand) boots what it holds: the env's `images:` entry named by the
strategy's `image` (default `kernel`) is that file, and boot() refuses any
other ELF instead of testing the wrong kernel. `labgrid-client -s booted`
flashes and boots that same entry.

States for `labgrid-client -s STATE` and strategy.transition(): off, booted.
"""
import enum
from pathlib import Path

import attr
from labgrid.factory import target_factory
from labgrid.strategy.common import Strategy, StrategyError


class Status(enum.Enum):
    unknown = 0
    off = 1
    booted = 2


@target_factory.reg_driver
@attr.s(eq=False)
class KernelStrategy(Strategy):
    bindings = {
        "power": "PowerProtocol",
        "console": "ConsoleProtocol",
        "flasher": {"BootstrapProtocol", None},
    }
    image = attr.ib(default="kernel", validator=attr.validators.instance_of(str))   # an env `images:` key
    status = attr.ib(default=Status.unknown)

    def held_image(self):
        """The ELF of the env's `images:` entry `image`: what a board without a flasher holds, or None."""
        images = self.target.env.config.data.get("images", {}) if self.target.env else {}
        if self.image not in images:
            return None
        return Path(self.target.env.config.get_image_path(self.image)).resolve()

    def boot(self, elf):
        """Flash elf (or check the board holds it) and reset the board with the console listening."""
        elf = Path(elf).resolve()
        if self.flasher is None:
            held = self.held_image()
            if held != elf:
                raise StrategyError(
                    f"target {self.target.name} has no flasher in its env file and holds "
                    f"{held or f'nothing (no images: {self.image}: entry)'}; it cannot boot {elf}: add a flasher "
                    f"(docs/boards.md) or run this test on the emulator")
        self.target.deactivate(self.console)
        self.target.activate(self.power)
        if self.flasher is not None:
            self.power.on()
            self.target.activate(self.flasher)
            self.flasher.load(str(elf))
        self.power.off()
        self.target.activate(self.console)
        self.power.on()
        self.status = Status.booted

    def off(self):
        self.target.activate(self.power)
        self.power.off()
        self.target.deactivate(self.console)
        self.status = Status.off

    def transition(self, status):
        if not isinstance(status, Status):
            try:
                status = Status[status]
            except KeyError:
                raise StrategyError(f"no state {status!r}: {', '.join(s.name for s in Status if s.value)}") \
                    from None
        if status == Status.off:
            self.off()
        elif status == Status.booted:
            held = self.held_image()
            if held is None:
                raise StrategyError(f"booted needs a kernel: put `images: {self.image}: PATH` in the env file")
            self.boot(held)
        else:
            raise StrategyError(f"{status.name} is not a state to go to")
