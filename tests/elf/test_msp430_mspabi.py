"""kernel/msp430/mspabi.c, the multiply and divide helpers the MSP430 kernel has instead of
libgcc, compiled for the host and held to Python's arithmetic (the register shims in
mspabi.S are exercised under the simulator: tests/qemu/test_msp430_shell.py)."""
import random
import subprocess

import pytest

from tools import toolchain

DRIVER = r"""
#include <inttypes.h>
#include <stdio.h>
#include <stdint.h>
uint16_t __mspabi_mpyi(uint16_t a, uint16_t b);
uint32_t __mspabi_mpyl(uint32_t a, uint32_t b);
uint32_t __mspabi_divul(uint32_t n, uint32_t d);
uint32_t __mspabi_remul(uint32_t n, uint32_t d);
uint64_t msp430_mul64(uint64_t a, uint64_t b);
uint64_t msp430_udiv64(uint64_t n, uint64_t d);
uint64_t msp430_urem64(uint64_t n, uint64_t d);
int main(void)
{
    uint64_t a, b;
    while (scanf("%" SCNu64 " %" SCNu64, &a, &b) == 2)
        printf("%u %" PRIu32 " %" PRIu32 " %" PRIu32 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
               (unsigned)__mspabi_mpyi((uint16_t)a, (uint16_t)b), __mspabi_mpyl((uint32_t)a, (uint32_t)b),
               __mspabi_divul((uint32_t)a, (uint32_t)b), __mspabi_remul((uint32_t)a, (uint32_t)b),
               msp430_mul64(a, b), msp430_udiv64(a, b), msp430_urem64(a, b));
    return 0;
}
"""


@pytest.fixture(scope="module")
def helpers(tmp_path_factory):
    out = tmp_path_factory.mktemp("mspabi")
    (out / "driver.c").write_text(DRIVER)
    program = out / "mspabi"
    subprocess.run(["clang", "-O2", "-w", "-o", str(program), str(out / "driver.c"),
                    str(toolchain.ROOT / "kernel" / "msp430" / "mspabi.c")], check=True)
    return program


def test_helpers_agree_with_exact_arithmetic(helpers):
    rng = random.Random(430)
    pairs = [(rng.getrandbits(bits_a), rng.getrandbits(bits_b) or 1)
             for bits_a in (8, 16, 32, 64) for bits_b in (4, 16, 32, 64) for _ in range(40)]
    pairs += [(2**64 - 1, 1), (2**64 - 1, 10), (12345678901234567890, 10), (0xffff, 0xffff), (2**32, 2**32 - 1)]
    result = subprocess.run([str(helpers)], input="".join(f"{a} {b}\n" for a, b in pairs),
                            capture_output=True, text=True, check=True)
    for (a, b), line in zip(pairs, result.stdout.splitlines(), strict=True):
        a16, b16, a32, b32 = a & 0xffff, b & 0xffff, a & 0xffffffff, b & 0xffffffff
        got = list(map(int, line.split()))
        assert got[:2] == [(a16 * b16) & 0xffff, (a32 * b32) & 0xffffffff], (a, b)
        if b32:                                 # division by zero is undefined in C
            assert got[2:4] == [a32 // b32, a32 % b32], (a, b)
        assert got[4:] == [(a * b) & (2**64 - 1), a // b, a % b], (a, b)
