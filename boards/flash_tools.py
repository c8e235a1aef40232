"""Flashers for the boards labgrid has no driver for: avrdude and mspdebug, as labgrid drivers.

Each is a BootstrapProtocol (load(file)), which boards.strategy.KernelStrategy
calls with the kernel ELF; Cortex-M boards use labgrid's own OpenOCDDriver.
The command each runs is built by a pure function beside it, so what would
reach the board is tested without one (tests/labgrid/test_flash_commands.py).
"""
import subprocess
import tempfile
from pathlib import Path

import attr
from labgrid.driver.common import Driver
from labgrid.factory import target_factory
from labgrid.protocol import BootstrapProtocol
from labgrid.step import step
from labgrid.util.helper import processwrapper
from labgrid.util.managedfile import ManagedFile
from labgrid.util.proxy import proxymanager



def avrdude_command(part, programmer, port, baud, hex_file, tool="avrdude"):
    """avrdude writing an Intel HEX image through a bootloader.

    port: a device (/dev/ttyACM0) or ser2net's raw TCP port as avrdude names
    it, net:HOST:PORT. -D: no chip erase, which the stk500v2 bootloader of the
    Mega 2560 cannot do (it erases each page as it writes it)."""
    return [tool, "-p", part, "-c", programmer, "-P", port, "-b", str(baud), "-D",
            "-U", f"flash:w:{hex_file}:i"]


# Sections of an AVR ELF that are not flash: avrdude writes them to other memories (-U eeprom:, fuses).
NOT_FLASH = (".eeprom", ".fuse", ".lock", ".signature", ".user_signatures")


def elf_to_hex(elf, hex_file, objcopy="avr-objcopy"):
    """The flash image of an AVR ELF as Intel HEX: every loaded section at its load address
    (the kernel's .isr table at 0, .text, and .data's initial values after them, which the
    startup copies to RAM), without the sections of other memories (NOT_FLASH)."""
    removed = [arg for name in NOT_FLASH for arg in ("-R", name)]
    subprocess.run([objcopy, "-O", "ihex", *removed, str(elf), str(hex_file)], check=True,
                   capture_output=True, text=True)


@target_factory.reg_driver
@attr.s(eq=False)
class AvrdudeDriver(Driver, BootstrapProtocol):
    """Flash an AVR through its serial bootloader with avrdude.

    The Arduino Mega 2560's bootloader (stk500v2, avrdude's `wiring`
    programmer) listens on USART0 at 115200 baud for a moment after reset,
    through the board's USB serial port, which is also the kernel's console.
    Bound to the place's NetworkSerialPort, avrdude reaches it through the
    exporter's ser2net (net:HOST:PORT): the strategy switches the board on
    just before, which is the reset that opens the bootloader's window (over
    TCP avrdude cannot pulse DTR as it does on a local port)."""
    bindings = {"port": {"SerialPort", "NetworkSerialPort"}}
    part = attr.ib(default="atmega2560", validator=attr.validators.instance_of(str))
    programmer = attr.ib(default="wiring", validator=attr.validators.instance_of(str))
    baud = attr.ib(default=115200, validator=attr.validators.instance_of(int))

    def on_activate(self):
        pass

    def on_deactivate(self):
        pass

    def port_name(self):
        if hasattr(self.port, "host"):
            host, port = proxymanager.get_host_and_port(self.port)
            return f"net:{host}:{port}"
        return self.port.port

    @Driver.check_active
    @step(args=["filename"])
    def load(self, filename=None):
        tools = self.target.env.config if self.target.env else None
        with tempfile.TemporaryDirectory(prefix="avrdude-") as folder:
            hex_file = Path(folder) / (Path(filename).stem + ".hex")
            elf_to_hex(filename, hex_file, tools.get_tool("avr-objcopy") if tools else "avr-objcopy")
            argv = avrdude_command(self.part, self.programmer, self.port_name(), self.baud, hex_file,
                                   tools.get_tool("avrdude") if tools else "avrdude")
            processwrapper.check_output(argv, print_on_silent_log=True)


def mspdebug_command(driver, usb, elf, tool="mspdebug"):
    """mspdebug loading an ELF through a JTAG adapter and leaving the part reset, not running.

    usb: "BUS:DEV" of the adapter (-U), so that a machine with two adapters
    flashes the right board. `prog` erases the main flash and writes the ELF's
    loadable sections; `reset` leaves the CPU at the reset vector."""
    return [tool, "-U", usb, driver, f"prog {elf}", "reset"]


@target_factory.reg_driver
@attr.s(eq=False)
class MspdebugDriver(Driver, BootstrapProtocol):
    """Flash an MSP430 with mspdebug through a JTAG adapter on the exporter's USB.

    For the MSP430F1611 of a TelosB / Tmote Sky: an Olimex MSP430-JTAG-TINY
    (mspdebug's `olimex`) or TI's MSP-FET430UIF (`uif`) on the board's
    10-pin JTAG header. The exporter publishes the adapter as a
    USBFlashableDevice; the ELF is copied to the exporter and mspdebug runs
    there (labgrid's ManagedFile and the resource's command prefix)."""
    bindings = {"adapter": {"USBFlashableDevice", "NetworkUSBFlashableDevice"}}
    driver = attr.ib(default="olimex", validator=attr.validators.instance_of(str))

    def on_activate(self):
        pass

    def on_deactivate(self):
        pass

    @Driver.check_active
    @step(args=["filename"])
    def load(self, filename=None):
        image = ManagedFile(filename, self.adapter)
        image.sync_to_resource()
        tool = self.target.env.config.get_tool("mspdebug") if self.target.env else "mspdebug"
        argv = mspdebug_command(self.driver, f"{self.adapter.busnum}:{self.adapter.devnum}",
                                image.get_remote_path(), tool)
        processwrapper.check_output(self.adapter.command_prefix + argv, print_on_silent_log=True)
