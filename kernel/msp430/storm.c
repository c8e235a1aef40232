/* The storm guard's mask (kernel/storm.h): the enable bit of the sources this
 * kernel drives; the others it never enables. */
#include "mcu.h"
#include "storm.h"

const char *arch_storm_mask(unsigned vector)
{
    if (vector == ISR_VEC_TIMERA0) {
        TACCTL0 &= ~CCIE;
        return "TACCTL0.CCIE";
    }
    if (vector == ISR_VEC_TIMERA1) {
        TACCTL1 &= ~CCIE;
        TACTL &= ~TAIE;
        return "TACCTL1.CCIE+TACTL.TAIE";
    }
    if (vector == ISR_VEC_WDT) {
        IE1 &= ~WDTIE;
        return "IE1.WDTIE";
    }
    if (vector == ISR_VEC_PORT1 || vector == ISR_VEC_PORT2) {
        if (vector == ISR_VEC_PORT1)
            P1IE = 0;
        else
            P2IE = 0;
        return vector == ISR_VEC_PORT1 ? "P1IE" : "P2IE";
    }
    if (vector == ISR_VEC_NMI) {
        IE1 &= ~(NMIIE | OFIE | ACCVIE);
        return "IE1.NMIIE+OFIE+ACCVIE";
    }
    return 0;
}
