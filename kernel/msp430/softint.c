/* `int N`: the MSP430 has no software-interrupt instruction; the launcher
 * raises vector N through the simulator (`simio config tracer trigger`),
 * as a device would. mspdebug 0.22 numbers those 0-15 from 0xFFE0. */
#include <stdint.h>

#include "arch.h"
#include "host.h"
#include "isr.h"
#include "printf.h"
#include "string.h"

void arch_cmd_int(const char *arg)
{
    uint64_t vector;
    if (!arg || !parse_u64(arg, &vector) || vector >= ISR_VECTOR_COUNT) {
        kprintf("error: usage: int N, with N a vector from %u to %u\n", ISR_IRQ_BASE, ISR_RESET_VECTOR - 1);
        return;
    }
    unsigned v = (unsigned)vector;
    if (v < ISR_IRQ_BASE) {
        kprintf("error: vector %u is not a vector of this part (its table is %u-%u); use int %u-%u\n",
                v, ISR_IRQ_BASE, ISR_RESET_VECTOR, ISR_IRQ_BASE, ISR_RESET_VECTOR - 1);
        return;
    }
    if (v == ISR_RESET_VECTOR) {
        kprintf("error: vector %u (RESET) restarts the part; use trap reset\n", v);
        return;
    }
    msp430_host_request(HOST_TRIGGER, (uint16_t)(v - ISR_IRQ_BASE), 0);
    kprintf("int %s: returned\n", arg);      /* as typed: 0x31 stays 0x31 */
}
