//! SysTick, the 100 Hz tick, written in Zig, for the Zig kernel: what
//! irq.c's on_systick does but its report line (`irqtrace` shows none for
//! it): count the tick. A plain C-convention function, as every Cortex-M
//! handler may be.
const isr = @import("isr");

extern var ticks: u64;
extern fn stats_count(vector: c_uint) void;

export fn zig_on_systick() callconv(.c) void {
    const now: *volatile u64 = &ticks; // volatile in kernel/ticks.h: `sleep` polls it
    now.* += 1;
    stats_count(isr.VEC_SYSTICK);
}
