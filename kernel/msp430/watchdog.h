#ifndef WATCHDOG_H
#define WATCHDOG_H

#include <stdint.h>

void watchdog_init(void);
/* Interval in ACLK cycles: 32768, 8192, 512 or 64 (WDTISx). */
void watchdog_interval(uint16_t cycles);
/* A write without the password: the watchdog resets the part (PUC). */
void watchdog_violate_password(void);
/* Its interrupt on or off (IE1.WDTIE): the bench masks it (kernel/msp430/bench.c). */
void watchdog_irq_enable(int on);
extern volatile uint16_t watchdog_count;
/* When non-zero: count WDT interrupts down, and at zero enable the tick again (`trap lpm`). */
extern volatile uint16_t watchdog_then_tick;

#endif
