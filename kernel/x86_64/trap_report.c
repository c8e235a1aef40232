/* Decoding x86_64 error codes for the report line (SDM 6.13 and 4.7). */
#include "gdt.h"
#include "trap_report.h"
#include "x86.h"


/* #PF error code bits. */
#define PF_PRESENT (1u << 0)    /* 0: page not present; 1: protection violation */
#define PF_WRITE (1u << 1)
#define PF_USER (1u << 2)       /* the access came from CPL 3 */
#define PF_RESERVED (1u << 3)   /* a reserved bit was set in a paging entry */
#define PF_FETCH (1u << 4)      /* instruction fetch (with NX or SMEP) */

/* Selector error codes (#TS, #NP, #SS, #GP): bit 0 EXT (raised by an external
   event), bit 1 IDT, bit 2 TI (LDT, when not IDT), bits 3-15 the index. */
static void report_selector(uint64_t error)
{
    const char *table = (error & 2) ? "idt" : (error & 4) ? "ldt" : "gdt";
    report_field("sel", "0x%lx", error & 0xfff8);
    report_field("table", "%s", table);
    report_field("index", "%lu", (error & 0xffff) >> 3);
}

static void report_page_fault(uint64_t error)
{
    report_field("cr2", "0x%lx", r_cr2());
    report_field("pf", "%s,%s,%s,%s%s",
                 (error & PF_PRESENT) ? "protection" : "not-present",
                 (error & PF_WRITE) ? "write" : "read",
                 (error & PF_USER) ? "user" : "supervisor",
                 (error & PF_FETCH) ? "fetch" : "data",
                 (error & PF_RESERVED) ? ",reserved-bit" : "");
}

void x86_report_begin(unsigned vector, bool has_error, uint64_t error,
                      const struct interrupt_frame *frame)
{
    report_begin(vector, has_error, error, frame->rip);
    if (vector == ISR_VEC_PF)
        report_page_fault(error);
    else if (has_error && error != 0)
        report_selector(error);
    if (vector == ISR_VEC_DB)
        report_field("dr6", "0x%lx", r_dr6());
    /* The saved CS's low two bits are the CPL the CPU left (SDM 5.5). */
    report_field("cpl", "%lu", frame->cs & RPL_USER);
    report_field("stack", "%s", stack_name((uint64_t)frame));
    /* An interrupt gate cleared IF on the way in; a trap gate left it as the
       interrupted code had it (SDM 6.12.1.3). Handlers do not touch it
       before they report, so this is what the gate did. */
    report_field("if", "%d", (r_rflags() & RFLAGS_IF) != 0);
}

void x86_report(unsigned vector, bool has_error, uint64_t error,
                const struct interrupt_frame *frame, enum outcome outcome, const char *note)
{
    x86_report_begin(vector, has_error, error, frame);
    if (note)
        report_field("note", "%s", note);
    report_end(outcome);
}
