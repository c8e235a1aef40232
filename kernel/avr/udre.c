/* The C half of the naked USART0_UDRE handler (udre_naked.S). */
#include "avr.h"
#include "stats.h"
#include "trap_report.h"

void usart0_udre_report(const uint8_t *pushed_pc);

/* UDRE stays raised while UDRIE is set and UDR0 is empty: clear UDRIE
   before printing, or every byte of the report would raise it again. */
void usart0_udre_report(const uint8_t *pushed_pc)
{
    UCSR0B &= (uint8_t)~_BV(UDRIE0);
    uint32_t pc = ((uint32_t)pushed_pc[0] << 16 | (uint32_t)pushed_pc[1] << 8 | pushed_pc[2]) * 2;
    stats_count(ISR_VEC_USART0_UDRE);
    avr_report(ISR_VEC_USART0_UDRE, pc, RESUME);
}
