//! The PL1 physical timer's tick written in Zig, for the Zig kernel: what
//! irq.c's on_timer_tick does but its report line (`irqtrace` shows none for
//! it): count the tick and move the compare value on, which lowers the
//! timer's level before gic_irq's EOI. Called from the GIC table with the
//! acknowledged interrupt (gen/isr.h struct gic_irq, whose intid comes first).
const isr = @import("isr");
const kernel = @import("kernel");

const GicIrq = extern struct { intid: u32 };

extern fn timer_rearm() void;

export fn zig_on_timer_tick(irq: *const GicIrq) callconv(.c) void {
    kernel.ticks.* += 1;
    timer_rearm();
    kernel.stats_count(isr.IRQ_BASE + irq.intid);
}
