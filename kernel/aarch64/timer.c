/* EL1 physical timer: CNTP_TVAL_EL0 counts down at CNTFRQ_EL0; at zero the
 * timer asserts its PPI (level) until TVAL is written again (Arm ARM D11.2). */
#include "aarch64.h"
#include "timer.h"

static uint64_t period;

void timer_init(unsigned hz)
{
    period = r_cntfrq() / hz;
    w_cntp_tval(period);
    w_cntp_ctl(CNTP_CTL_ENABLE);       /* IMASK clear: the interrupt reaches the GIC */
}

void timer_rearm(void)
{
    w_cntp_tval(period);
}
