import pytest


@pytest.fixture
def x86(boot_console, x86_64_kernel):
    """A booted x86_64 guest at its prompt."""
    return boot_console("x86_64", x86_64_kernel)


@pytest.fixture
def a64(boot_console, aarch64_kernel):
    """A booted aarch64 guest at its prompt."""
    return boot_console("aarch64", aarch64_kernel)


@pytest.fixture
def rv(boot_console, kernel):
    """A booted riscv64 guest at its prompt."""
    return boot_console("riscv64", kernel("riscv64"))


@pytest.fixture
def cm(boot_console, cortex_m_kernel):
    """A booted cortex-m guest (mps2-an385) at its prompt."""
    return boot_console("cortex-m", cortex_m_kernel)


@pytest.fixture
def a32(boot_console, kernel):
    """A booted arm32 guest (virt, Cortex-A15, AArch32) at its prompt."""
    return boot_console("arm32", kernel("arm32"))


@pytest.fixture
def avr(boot_console, kernel):
    """A booted avr guest (QEMU mega2560) at its prompt."""
    return boot_console("avr", kernel("avr"))


@pytest.fixture
def msp(boot_console, kernel):
    """A booted msp430 guest (MSP430F1611 under mspdebug's sim) at its prompt."""
    return boot_console("msp430", kernel("msp430"))
