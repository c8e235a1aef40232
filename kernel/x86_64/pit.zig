//! The PIT's tick (IRQ 0 of the 8259 pair) written in Zig, for the Zig
//! kernel: what irq.c's on_pit_tick does, but the nesting report: count the
//! tick, report it when `irqtrace on` asks, end the interrupt at the 8259.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");

extern fn report_irq_wanted(vector: c_uint) bool;
extern fn x86_report(vector: c_uint, has_error: bool, code: u64, frame: *const anyopaque, outcome: c_uint, note: ?[*:0]const u8) void;
extern fn pic_eoi(irq: c_uint) void;

const Interrupt = std.builtin.CallingConvention{ .x86_64_interrupt = .{} };
/// kernel/x86_64/pit.c programs the PIT, which the PC wires to IRQ 0.
const PIT_VECTOR = isr.VEC_IRQ0;
const RESUME = 0; // kernel/report.h enum outcome

export fn zig_on_pit_tick(frame: *anyopaque) callconv(Interrupt) void {
    kernel.ticks.* += 1;
    kernel.stats_count(PIT_VECTOR);
    if (report_irq_wanted(PIT_VECTOR))
        x86_report(PIT_VECTOR, false, 0, frame, RESUME, null);
    pic_eoi(PIT_VECTOR - isr.IRQ_BASE);
}
