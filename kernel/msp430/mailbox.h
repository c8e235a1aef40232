#ifndef MAILBOX_H
#define MAILBOX_H

#include <stdint.h>

#include "host.h"

#define MAILBOX_SIZE 64

/* Written by the launcher while the guest is stopped at a HOST_INPUT or
   HOST_IDLE request that offered room: len bytes of typed input. */
struct mailbox {
    volatile uint8_t len;
    volatile uint8_t data[MAILBOX_SIZE];
};
extern struct mailbox msp430_mailbox;

/* Stop at the launcher's breakpoint with the mailbox's room and its interrupt
   (why: HOST_INPUT or HOST_IDLE). */
void mailbox_offer(enum host_request why);

#endif
