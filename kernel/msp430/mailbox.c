/* Console input without a UART: the launcher (qemu/mspdebug_sim.py) writes
 * typed bytes into msp430_mailbox and raises USART0RX, whose handler queues
 * them for console_getc and wakes the CPU, as a UART's RX interrupt would.
 *
 * The launcher can write only while the guest is stopped at its breakpoint,
 * so the guest offers the mailbox at two moments: when the shell wants a byte
 * and none is queued (HOST_INPUT, here), and each time the CPU is about to
 * sleep (HOST_IDLE, kernel/msp430/arch.c), which is at least once a tick
 * while the shell waits or sleeps: typed bytes, a Ctrl-C among them, reach
 * a sleeping shell as they would through a UART, and what the receive ring
 * cannot hold is dropped and counted as on every other arch.
 *
 * tools/toolchain.py links msp430 with --wrap=console_getc: the
 * shell's calls come here first, so kernel/console.c needs no change.
 */
#include "console.h"
#include "host.h"
#include "mailbox.h"
#include "mcu.h"
#include "stats.h"
#include "trap_report.h"

struct mailbox msp430_mailbox;

char __real_console_getc(void);
char __wrap_console_getc(void);

/* The launcher must never write over bytes the handler has not taken yet:
   until it has (len back to 0), the offer has no room. */
void mailbox_offer(enum host_request why)
{
    uint16_t room = msp430_mailbox.len == 0 ? MAILBOX_SIZE : 0;
    msp430_host_request(why, room, ISR_VEC_USART0RX - ISR_IRQ_BASE);
}

char __wrap_console_getc(void)
{
    /* The console's own count, not one kept here: a Ctrl-C discards what was
       typed ahead of it (console_take_break) without reading it. */
    if (console_rx_pending() == 0)
        mailbox_offer(HOST_INPUT);
    return __real_console_getc();
}

/* stub: it must wake console_getc, asleep in LPM0. */
void on_mailbox_rx(struct trap_frame *tf)
{
    struct cpu_frame *frame = (struct cpu_frame *)&tf->sr;
    uint8_t len = msp430_mailbox.len;
    if (len > MAILBOX_SIZE)
        len = MAILBOX_SIZE;
    for (uint8_t i = 0; i < len; i++)
        console_rx_push((char)msp430_mailbox.data[i], (unsigned)tf->vector);
    msp430_mailbox.len = 0;
    stats_count(tf->vector);
    bool woke = (frame->sr & SR_LPM_BITS) != 0;
    if (report_irqs) {
        msp430_report_begin(tf->vector, frame);     /* the SR as the CPU saved it */
        report_field("bytes", "%u", len);
        msp430_report_end(frame, woke);
    }
    frame->sr &= ~SR_LPM_BITS;          /* RETI restores an SR that runs the CPU */
}
