/* avr probes (kernel/probe.h): probe.S loads r0-r31 and SREG with the
 * sentinels below, lets the bench vector in, and reports every one back,
 * and SP before and after, and that the handler ran once. The AVR has no CPU
 * exceptions: no fault to probe. */
#include <stdint.h>

#include "avr.h"
#include "bench.h"
#include "probe.h"
#include "string.h"
#include "timer1.h"

#define REGISTERS 33            /* r0-r31, SREG */
#define SREG_SENTINEL 0x5a      /* T, S, V and Z set; I clear: SEI and CLI frame the raise */

void probe_run(void);           /* probe.S */

uint8_t probe_want[REGISTERS];
uint8_t probe_got[REGISTERS];
uint16_t probe_sp_before, probe_sp_after;

bool arch_probe_vector(unsigned vector, const char **why)
{
    if (vector != ISR_VEC_TIMER1_COMPC) {
        *why = "the bench raises only " NUMBER_TEXT(ISR_VEC_TIMER1_COMPC);
        return false;
    }
    for (unsigned i = 0; i < REGISTERS - 1; i++)
        probe_want[i] = (uint8_t)(0xa5 ^ (i * 0x1d));     /* a different byte in each, none 0 */
    probe_want[REGISTERS - 1] = SREG_SENTINEL;
    unsigned long before = bench_counter;
    cli();
    timer1_bench_mask_tick();
    poll_interrupts();          /* a pending tick runs now, not with the sentinels loaded */
    cli();
    timer1_bench_pend_compc();
    probe_run();
    timer1_bench_unmask_tick();
    char name[4] = "r";         /* built here: every string constant lives in SRAM */
    for (unsigned i = 0; i < REGISTERS - 1; i++) {
        if (i < 10) {
            name[1] = (char)('0' + i), name[2] = 0;
        } else {
            name[1] = (char)('0' + i / 10), name[2] = (char)('0' + i % 10), name[3] = 0;
        }
        probe_check(name, probe_got[i] == probe_want[i], probe_want[i], probe_got[i]);
    }
    probe_check("sreg", probe_got[REGISTERS - 1] == SREG_SENTINEL, SREG_SENTINEL, probe_got[REGISTERS - 1]);
    probe_check("taken", bench_counter == before + 1, 1, bench_counter - before);     /* the handler ran once */
    probe_check("sp", probe_sp_after == probe_sp_before, probe_sp_before, probe_sp_after);
    return true;
}
