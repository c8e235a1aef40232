"""One QEMU profile per arch: binary, machine, devices, and how the guest's exit maps to a status."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    arch: str
    binary: str
    machine: list           # -M/-cpu/-m and the devices, without serial or display options
    prompt: str             # the shell's prompt, as the kernel prints it
    accel: str = "tcg"      # TCG everywhere: same behaviour with or without KVM, and -d int works
    # Lines of QEMU's `-d int,cpu_reset` log that a failing test shows: x86's
    # "N: v=..." per interrupt, its exception checks, triple faults and resets.
    log_events: str = r"\s*(\d+: v=|check_exception|Triple fault|CPU Reset)"

    def exit_status(self, returncode):
        """The guest's `exit N` status from QEMU's exit code, or None if the guest did not choose it."""
        raise NotImplementedError


class X86Profile(Profile):
    def exit_status(self, returncode):
        # isa-debug-exit: a write of V makes QEMU exit with (V << 1) | 1, so a
        # guest status is always odd; 0 means QEMU quit for another reason.
        if returncode > 0 and returncode % 2 == 1:
            return returncode >> 1
        return None


class RiscvVirtProfile(Profile):
    def exit_status(self, returncode):
        # SiFive test finisher on `virt`: 0x5555 exits QEMU with 0 (pass),
        # (status << 16) | 0x3333 exits with status (fail); the guest's `exit 0`
        # is the pass code, so 0 is a guest status too.
        if returncode >= 0:
            return returncode
        return None


PROFILES = {
    "x86_64": X86Profile(
        arch="x86_64",
        binary="qemu-system-x86_64",
        # microvm: no PCI, no ACPI, qboot firmware: the shortest path to a PVH
        # kernel. Its legacy PIC, PIT and COM1 are the devices we program.
        machine=["-M", "microvm", "-cpu", "max", "-m", "64M",
                 "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
        prompt="x86_64> ",
    ),
    "riscv64": RiscvVirtProfile(
        arch="riscv64",
        binary="qemu-system-riscv64",
        # virt with -bios none: no OpenSBI, the reset ROM jumps to the ELF entry
        # at 0x80000000 in M-mode. One hart: the kernel programs hart 0's CLINT
        # and PLIC context only.
        machine=["-M", "virt", "-bios", "none", "-smp", "1", "-m", "64M"],
        prompt="riscv64> ",
        # riscv_cpu_do_interrupt logs every trap; async:0 are the exceptions
        # (the 100 Hz timer would push them out of the tail).
        log_events=r"(riscv_cpu_do_interrupt: .*async:0|CPU Reset)",
    ),
}


def profile(arch):
    if arch not in PROFILES:
        raise KeyError(f"no QEMU profile for arch {arch!r}; known: {', '.join(sorted(PROFILES))}")
    return PROFILES[arch]
