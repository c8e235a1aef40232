//! TIMER1 compare A, the 100 Hz tick, written in Zig, for the Zig kernel:
//! what timer1.c's on_tick does but its report line (`irqtrace` shows none
//! for it): count the tick. avr_signal, as the C one's `signal`; its
//! vector's name, __vector_N, which the table jumps to, is gen/keep.ld's
//! alias of it.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");


fn onTick() callconv(.avr_signal) void {
    kernel.ticks.* += 1;
    kernel.stats_count(isr.VEC_TIMER1_COMPA);
}

comptime {
    @export(&onTick, .{ .name = "zig_on_tick" });
}
