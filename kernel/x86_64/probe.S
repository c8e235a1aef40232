/* probe_run(target) (kernel/x86_64/probe.c): with every general register but
 * RSP, and RFLAGS, holding its sentinel from probe_want, call target (a
 * swint_table entry, or a fault below), then store them all in probe_got
 * and RSP before and after in probe_rsp_before/after; in the SSE variant
 * (ISR_SSE_PROBE) the xmm registers too, from probe_xmm_want to probe_xmm_got.
 * Only RIP-relative memory operands touch the sentinels' registers. */
    .section .text.probe_run, "ax"
    .globl probe_run
    .type probe_run, @function
probe_run:
    pushq %rbx
    pushq %rbp
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    pushfq
    movq %rdi, probe_target(%rip)
    movq %rsp, probe_saved_rsp(%rip)
    pushq probe_want+120(%rip)
    popfq
    movq probe_want+0(%rip), %rax
    movq probe_want+8(%rip), %rbx
    movq probe_want+16(%rip), %rcx
    movq probe_want+24(%rip), %rdx
    movq probe_want+32(%rip), %rsi
    movq probe_want+40(%rip), %rdi
    movq probe_want+48(%rip), %rbp
    movq probe_want+56(%rip), %r8
    movq probe_want+64(%rip), %r9
    movq probe_want+72(%rip), %r10
    movq probe_want+80(%rip), %r11
    movq probe_want+88(%rip), %r12
    movq probe_want+96(%rip), %r13
    movq probe_want+104(%rip), %r14
    movq probe_want+112(%rip), %r15
#ifdef ISR_SSE_PROBE
    /* The SSE variant (kernel/x86_64/sse/): every xmm register holds its sentinel too. */
    movdqu probe_xmm_want+0(%rip), %xmm0
    movdqu probe_xmm_want+16(%rip), %xmm1
    movdqu probe_xmm_want+32(%rip), %xmm2
    movdqu probe_xmm_want+48(%rip), %xmm3
    movdqu probe_xmm_want+64(%rip), %xmm4
    movdqu probe_xmm_want+80(%rip), %xmm5
    movdqu probe_xmm_want+96(%rip), %xmm6
    movdqu probe_xmm_want+112(%rip), %xmm7
    movdqu probe_xmm_want+128(%rip), %xmm8
    movdqu probe_xmm_want+144(%rip), %xmm9
    movdqu probe_xmm_want+160(%rip), %xmm10
    movdqu probe_xmm_want+176(%rip), %xmm11
    movdqu probe_xmm_want+192(%rip), %xmm12
    movdqu probe_xmm_want+208(%rip), %xmm13
    movdqu probe_xmm_want+224(%rip), %xmm14
    movdqu probe_xmm_want+240(%rip), %xmm15
#endif
    movq %rsp, probe_rsp_before(%rip)
    call *probe_target(%rip)
    movq %rsp, probe_rsp_after(%rip)
#ifdef ISR_SSE_PROBE
    movdqu %xmm0, probe_xmm_got+0(%rip)
    movdqu %xmm1, probe_xmm_got+16(%rip)
    movdqu %xmm2, probe_xmm_got+32(%rip)
    movdqu %xmm3, probe_xmm_got+48(%rip)
    movdqu %xmm4, probe_xmm_got+64(%rip)
    movdqu %xmm5, probe_xmm_got+80(%rip)
    movdqu %xmm6, probe_xmm_got+96(%rip)
    movdqu %xmm7, probe_xmm_got+112(%rip)
    movdqu %xmm8, probe_xmm_got+128(%rip)
    movdqu %xmm9, probe_xmm_got+144(%rip)
    movdqu %xmm10, probe_xmm_got+160(%rip)
    movdqu %xmm11, probe_xmm_got+176(%rip)
    movdqu %xmm12, probe_xmm_got+192(%rip)
    movdqu %xmm13, probe_xmm_got+208(%rip)
    movdqu %xmm14, probe_xmm_got+224(%rip)
    movdqu %xmm15, probe_xmm_got+240(%rip)
#endif
    pushfq
    popq probe_got+120(%rip)
    movq %rax, probe_got+0(%rip)
    movq %rbx, probe_got+8(%rip)
    movq %rcx, probe_got+16(%rip)
    movq %rdx, probe_got+24(%rip)
    movq %rsi, probe_got+32(%rip)
    movq %rdi, probe_got+40(%rip)
    movq %rbp, probe_got+48(%rip)
    movq %r8, probe_got+56(%rip)
    movq %r9, probe_got+64(%rip)
    movq %r10, probe_got+72(%rip)
    movq %r11, probe_got+80(%rip)
    movq %r12, probe_got+88(%rip)
    movq %r13, probe_got+96(%rip)
    movq %r14, probe_got+104(%rip)
    movq %r15, probe_got+112(%rip)
    movq probe_saved_rsp(%rip), %rsp
    popfq
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbp
    popq %rbx
    ret
    .size probe_run, . - probe_run

/* The faults: the handler must resume at the label after the instruction,
 * which it learns from probe_fault_next and writes into the saved frame. */
    .globl probe_gp_target, probe_gp_next, probe_pf_target, probe_pf_next
probe_gp_target:
    cmpq $0, (%rbx)             /* non-canonical: #GP(0) */
probe_gp_next:
    ret
probe_pf_target:
    cmpq $0, (%rcx)             /* the NULL page is not mapped: #PF */
probe_pf_next:
    ret

    .section .bss.probe_run, "aw", @nobits
    .balign 8
probe_target:
    .quad 0
probe_saved_rsp:
    .quad 0
