/* probe_run (kernel/msp430/probe.c), entered with GIE clear and the bench
 * vector pending: with r4-r15 and SR's flags holding probe_want's sentinels,
 * let it in as bench_window.S does (EINT, NOP), and store every one in
 * probe_got, and SP before and after. r1 is SP; r2 is SR; r3 is the constant
 * generator: nothing to keep there. MOV leaves the flags alone. */
    .section .text.probe_run, "ax"
    .globl probe_run
    .type probe_run, @function
probe_run:
    push r4
    push r5
    push r6
    push r7
    push r8
    push r9
    push r10
    mov r1, &probe_sp_before
    mov &probe_want + 24, r2    ; the SR sentinel: flags only, GIE clear
    mov &probe_want, r4
    mov &probe_want + 2, r5
    mov &probe_want + 4, r6
    mov &probe_want + 6, r7
    mov &probe_want + 8, r8
    mov &probe_want + 10, r9
    mov &probe_want + 12, r10
    mov &probe_want + 14, r11
    mov &probe_want + 16, r12
    mov &probe_want + 18, r13
    mov &probe_want + 20, r14
    mov &probe_want + 22, r15
    eint
    nop
    dint
    mov r4, &probe_got
    mov r5, &probe_got + 2
    mov r6, &probe_got + 4
    mov r7, &probe_got + 6
    mov r8, &probe_got + 8
    mov r9, &probe_got + 10
    mov r10, &probe_got + 12
    mov r11, &probe_got + 14
    mov r12, &probe_got + 16
    mov r13, &probe_got + 18
    mov r14, &probe_got + 20
    mov r15, &probe_got + 22
    mov r2, &probe_got + 24
    mov r1, &probe_sp_after
    pop r10
    pop r9
    pop r8
    pop r7
    pop r6
    pop r5
    pop r4
    ret
    .size probe_run, . - probe_run
