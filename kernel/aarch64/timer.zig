//! The EL1 physical timer's tick (PPI 30) written in Zig, for the Zig
//! kernel: what irq.c's on_timer_tick does but its report line (`irqtrace`
//! shows none for it): count the tick and move the compare value on, which
//! lowers the timer's level before gic_dispatch's EOI.
const isr = @import("isr");

extern var ticks: u64;
extern fn timer_rearm() void;
extern fn stats_count(vector: c_uint) void;

export fn zig_on_timer_tick(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    const now: *volatile u64 = &ticks; // volatile in kernel/ticks.h: `sleep` polls it
    now.* += 1;
    timer_rearm();
    stats_count(isr.VEC_PPI30);
}
