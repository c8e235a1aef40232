/* From reset to kmain on the ATmega2560: RESET (slot 0 of the vector table)
 * jumps here with interrupts off (SREG.I is 0 after reset).
 *
 * No avr-libc startup (-nostartfiles): set what avr-gcc's code assumes
 * (r1 = 0, SREG clear, SP at the top of SRAM, EIND = 0 for EICALL), copy
 * .data from flash to SRAM and clear .bss. QEMU loads .data into flash at
 * its load address only (linker/avr.ld).
 */
#define SREG 0x3f
#define SPH 0x3e
#define SPL 0x3d
#define EIND 0x3c
#define RAMPZ 0x3b

    .section .text.avr_reset, "ax", @progbits
    .global avr_reset
    .type avr_reset, @function
avr_reset:
    clr r1
    out SREG, r1
    out EIND, r1
    ldi r28, lo8(__stack_top)
    ldi r29, hi8(__stack_top)
    out SPH, r29
    out SPL, r28
    /* .data: ELPM from RAMPZ:Z (flash, any of its 256 KiB) to X (SRAM). */
    ldi r26, lo8(__data_start)
    ldi r27, hi8(__data_start)
    ldi r30, lo8(__data_load_start)
    ldi r31, hi8(__data_load_start)
    ldi r16, hh8(__data_load_start)
    out RAMPZ, r16
    ldi r17, hi8(__data_end)
1:  cpi r26, lo8(__data_end)
    cpc r27, r17
    breq 2f
    elpm r0, Z+                 /* Z+ carries into RAMPZ */
    st X+, r0
    rjmp 1b
2:  out RAMPZ, r1
    /* .bss */
    ldi r26, lo8(__bss_start)
    ldi r27, hi8(__bss_start)
    ldi r17, hi8(__bss_end)
3:  cpi r26, lo8(__bss_end)
    cpc r27, r17
    breq 4f
    st X+, r1
    rjmp 3b
4:  call kmain
    rjmp .                      /* kmain never returns */
    .size avr_reset, . - avr_reset
