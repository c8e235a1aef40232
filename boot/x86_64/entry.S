/* From QEMU's PVH hand-off to kmain: long mode, identity paging, a stack.
 *
 * PVH (Xen's direct-boot ABI, which QEMU's -kernel loader speaks) enters at
 * the 32-bit address in the XEN_ELFNOTE_PHYS32_ENTRY note, in protected mode
 * with paging off, flat 4 GiB segments, interrupts off, EBX = start_info.
 */
#include "../../kernel/x86_64/memlayout.h"

#define PTE_P (1 << 0)          /* present */
#define PTE_W (1 << 1)          /* writable */
#define PTE_U (1 << 2)          /* user: ring 3 may access it, if every level above allows it too */
#define PTE_PWT (1 << 3)        /* with PCD: uncached, as device registers must be */
#define PTE_PCD (1 << 4)
#define PTE_PS (1 << 7)         /* in a page directory: this entry maps a 2 MiB page */
#define CR4_PAE (1 << 5)
#define EFER_MSR 0xc0000080
#define EFER_LME (1 << 8)       /* long mode enable: takes effect when paging turns on */
#define EFER_NXE (1 << 11)      /* honour bit 63 (no-execute) in page table entries */
#define CR0_PE_WP_PG 0x80010001 /* protection on, write-protect ring 0 too, paging on */
#define BOOT_STACK_SIZE 16384

    .section .note.pvh, "a", @note
    .balign 4
    .long 4                     /* name size: "Xen\0" */
    .long 4                     /* descriptor size: one 32-bit address */
    .long 18                    /* XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz "Xen"
    .balign 4
    .long pvh_start32

    .section .text.boot, "ax"
    .code32
    .globl pvh_start32
    .type pvh_start32, @function
pvh_start32:
    cli
    cld
    /* Clear BSS first: the page tables and the stack live there. */
    mov $__bss_start, %edi
    mov $__bss_end, %ecx
    sub %edi, %ecx
    xor %eax, %eax
    rep stosb

    /* One PML4 entry -> one PDPT entry -> one page directory: the first GiB.
       A ring-3 access is allowed only where U is set at every level (SDM
       4.6.1): U on the path to the first 2 MiB lets each 4 KiB entry decide,
       and only the user region's entries set it (below). */
    movl $(boot_pdpt + PTE_P + PTE_W + PTE_U), boot_pml4
    movl $(boot_pd + PTE_P + PTE_W + PTE_U), boot_pdpt
    /* PD[0] -> a page table: the first 2 MiB in 4 KiB pages, so single pages
       can be left out (NULL guard, stack guard) or protected (trap pages). */
    movl $(boot_pt + PTE_P + PTE_W + PTE_U), boot_pd

    /* The local APIC's registers at LAPIC_BASE, in the fourth GiB. */
    movl $(boot_pd_apic + PTE_P + PTE_W), boot_pdpt + 8 * (LAPIC_BASE >> 30)
    movl $(LAPIC_BASE + PTE_P + PTE_W + PTE_PWT + PTE_PCD + PTE_PS), \
         boot_pd_apic + 8 * ((LAPIC_BASE >> 21) & 511)

    mov $1, %ecx                /* PD[1..511]: 2 MiB pages for 2 MiB..1 GiB */
1:  mov %ecx, %eax
    shl $21, %eax
    or $(PTE_P + PTE_W + PTE_PS), %eax
    mov %eax, boot_pd(, %ecx, 8)
    inc %ecx
    cmp $512, %ecx
    jne 1b

    xor %ecx, %ecx              /* PT[0..511]: 4 KiB pages for 0..2 MiB */
2:  mov %ecx, %eax
    shl $12, %eax
    or $(PTE_P + PTE_W), %eax
    mov %eax, boot_pt(, %ecx, 8)
    inc %ecx
    cmp $512, %ecx
    jne 2b

    movl $0, boot_pt + 8 * (TRAP_NULL_PAGE >> 12)
    andl $~PTE_W, boot_pt + 8 * (TRAP_RO_PAGE >> 12)
    orl $0x80000000, boot_pt + 8 * (TRAP_NX_PAGE >> 12) + 4   /* bit 63 = NX */
    mov $boot_stack_guard, %eax /* a stack overflow must fault, not scribble */
    shr $12, %eax
    movl $0, boot_pt(, %eax, 8)

    /* The ring-3 task's pages (linker/x86_64.ld: page aligned, inside the
       first 2 MiB), the only ones ring 3 may touch. */
    mov $__user_start, %ecx
    shr $12, %ecx
    mov $__user_end, %edx
    shr $12, %edx
3:  orl $PTE_U, boot_pt(, %ecx, 8)
    inc %ecx
    cmp %edx, %ecx
    jne 3b

    mov %cr4, %eax
    or $CR4_PAE, %eax           /* long mode requires PAE page tables */
    mov %eax, %cr4
    mov $boot_pml4, %eax
    mov %eax, %cr3
    mov $EFER_MSR, %ecx
    rdmsr
    or $(EFER_LME + EFER_NXE), %eax
    wrmsr
    mov %cr0, %eax
    or $CR0_PE_WP_PG, %eax      /* now in compatibility mode ... */
    mov %eax, %cr0
    lgdt boot_gdt_register
    ljmp $0x08, $long_mode_entry   /* ... and a far jump to a 64-bit segment enters 64-bit mode */

    .code64
long_mode_entry:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %eax, %eax
    mov %ax, %fs
    mov %ax, %gs
    mov $boot_stack_top, %rsp
    xor %ebp, %ebp              /* end of the frame-pointer chain for debuggers */
    call kmain
4:  hlt
    jmp 4b
    .size pvh_start32, . - pvh_start32

    /* Just enough GDT to reach 64-bit mode; kernel/x86_64/gdt.c installs the real one. */
    .balign 8
boot_gdt:
    .quad 0
    .quad 0x00209a0000000000    /* 0x08: present ring-0 code, L=1 (64-bit) */
    .quad 0x0000920000000000    /* 0x10: present ring-0 data, writable */
boot_gdt_end:
boot_gdt_register:
    .short boot_gdt_end - boot_gdt - 1
    .quad boot_gdt

    .section .bss.boot, "aw", @nobits
    .balign 4096
boot_pml4:
    .skip 4096
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4096
boot_pt:
    .skip 4096
boot_pd_apic:
    .skip 4096
    .globl boot_stack_guard, boot_stack_top
boot_stack_guard:               /* unmapped above: the page just below the stack */
    .skip 4096
boot_stack:
    .skip BOOT_STACK_SIZE
boot_stack_top:
