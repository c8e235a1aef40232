//! The C kernel's symbols that the Zig handlers use (kernel/<arch>/*.zig
//! import this as "kernel"; tools/handler_langs.py). Each is declared with
//! hidden visibility: the kernel is one statically linked image, and a
//! plain `extern var` is not known to be local, so Zig would reach it
//! through the GOT (a load of its address, and a register to hold it) even
//! with -fno-PIC.
fn hidden(comptime T: type, comptime name: []const u8) T {
    return @extern(T, .{ .name = name, .visibility = .hidden });
}

/// kernel/bench.h: what every bench handler increments, and the callee of the "call" shape.
pub const bench_counter = hidden(*c_ulong, "bench_counter");
pub const bench_bump = hidden(*const fn () callconv(.c) void, "bench_bump");

/// kernel/ticks.h: volatile there, since `sleep` polls it.
pub const ticks = hidden(*volatile u64, "ticks");

/// kernel/stats.h: one interrupt taken on vector.
pub const stats_count = hidden(*const fn (vector: c_uint) callconv(.c) void, "stats_count");
