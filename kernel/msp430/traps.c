/* `trap NAME`: what can raise an interrupt or a reset on the MSP430F1611 under
 * mspdebug's sim. The CPU has no faults: its "exceptions" are the NMI and
 * the reset (PUC), and every other vector is a device's flag. Nothing here
 * needs a recovery point; each trap resumes, except `reset`, which reboots.
 */
#include <stdbool.h>

#include "arch.h"
#include "host.h"
#include "mcu.h"
#include "printf.h"
#include "ticks.h"
#include "timer_a.h"
#include "watchdog.h"

/* No `trap nmi` by software: mspdebug's watchdog model (0.22 and 0.25) looks
   for NMIIFG at 0x0001 (its SIMIO_IFG1), where the F1611 has IE2; IFG1 is at
   0x0002 here, so a flag set there is never seen (tools/findings.py
   NMI_FLAG_AT_IE2). The pin edge below is. */

/* The launcher pulses the RST/NMI pin; WDTNMI makes that an NMI edge, not a reset. */
static void raise_nmi_pin(void)
{
    msp430_host_request(HOST_NMI_PIN, 0, 0);
}

static void raise_port1(void)
{
    msp430_host_request(HOST_PIN, 1, 0);        /* P1.0 */
}

static void raise_port2(void)
{
    msp430_host_request(HOST_PIN, 2, 3);        /* P2.3 */
}

/* The simulated Timer_A itself raises TIMERA1 when TAR reaches TACCR1; the
   abi handler cannot wake LPM0, so wait for it awake, interrupts on. */
static void raise_ccr1(void)
{
    uint16_t before = timer_a1_count;
    timer_a_arm_ccr1();
    while (timer_a1_count == before)
        ;
}

/* P1.1 makes the PORT1 handler set GIE and wait three ticks: each tick nests in it. */
static void raise_nest(void)
{
    msp430_host_request(HOST_PIN, 1, 1);
}

/* Two flags set by software with GIE clear: PORT2 (vector 49) and PORT1 (52).
   Once GIE is set the CPU takes the higher vector first (fixed priority). */
static void raise_priority(void)
{
    dint();
    P2IFG |= BIT6;
    P1IFG |= BIT5;
    eint();
}

/* Sleep in LPM0 once with the tick off and the watchdog interrupting every
   64 ACLK cycles. Its abi handler cannot clear CPUOFF in the SR the CPU
   saved, so the CPU sleeps on through each WDT interrupt; the third turns
   the tick back on, and the tick's stub handler, which can, wakes it. */
#define LPM_WDT_INTERRUPTS 3

static void raise_lpm(void)
{
    dint();
    timer_a_irq_enable(0);
    watchdog_interval(64);
    uint16_t before = watchdog_count;
    uint64_t tick = ticks_now();
    watchdog_then_tick = LPM_WDT_INTERRUPTS;
    arch_wait_for_interrupt();
    uint16_t slept_through = watchdog_count - before;
    bool by_tick = ticks_now() != tick;
    watchdog_interval(32768);
    timer_a_irq_enable(1);
    eint();
    kprintf("lpm0: slept through %u WDT (abi) interrupts; woken by %s\n",
            slept_through, by_tick ? "TIMERA0 (stub)" : "something else");
}

/* A watchdog password violation: PUC, the CPU restarts at the reset vector. */
static void raise_reset(void)
{
    watchdog_violate_password();
    for (;;)
        ;
}

/* 0x0000 is not an MSP430 instruction (format I and II opcodes start at
   0x1000): the simulator stops with "invalid opcode", its own error, not the
   guest's exit; the launcher reports it and no status. */
static void raise_illegal(void)
{
    __asm__ volatile(".word 0x0000");
}

const struct trap_trigger arch_traps[] = {
    {"nmi-pin", "NMI: the launcher pulses the RST/NMI pin (WDTNMI mode)", raise_nmi_pin, 0},
    {"port1", "PORT1 (abi): the launcher raises pin P1.0", raise_port1, 0},
    {"port2", "PORT2 (naked): the launcher raises pin P2.3", raise_port2, 0},
    {"ccr1", "TIMERA1 (abi): a Timer_A CCR1 compare, named by TAIV", raise_ccr1, 0},
    {"nest", "PORT1 (abi) on P1.1 sets GIE and waits 3 ticks: the tick nests in it", raise_nest, 0},
    {"priority", "PORT2 and PORT1 flagged with GIE clear: the higher vector first", raise_priority, 0},
    {"lpm", "LPM0: abi WDT interrupts leave it asleep, the stub tick wakes it", raise_lpm, 0},
    {"reset", "reset (PUC): a watchdog password violation; the kernel reboots", raise_reset, 0},
    {"illegal", "opcode 0x0000: the simulator stops with its own error", raise_illegal, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
