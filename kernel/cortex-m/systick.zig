//! SysTick, the 100 Hz tick, written in Zig, for the Zig kernel: what
//! irq.c's on_systick does but its report line (`irqtrace` shows none for
//! it): count the tick. A plain C-convention function, as every Cortex-M
//! handler may be.
const isr = @import("isr");
const kernel = @import("kernel");


export fn zig_on_systick() callconv(.c) void {
    kernel.ticks.* += 1;
    kernel.stats_count(isr.VEC_SYSTICK);
}
