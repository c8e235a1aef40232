/* Report fields for arm32: the banked mode, the return address, and DFSR/DFAR
 * or IFSR/IFAR decoded (ARM DDI 0406C B4.1.52, B4.1.96, short-descriptor
 * fault status, Table B3-23: the MMU is off, TTBCR.EAE stays 0). */
#include "arm32.h"
#include "trap_report.h"

#define FSR_FS(fsr) ((((fsr) >> 6) & 0x10u) | ((fsr) & 0xfu))   /* FS[4] is bit 10 */
#define DFSR_WNR (1u << 11)
#define FS_DEBUG 0x02u

static const uint8_t lr_offsets[ISR_VBAR_ENTRIES] = ISR_LR_OFFSETS;

static const char *mode_name(uint32_t psr)
{
    switch (PSR_MODE(psr)) {
    case MODE_USR: return "usr";
    case MODE_FIQ: return "fiq";
    case MODE_IRQ: return "irq";
    case MODE_SVC: return "svc";
    case MODE_ABT: return "abt";
    case MODE_UND: return "und";
    case MODE_SYS: return "sys";
    default: return "other";
    }
}

static const char *fault_status(unsigned fs)
{
    switch (fs) {
    case 0x01: return "alignment";
    case 0x02: return "debug";
    case 0x03: case 0x06: return "access-flag";
    case 0x05: case 0x07: return "translation";
    case 0x08: return "sync-external";
    case 0x09: case 0x0b: return "domain";
    case 0x0d: case 0x0f: return "permission";
    case 0x16: return "async-external";
    default: return "other";
    }
}

static void report_common(unsigned vector, bool fault, uint32_t fsr, uint32_t pc, uint32_t lr, uint32_t spsr)
{
    report_begin(vector, fault, fsr, pc);
    report_field("lr", "0x%x", (unsigned)lr);
    report_field("mode", "%s", mode_name(r_cpsr()));
    report_field("from", "%s", mode_name(spsr));
}

void a32_report_begin(unsigned vector, uint32_t lr, uint32_t spsr)
{
    uint32_t pc = vector < ISR_VBAR_ENTRIES ? lr - lr_offsets[vector] : lr;
    if (vector == ISR_VEC_DABT) {
        uint32_t dfsr = r_dfsr();
        report_common(vector, true, dfsr, pc, lr, spsr);
        report_field("dfar", "0x%x", (unsigned)r_dfar());
        report_field("fs", "%s", fault_status(FSR_FS(dfsr)));
        report_field("access", "%s", (dfsr & DFSR_WNR) ? "write" : "read");
    } else if (vector == ISR_VEC_PABT) {
        uint32_t ifsr = r_ifsr();
        report_common(vector, true, ifsr, pc, lr, spsr);
        if (FSR_FS(ifsr) != FS_DEBUG)      /* IFAR is UNKNOWN after a debug event (BKPT) */
            report_field("ifar", "0x%x", (unsigned)r_ifar());
        report_field("fs", "%s", fault_status(FSR_FS(ifsr)));
    } else {
        report_common(vector, false, 0, pc, lr, spsr);
    }
}

/* An interrupt's preferred return address is the next instruction that had
   not run: LR_irq / LR_fiq minus 4. */
void a32_report_gic(const struct gic_irq *irq)
{
    report_common(ISR_IRQ_BASE + irq->intid, false, 0, irq->lr - 4, irq->lr, irq->spsr);
    report_field("intid", "%u", (unsigned)irq->intid);
    report_field("kind", "%s", irq->fiq ? "fiq" : "irq");
    report_field("depth", "%u", irq_depth);
}

void a32_report_end(enum outcome outcome, const char *note)
{
    if (note)
        report_field("note", "%s", note);
    report_end(outcome);
}
