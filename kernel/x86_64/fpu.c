/* The x87 and SSE units, set up so that their errors raise #MF and #XM.
 *
 * The kernel itself is compiled without SSE or x87 code (-mgeneral-regs-only),
 * so only the `trap mf` trigger touches them. QEMU's TCG does not deliver #XM
 * (unmasked SSE errors only set MXCSR flags), so no trigger raises it.
 */
#include "fpu.h"
#include "x86.h"

void fpu_init(void)
{
    w_cr0((r_cr0() & ~(uint64_t)(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
    w_cr4(r_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
    fninit();
    ldmxcsr(MXCSR_DEFAULT);
}

ISR_CALLEE void fpu_reset_x87(void)
{
    fninit();                   /* clears the status word, and with it the pending error */
}
