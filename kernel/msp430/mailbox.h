#ifndef MAILBOX_H
#define MAILBOX_H

#include <stdint.h>

#define MAILBOX_SIZE 64

/* Written by the launcher at the HOST_INPUT breakpoint: len bytes of typed input. */
struct mailbox {
    volatile uint8_t len;
    volatile uint8_t data[MAILBOX_SIZE];
};
extern struct mailbox msp430_mailbox;

#endif
