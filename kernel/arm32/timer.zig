//! The PL1 physical timer's tick written in Zig, for the Zig kernel: what
//! irq.c's on_timer_tick does but its report line (`irqtrace` shows none for
//! it): count the tick and move the compare value on, which lowers the
//! timer's level before gic_irq's EOI. Called from the GIC table with the
//! acknowledged interrupt (gen/isr.h struct gic_irq, whose intid comes first).
const isr = @import("isr");

const GicIrq = extern struct { intid: u32 };

extern var ticks: u64;
extern fn timer_rearm() void;
extern fn stats_count(vector: c_uint) void;

export fn zig_on_timer_tick(irq: *const GicIrq) callconv(.c) void {
    const now: *volatile u64 = &ticks; // volatile in kernel/ticks.h: `sleep` polls it
    now.* += 1;
    timer_rearm();
    stats_count(isr.IRQ_BASE + irq.intid);
}
