/* A `naked` handler: isr/avr.py points vector 26 (USART0_UDRE) straight at
 * this entry, and the generator only wires and keeps it. Everything is ours:
 * the CPU saved only the return PC, so save SREG and every register that
 * avr-gcc lets a C call clobber (r0, r1, r18-r27, r30, r31), hand the C side
 * a pointer to the pushed PC, restore, RETI. */
#define SREG 0x3f
#define SPL 0x3d
#define SPH 0x3e

    .section .text.usart0_udre_entry, "ax", @progbits
    .global usart0_udre_entry
    .type usart0_udre_entry, @function
usart0_udre_entry:
    push r24
    in r24, SREG
    push r24
    push r25
    in r24, SPL
    in r25, SPH
    adiw r24, 4                 /* SP+1 r25, +2 SREG, +3 r24, +4 the PC's high byte */
    push r0
    push r1
    push r18
    push r19
    push r20
    push r21
    push r22
    push r23
    push r26
    push r27
    push r30
    push r31
    clr r1                      /* avr-gcc's zero register */
    call usart0_udre_report     /* (const uint8_t *pushed_pc) in r25:r24 */
    pop r31
    pop r30
    pop r27
    pop r26
    pop r23
    pop r22
    pop r21
    pop r20
    pop r19
    pop r18
    pop r1
    pop r0
    pop r25
    pop r24
    out SREG, r24
    pop r24
    reti
    .size usart0_udre_entry, . - usart0_udre_entry
