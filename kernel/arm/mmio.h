#ifndef ARM_MMIO_H
#define ARM_MMIO_H
/* MMIO on the ARM arches (aarch64, arm32), whose kernels run with the MMU off:
 * every data access is then Device-nGnRnE on AArch64 (ARM ARM D8.2.10) and
 * Strongly-ordered on AArch32 (B3.2.1), so plain volatile accesses stay in
 * order with each other and need no barrier. */
#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

static inline void mmio_write8(uintptr_t addr, uint8_t v)
{
    *(volatile uint8_t *)addr = v;
}

static inline uint8_t mmio_read8(uintptr_t addr)
{
    return *(volatile uint8_t *)addr;
}

#endif
