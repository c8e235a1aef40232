/* x86_64 instructions the kernel needs, one tiny wrapper each, named after
 * what they touch, so that C files stay free of inline assembly. */
#ifndef X86_H
#define X86_H

#include <stdint.h>

#define RFLAGS_TF (1u << 8)     /* trap flag: single-step, #DB after the next instruction */
#define RFLAGS_IF (1u << 9)     /* interrupt flag: maskable interrupts enabled */
#define CR0_MP (1u << 1)        /* monitor coprocessor: WAIT honours TS too */
#define CR0_EM (1u << 2)        /* emulation: every x87 instruction raises #NM */
#define CR0_TS (1u << 3)        /* task switched: next x87/SSE instruction raises #NM */
#define CR0_NE (1u << 5)        /* numeric error: x87 errors raise #MF, not the legacy IRQ 13 */
#define CR0_AM (1u << 18)       /* alignment mask: with RFLAGS.AC at CPL 3, a misaligned access raises #AC */
#define CR4_OSFXSR (1u << 9)    /* the OS saves SSE state: SSE instructions are allowed */
#define CR4_OSXMMEXCPT (1u << 10) /* unmasked SSE errors raise #XM instead of #UD */

static inline void outb(uint16_t port, uint8_t value)
{
    __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t value;
    __asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

static inline void outl(uint16_t port, uint32_t value)
{
    __asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t low, high;
    __asm__ volatile("rdmsr" : "=a"(low), "=d"(high) : "c"(msr));
    return ((uint64_t)high << 32) | low;
}

static inline void wrmsr(uint32_t msr, uint64_t value)
{
    __asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32)));
}

static inline uint64_t r_cr0(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}

static inline void w_cr0(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint64_t r_cr4(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}

static inline void w_cr4(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void fninit(void)
{
    __asm__ volatile("fninit");
}

static inline void fldcw(uint16_t control)
{
    __asm__ volatile("fldcw %0" : : "m"(control));
}

static inline void ldmxcsr(uint32_t control)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(control));
}

static inline uint64_t r_cr2(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline uint64_t r_dr6(void)
{
    uint64_t v;
    __asm__ volatile("mov %%dr6, %0" : "=r"(v));
    return v;
}

static inline void w_dr6(uint64_t v)
{
    __asm__ volatile("mov %0, %%dr6" : : "r"(v));
}

static inline uint64_t r_rflags(void)
{
    uint64_t v;
    __asm__ volatile("pushfq; popq %0" : "=r"(v));
    return v;
}

static inline void clts(void)
{
    __asm__ volatile("clts");
}

struct __attribute__((packed)) table_register {
    uint16_t limit;             /* size in bytes minus one */
    uint64_t base;
};

static inline void lidt(const struct table_register *r)
{
    __asm__ volatile("lidt %0" : : "m"(*r));
}

static inline void sidt(struct table_register *r)
{
    __asm__ volatile("sidt %0" : "=m"(*r));
}

static inline void lgdt(const struct table_register *r)
{
    __asm__ volatile("lgdt %0" : : "m"(*r));
}

static inline void ltr(uint16_t selector)
{
    __asm__ volatile("ltr %0" : : "r"(selector));
}

static inline void cli(void)
{
    __asm__ volatile("cli" ::: "memory");
}

static inline void sti(void)
{
    __asm__ volatile("sti" ::: "memory");
}

/* STI delays interrupts until after the next instruction, so no interrupt can
   slip in between the two and leave HLT sleeping with the wakeup consumed. */
static inline void sti_hlt_cli(void)
{
    __asm__ volatile("sti; hlt; cli" ::: "memory");
}

static inline void hlt(void)
{
    __asm__ volatile("hlt");
}

#endif
