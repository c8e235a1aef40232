/* The PLIC: route one source to hart 0's M-mode context, claim and complete. */
#include <stdint.h>

#include "memlayout.h"
#include "mmio.h"
#include "plic.h"

void plic_enable(unsigned source)
{
    mmio_write32(PLIC_PRIORITY(source), 1);     /* priority 0 means "never interrupt" */
    uintptr_t word = PLIC_ENABLE(PLIC_CONTEXT_HART0_M) + 4 * (source / 32);
    mmio_write32(word, mmio_read32(word) | (1u << (source % 32)));
    mmio_write32(PLIC_THRESHOLD(PLIC_CONTEXT_HART0_M), 0);   /* pass every priority above 0 */
}

/* Claiming returns the highest-priority pending source and clears its pending
   bit; 0 means nothing was pending (another context claimed it first). */
unsigned plic_claim(void)
{
    return mmio_read32(PLIC_CLAIM(PLIC_CONTEXT_HART0_M));
}

/* Until completed, the PLIC does not forward the source again. */
void plic_complete(unsigned source)
{
    mmio_write32(PLIC_CLAIM(PLIC_CONTEXT_HART0_M), source);
}
