/* Generic timer (ARM DDI 0406C B8.2): a TVAL register counts down at CNTFRQ;
 * at zero the timer asserts its PPI (level) until TVAL is written again or
 * the timer is disabled. */
#include "arm32.h"
#include "timer.h"

static uint32_t period;

void timer_init(unsigned hz)
{
    period = r_cntfrq() / hz;
    w_cntp_tval(period);
    w_cntp_ctl(CNT_CTL_ENABLE);       /* IMASK clear: the interrupt reaches the GIC */
}

void timer_rearm(void)
{
    w_cntp_tval(period);
}

void vtimer_fire_in(unsigned us)
{
    w_cntv_tval((uint32_t)((uint64_t)r_cntfrq() * us / 1000000));
    w_cntv_ctl(CNT_CTL_ENABLE);
}

void vtimer_stop(void)
{
    w_cntv_ctl(0);
}

void timer_spin(unsigned us)
{
    uint64_t until = r_cntpct() + (uint64_t)r_cntfrq() * us / 1000000;
    while (r_cntpct() < until)
        ;
}
