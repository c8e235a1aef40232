/* `break NAME` on riscv64: mtvec made wrong on purpose.
 *
 * direct: MODE = 0 (privileged spec 3.1.7) on the same table. In direct mode
 * every trap, interrupt or exception, sets pc to BASE, so the next interrupt
 * (the timer's, within a tick) runs slot 0, the exception dispatcher, instead
 * of BASE + 4 * cause. The dispatcher counts mcause down to an exception code
 * and never reaches one (bit 63 is set), so it ends in the last trampoline,
 * vector 16, which is "anything else at BASE": the default handler reports
 * vec=16 with the real cause in mcause, and masks that interrupt in mie so
 * that it reports once. restore() puts vectored mode and mie back, and the
 * pending interrupt is then taken at its own slot.
 */
#include <stdint.h>

#include "arch.h"
#include "printf.h"
#include "riscv.h"

static uint64_t saved_mtvec, saved_mie;

static void break_direct(void)
{
    saved_mtvec = r_mtvec();
    saved_mie = r_mie();
    w_mtvec(saved_mtvec & ~MTVEC_MODE_MASK);
    kprintf("break: mtvec=0x%llx mode=direct\n", (unsigned long long)r_mtvec());
    wfi_then_take();            /* the default handler resumes here */
}

static void restore_direct(void)
{
    w_mtvec(saved_mtvec);
    w_mie(saved_mie);
}

const struct trap_trigger arch_breaks[] = {
    {"direct", "mtvec in direct mode: the next interrupt enters BASE, the exception dispatcher",
     break_direct, restore_direct},
};

const unsigned arch_break_count = sizeof(arch_breaks) / sizeof(arch_breaks[0]);
