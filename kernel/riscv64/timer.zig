//! The machine timer interrupt written in Zig, for the Zig kernel: what
//! irq.c's on_machine_timer does but its report lines (`irqtrace` shows
//! none for it): count the tick and move mtimecmp ahead, which clears MTIP.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");

extern fn clint_timer_rearm() void;

const Interrupt = std.builtin.CallingConvention{ .riscv64_interrupt = .{ .mode = .machine } };

export fn zig_on_machine_timer() callconv(Interrupt) void {
    kernel.ticks.* += 1;
    clint_timer_rearm();
    kernel.stats_count(isr.VEC_MTI);
}
