/* PORT2, `naked`: the entry the spec names, written by hand. It saves only
 * what a C call may clobber (r11-r15, MSP430 EABI), reports, and clears the
 * low-power bits in the SR the CPU pushed, so a CPU asleep in LPM wakes:
 * the thing an `abi` handler cannot do in clang. */
    .section .text.on_port2, "ax"
    .globl on_port2
    .type on_port2, @function
on_port2:
    push r15
    push r14
    push r13
    push r12
    push r11
    mov r1, r12
    add #10, r12                ; the CPU frame (SR, PC) above the five saved registers
    call #port2_taken
    bic #0xf0, 10(r1)           ; CPUOFF | OSCOFF | SCG0 | SCG1 in the saved SR
    pop r11
    pop r12
    pop r13
    pop r14
    pop r15
    reti
    .size on_port2, . - on_port2
