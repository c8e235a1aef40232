/* Where the guest stops. QEMU's AVR machine has no exit device (no
 * semihosting, no test finisher), so `exit N` ends here: interrupts off, the
 * status in r24 (avr-gcc passes the first argument in r25:r24), and a jump to
 * itself at avr_parked. The launcher reads PC and r24 over QMP, and reads a
 * status only when PC is avr_parked (qemu/avr_park.py). */
    .section .text.avr_park, "ax", @progbits
    .global avr_park
    .type avr_park, @function
avr_park:
    cli
    .global avr_parked
    .type avr_parked, @function
avr_parked:
    rjmp avr_parked
    .size avr_parked, . - avr_parked
    .size avr_park, . - avr_park
