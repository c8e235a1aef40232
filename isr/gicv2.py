"""The GICv2 (architecture spec IHI 0048B) as both ARM arch models bind it:
the interrupt IDs after the CPU's own vectors, vector = irq_base + INTID.

INTIDs 0-15 are SGIs, raised by software through GICD_SGIR (bound with
interrupt()); 16-31 PPIs, private to the CPU (the timers); 32 and up SPIs,
shared devices (virt's PL011 is SPI 1, INTID 33). This kernel binds the first
64, enough for QEMU virt's timers and UART (2.2.1). A GICv2 implements at
least the top four priority bits (3.3), and each arch's gic_init writes
GICC_PMR = 0xF0 (kernel/aarch64/gic.c, kernel/arm32/gic.c): priorities 0xF0
and above never signal.
"""
from isr.guard import dispatch_guarded
from isr.validate import is_int

SGI_COUNT = 16
PPI_END = 32                    # the first SPI
INTIDS = 64
PRIORITY_STEP = 16
PRIORITY_MASK = 0xF0


class Gic:
    """The GIC half of an ARM arch model: names, range checks, what raises an
    INTID and how its source is lowered. devices: INTID -> (what drives it on
    QEMU virt, how its handler lowers the level)."""

    def __init__(self, irq_base, devices):
        self.irq_base = irq_base
        self.devices = devices

    def name(self, vector):
        """SGIn, PPIn or SPIn, n the INTID."""
        intid = vector - self.irq_base
        return f"SGI{intid}" if intid < SGI_COUNT else f"PPI{intid}" if intid < PPI_END else f"SPI{intid}"

    def resolve(self, kind, number, say):
        """The vector of irq(number) (a PPI or SPI) or interrupt(number) (an SGI),
        or None after saying why it cannot be bound."""
        if kind == "irq":
            if is_int(number) and 0 <= number < SGI_COUNT:
                say(f"INTID {number} is an SGI, raised by software; bind it with interrupt({number}, ...)")
                return None
            return self._intid(number, SGI_COUNT, INTIDS - 1, "INTID (PPI 16-31, SPI 32-63)", say)
        return self._intid(number, 0, SGI_COUNT - 1, "SGI", say)

    def _intid(self, number, low, high, what, say):
        if not is_int(number) or not low <= number <= high:
            say(f"{what} {number!r} out of range {low}-{high}")
            return None
        return self.irq_base + number

    def raised_by(self, vector):
        """What raises this INTID on QEMU virt, in words."""
        intid = vector - self.irq_base
        if intid < SGI_COUNT:
            return f"SGI {intid}: software, through GICD_SGIR (`int {vector}`)"
        return self.devices.get(intid, (f"{'PPI' if intid < PPI_END else 'SPI'} INTID {intid}: a device "
                                        f"on the GIC (nothing drives it on this machine)",))[0]

    def acknowledge(self, vector, done):
        """What a handler must do so that its source does not interrupt again at
        once; done: what the kernel's dispatch already does (GICC_IAR, GICC_EOIR)."""
        intid = vector - self.irq_base
        if intid < SGI_COUNT:
            return done + "an SGI needs nothing more"
        return done + "the handler must lower the level: " + self.devices.get(intid, (None, "silence the device"))[1]

def priority_ok(value, low=0, high=PRIORITY_MASK):
    """A priority the GIC keeps as written and GICC_PMR lets through: a multiple
    of PRIORITY_STEP in [low, high)."""
    return is_int(value) and low <= value < high and value % PRIORITY_STEP == 0


def guarded_intids(slots, arch):
    """gen/isr_stubs.S lines for isr_gic_guarded: 1 where the dispatcher counts the
    INTID's entries for the storm guard (isr/guard.py), 0 for a bench INTID."""
    return ["", "/* 1 where gic_dispatch counts the INTID's entries for the storm guard (isr/guard.py). */",
            '    .section .rodata.isr_gic_guarded, "a"', "    .globl isr_gic_guarded",
            "    .type isr_gic_guarded, %object", "isr_gic_guarded:",
            f"    .byte {dispatch_guarded(slots, arch.IRQ_BASE, arch.GIC_INTIDS)}",
            "    .size isr_gic_guarded, . - isr_gic_guarded"]
