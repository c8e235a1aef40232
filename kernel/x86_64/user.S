/* The ring-3 task, and the IRETQ that enters it. */
#include "gdt.h"
#include "user.h"

#define RFLAGS_RESERVED (1 << 1)        /* always 1 */
#define RFLAGS_IF (1 << 9)
#define RFLAGS_AC (1 << 18)
#define SWINT_ENTRY_SIZE 8

    /* Linked into the user pages (linker/x86_64.ld): the only code ring 3
       may fetch. */
    .section .user.text, "ax"

    /* `int` takes its vector as an immediate: entry N is "int $N; ret".
       Ring 3 needs its own copy; kernel/x86_64/swint.S is on kernel pages. */
    .balign 8
user_swint_table:
    .set vector, 0
    .rept 256
    .balign SWINT_ENTRY_SIZE
    int $vector
    ret
    .set vector, vector + 1
    .endr

    /* RAX = result, RBX = the system-call vector: SYS_EXIT, never returns. */
user_exit:
    movl $SYS_EXIT, %edi
    leaq user_swint_table(%rip), %rcx
    leaq (%rcx, %rbx, SWINT_ENTRY_SIZE), %rcx
    call *%rcx
    ud2

    .globl user_int_task
    .type user_int_task, @function
user_int_task:
    movq %rsi, %rbx
    leaq 0x1000(%rdi), %rax     /* as the shell's `int N` */
    leaq user_swint_table(%rip), %rcx
    leaq (%rcx, %rdi, SWINT_ENTRY_SIZE), %rcx
    movl $SYS_ECHO, %edi        /* what the system-call gate, if it is one, should do */
    call *%rcx                  /* a DPL 0 gate: #GP instead, and no return */
    jmp user_exit
    .size user_int_task, . - user_int_task

    .globl user_hlt_task
    .type user_hlt_task, @function
user_hlt_task:
    movq %rsi, %rbx
    hlt                         /* privileged: #GP(0) at CPL > 0 */
    jmp user_exit
    .size user_hlt_task, . - user_hlt_task

    /* Alignment check (SDM 6.15): RFLAGS.AC is writable at any CPL, and with
       CR0.AM set by the kernel a misaligned load at CPL 3 is #AC(0), vector 17. */
    .globl user_ac_task
    .type user_ac_task, @function
user_ac_task:
    movq %rsi, %rbx
    pushfq
    orl $RFLAGS_AC, (%rsp)
    popfq
    movl 1(%rsp), %eax          /* four bytes at an odd address */
    jmp user_exit
    .size user_ac_task, . - user_ac_task

    .globl user_cli_task
    .type user_cli_task, @function
user_cli_task:
    movq %rsi, %rbx
    cli                         /* needs CPL <= IOPL, and IOPL is 0: #GP(0) */
    jmp user_exit
    .size user_cli_task, . - user_cli_task

    .globl user_load_task
    .type user_load_task, @function
user_load_task:
    movq %rsi, %rbx
    movq (%rdi), %rax           /* a page without the user bit, or none: #PF, U set in the error code */
    jmp user_exit
    .size user_load_task, . - user_load_task

    .section .user.stack, "aw", @nobits
    .balign 16
user_stack:
    .skip 4096
user_stack_top:

    .section .text.user_enter, "ax"
    .globl user_enter
    .type user_enter, @function
user_enter:
    /* IRETQ to a less privileged CS pops RIP, CS, RFLAGS, RSP and SS
       (SDM 6.14.3): build that frame, then clear every register the task
       could read kernel values from. */
    pushq $(GDT_USER_DATA | RPL_USER)
    leaq user_stack_top(%rip), %rax
    pushq %rax
    pushq $(RFLAGS_IF | RFLAGS_RESERVED)    /* IOPL 0: CLI, HLT, IN, OUT are refused */
    pushq $(GDT_USER_CODE | RPL_USER)
    pushq %rdi
    movq %rsi, %rdi
    movq %rdx, %rsi
    xorl %eax, %eax
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
    xorl %ebp, %ebp
    xorl %r8d, %r8d
    xorl %r9d, %r9d
    xorl %r10d, %r10d
    xorl %r11d, %r11d
    xorl %r12d, %r12d
    xorl %r13d, %r13d
    xorl %r14d, %r14d
    xorl %r15d, %r15d
    iretq
    .size user_enter, . - user_enter
