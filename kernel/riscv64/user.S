/* The U-mode tasks, and the mret that enters them. */
#include "user.h"

#define MSTATUS_MIE (1 << 3)
#define MSTATUS_MPIE (1 << 7)
#define MSTATUS_MPP_MASK (3 << 11)      /* MPP = 0: mret goes to U-mode */

    /* Linked into the user region (linker/riscv64.ld): PMP entry 0 lets
       U-mode execute this and use the stack below, nothing else. */
    .section .user.text, "ax"
    .globl user_ecall_task
    .type user_ecall_task, @function
user_ecall_task:
    li a7, SYS_ECHO
    ecall                       /* a0 = a0 + 1 */
    li a7, SYS_EXIT
    ecall                       /* does not return */
    .size user_ecall_task, . - user_ecall_task

    .globl user_csr_task
    .type user_csr_task, @function
user_csr_task:
    csrr a0, mstatus            /* an M-mode CSR from U-mode: illegal instruction */
    li a7, SYS_EXIT
    ecall
    .size user_csr_task, . - user_csr_task

    .globl user_mem_task
    .type user_mem_task, @function
user_mem_task:
    ld a0, 0(a0)                /* kernel memory, outside the PMP region: load access fault */
    li a7, SYS_EXIT
    ecall
    .size user_mem_task, . - user_mem_task

    .section .user.stack, "aw", @nobits
    .balign 16
user_stack:
    .skip 4096
user_stack_top:

    .section .text.user_enter, "ax"
    .globl user_enter
    .type user_enter, @function
user_enter:
    csrci mstatus, MSTATUS_MIE  /* an interrupt now would overwrite mepc */
    csrw mepc, a0
    li t0, MSTATUS_MPP_MASK
    csrc mstatus, t0
    li t0, MSTATUS_MPIE         /* mret sets MIE from MPIE: interrupts on in the task */
    csrs mstatus, t0
    lla sp, user_stack_top
    mv a0, a1
    mret
    .size user_enter, . - user_enter
