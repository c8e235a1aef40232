/* `trap NAME`: raise each exception that software can raise on Cortex-M3,
 * on purpose, and the two NVIC priority scenarios.
 *
 * kernel/traps.c runs each under a recovery point, so a fault comes back to the
 * prompt ("recovered") and an exception that returns continues after it
 * ("resumed"). The faulting accesses are written in assembly: in C they
 * would be undefined behaviour that the compiler may remove.
 */
#include <stdint.h>

#include "arch.h"
#include "cm3.h"
#include "irq.h"
#include "memlayout.h"
#include "nvic.h"
#include "scb.h"

#define PSP_STACK_WORDS 128

static void raise_undef(void)
{
    __asm__ volatile("udf #0");              /* permanently undefined: UsageFault UNDEFINSTR */
}

static void raise_div0(void)
{
    __asm__ volatile("movs r0, #1\n\tmovs r1, #0\n\tudiv r0, r0, r1" ::: "r0", "r1");
}

static void raise_unaligned(void)
{
    __asm__ volatile("ldr r0, [%0]" : : "r"(SCB_VTOR + 1) : "r0", "memory");   /* word load, odd address */
}

static void raise_bus(void)
{
    __asm__ volatile("ldr r0, [%0]" : : "r"(UNMAPPED_ADDR) : "r0", "memory");
}

/* FAULTMASK raises the execution priority to -1, HardFault's own: a fault then
   has nowhere to go, not even HardFault, and the core locks up (ARMv7-M ARM
   B1.5.15): it stops executing until a reset. No recovery point brings it back. */
static void raise_lockup(void)
{
    __asm__ volatile("cpsid f\n\tudf #0" ::: "memory");
}

/* A store the core may buffer: on a Cortex-M3 the write completes after the
   STR retires, so its bus error is imprecise (IMPRECISERR, PC past it, no
   BFAR). QEMU 7.2 completes every store at once: the fault comes back precise. */
static void raise_bus_write(void)
{
    __asm__ volatile("str %0, [%1]" : : "r"(0), "r"(UNMAPPED_ADDR) : "memory");
}

static void raise_xn(void)
{
    __asm__ volatile("blx %0" : : "r"(XN_ADDR | 1u) : "lr", "memory");          /* | 1: stay in Thumb */
}

/* With PRIMASK set no configurable fault can run its handler: the undefined
   instruction escalates to HardFault with HFSR.FORCED. */
static void raise_forced(void)
{
    __asm__ volatile("cpsid i\n\tudf #1" ::: "memory");
}

/* With BusFault disabled in SHCSR its handler cannot run: the bus error
   escalates to HardFault with HFSR.FORCED, and BFAR still holds the address. */
static void raise_forced_bus(void)
{
    mmio_write(SCB_SHCSR, mmio_read(SCB_SHCSR) & ~SHCSR_BUSFAULTENA);
    raise_bus();
}

static void enable_bus_fault(void)
{
    mmio_write(SCB_SHCSR, mmio_read(SCB_SHCSR) | SHCSR_BUSFAULTENA);
}

static void raise_svc(void)
{
    __asm__ volatile("svc #42" ::: "r0", "memory");
}

/* SVC from Thread mode on the process stack: CONTROL.SPSEL = 1 selects PSP,
   so the hardware frame lands there and EXC_RETURN bit 2 says so. */
static void raise_svc_psp(void)
{
    static uint64_t psp_stack[PSP_STACK_WORDS];     /* uint64_t: 8-byte aligned, as AAPCS wants */
    __asm__ volatile("msr psp, %0\n\t"
                     "mrs r1, control\n\torr r1, r1, #2\n\tmsr control, r1\n\tisb\n\t"
                     "svc #7\n\t"
                     "mrs r1, control\n\tbic r1, r1, #2\n\tmsr control, r1\n\tisb"
                     : : "r"(&psp_stack[PSP_STACK_WORDS]) : "r0", "r1", "memory");
}

static void raise_nmi(void)
{
    nvic_pend(EXC_NMI);
}

static void raise_preempt(void)
{
    timer0_pends_timer1 = true;
    nvic_pend(ISR_VEC_TIMER0);
}

/* Both pended while PRIMASK masks them, the higher number first: once
   unmasked, equal priority is decided by the lower exception number, and
   the second runs tail-chained after the first, without unstacking. */
static void raise_tailchain(void)
{
    cpsid_i();
    nvic_pend(ISR_VEC_IRQ11);
    nvic_pend(ISR_VEC_DUALTIMER);
    cpsie_i();
    barrier();
}

const struct trap_trigger arch_traps[] = {
    {"undef", "UsageFault: udf, an undefined instruction", raise_undef, 0},
    {"div0", "UsageFault: udiv by zero with CCR.DIV_0_TRP", raise_div0, 0},
    {"unaligned", "UsageFault: ldr from an odd address with CCR.UNALIGN_TRP", raise_unaligned, 0},
    {"bus", "BusFault: load from an address nothing decodes (0x60000000)", raise_bus, 0},
    {"lockup", "lockup: udf with FAULTMASK set (the machine stops for good)", raise_lockup, 0},
    {"bus-write", "BusFault: store there (imprecise on hardware; QEMU 7.2: precise)", raise_bus_write, 0},
    {"xn", "MemManage: instruction fetch from the XN system region", raise_xn, 0},
    {"forced", "HardFault: udf with PRIMASK set, escalated (HFSR.FORCED)", raise_forced, 0},
    {"forced-bus", "HardFault: bus error with BusFault disabled in SHCSR", raise_forced_bus, enable_bus_fault},
    {"svc", "SVCall: svc #42, resumes after it", raise_svc, 0},
    {"svc-psp", "SVCall: svc #7 from Thread mode on the process stack", raise_svc_psp, 0},
    {"nmi", "NMI: pended through ICSR.NMIPENDSET", raise_nmi, 0},
    {"preempt", "TIMER0 (prio 0xc0) pends TIMER1 (0x40), which preempts it", raise_preempt, 0},
    {"tailchain", "IRQ11 and DUALTIMER (both 0xa0) pended together: tail-chained", raise_tailchain, 0},
};

const unsigned arch_trap_count = sizeof(arch_traps) / sizeof(arch_traps[0]);
