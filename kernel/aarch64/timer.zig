//! The EL1 physical timer's tick (PPI 30) written in Zig, for the Zig
//! kernel: what irq.c's on_timer_tick does but its report line (`irqtrace`
//! shows none for it): count the tick and move the compare value on, which
//! lowers the timer's level before gic_dispatch's EOI.
const isr = @import("isr");
const kernel = @import("kernel");

extern fn timer_rearm() void;

export fn zig_on_timer_tick(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.ticks.* += 1;
    timer_rearm();
    kernel.stats_count(isr.VEC_PPI30);
}
