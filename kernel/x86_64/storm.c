/* The storm guard's mask (kernel/storm.h): an 8259 line, in its chip's IMR. */
#include "isr.h"
#include "pic8259.h"
#include "storm.h"

#define PIC_LINES 16

const char *arch_storm_mask(unsigned vector)
{
    if (vector < ISR_IRQ_BASE || vector >= ISR_IRQ_BASE + PIC_LINES)
        return 0;           /* an exception: nothing masks it */
    pic_mask(vector - ISR_IRQ_BASE);
    return "pic-imr";
}
