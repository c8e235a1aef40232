/* The GDT with a TSS, whose interrupt stack table gives chosen vectors their
 * own known-good stacks (double fault and NMI: isr/x86_64.py says which), and
 * whose rsp0 is the stack the CPU switches to on an interrupt from ring 3. */
#include <stdint.h>

#include "gdt.h"
#include "isr.h"
#include "x86.h"

_Static_assert(GDT_KERNEL_CODE == ISR_KERNEL_CS, "IDT gates must name the kernel code segment");

#define IST_STACKS 7
#define IST_STACK_SIZE 8192
#define RSP0_STACK_SIZE 8192

/* 64-bit TSS (SDM 8.7): no hardware task switching, only stack pointers. */
struct __attribute__((packed)) tss {
    uint32_t reserved0;
    uint64_t rsp[3];            /* stacks for entering rings 0-2 from an outer ring */
    uint64_t reserved1;
    uint64_t ist[IST_STACKS];   /* IST1..IST7: a gate with IST index n switches to ist[n-1] */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;        /* past the limit: no I/O permission bitmap */
};
_Static_assert(sizeof(struct tss) == 104, "64-bit TSS is 104 bytes");

static struct tss tss;
static uint8_t ist_stacks[IST_STACKS][IST_STACK_SIZE] __attribute__((aligned(16)));
static uint8_t rsp0_stack[RSP0_STACK_SIZE] __attribute__((aligned(16)));
static uint64_t gdt[GDT_LIMIT_END / 8] __attribute__((aligned(16)));

/* A system-segment descriptor for the TSS spans two slots (SDM 7.2.3). */
static void set_tss_descriptor(unsigned index, uint64_t base, uint32_t limit)
{
    gdt[index] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                 (0x89ull << 40) |              /* present, type 9: available 64-bit TSS */
                 ((uint64_t)((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
    gdt[index + 1] = base >> 32;
}

void gdt_init(void)
{
    gdt[GDT_KERNEL_CODE / 8] = 0x00209a0000000000;    /* present ring-0 code, L=1 */
    gdt[GDT_KERNEL_DATA / 8] = 0x0000920000000000;    /* present ring-0 data, writable */
    set_tss_descriptor(GDT_TSS / 8, (uint64_t)&tss, sizeof(tss) - 1);
    gdt[GDT_ABSENT_DATA / 8] = 0x0000120000000000;    /* writable data with P clear */
    /* Ring 3 (SDM 5.2.1): DPL in bits 45-46. IRETQ to CPL 3 needs a code
       segment of DPL 3 and an SS whose DPL equals it. */
    gdt[GDT_USER_CODE / 8] = 0x0020fa0000000000;      /* present ring-3 code, L=1 */
    gdt[GDT_USER_DATA / 8] = 0x0000f20000000000;      /* present ring-3 data, writable */
    for (unsigned i = 0; i < IST_STACKS; i++)
        tss.ist[i] = (uint64_t)&ist_stacks[i][IST_STACK_SIZE];  /* stacks grow down */
    /* An interrupt or exception that changes CPL 3 to CPL 0 loads RSP from
       rsp[0] before it pushes SS, RSP, RFLAGS, CS, RIP (SDM 6.14.2): the
       user's stack is never written by the CPU, nor trusted by the handler. */
    tss.rsp[0] = (uint64_t)&rsp0_stack[RSP0_STACK_SIZE];
    tss.iomap_base = sizeof(tss);

    struct table_register r = {sizeof(gdt) - 1, (uint64_t)gdt};
    lgdt(&r);
    /* CS can only be reloaded by a far transfer: return to the next line through it. */
    __asm__ volatile("pushq %0\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "movw %w1, %%ds\n\t"
                     "movw %w1, %%es\n\t"
                     "movw %w1, %%ss"
                     : : "i"(GDT_KERNEL_CODE), "r"(GDT_KERNEL_DATA) : "rax", "memory");
    ltr(GDT_TSS);
}

const char *stack_name(uint64_t addr)
{
    static const char *const names[IST_STACKS] = {"ist1", "ist2", "ist3", "ist4", "ist5", "ist6", "ist7"};
    for (unsigned i = 0; i < IST_STACKS; i++)
        if (addr >= (uint64_t)ist_stacks[i] && addr < (uint64_t)&ist_stacks[i][IST_STACK_SIZE])
            return names[i];
    if (addr >= (uint64_t)rsp0_stack && addr < (uint64_t)&rsp0_stack[RSP0_STACK_SIZE])
        return "rsp0";
    return "kernel";
}
