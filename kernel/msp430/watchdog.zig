//! The watchdog's interval-timer interrupt written in Zig, for the Zig
//! kernel: what watchdog.c's on_watchdog does but its report line
//! (`irqtrace` shows none for it): count it, and give the Timer_A tick back
//! when `trap` asked for that after a number of watchdog intervals.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");

extern var watchdog_count: u16;
extern var watchdog_then_tick: u16;
extern fn timer_a_irq_enable(on: c_int) void;

const Interrupt = std.builtin.CallingConvention{ .msp430_interrupt = .{} };

export fn zig_on_watchdog() callconv(Interrupt) void {
    const count: *volatile u16 = &watchdog_count; // volatile in watchdog.h
    const then_tick: *volatile u16 = &watchdog_then_tick;
    count.* +%= 1;
    kernel.stats_count(isr.VEC_WDT);
    if (then_tick.* != 0) {
        then_tick.* -= 1;
        if (then_tick.* == 0)
            timer_a_irq_enable(1);
    }
}
