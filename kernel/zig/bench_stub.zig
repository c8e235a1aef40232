//! The stub bench handlers (kernel/bench.h) written in Zig, for every arch
//! whose stub handler is nothing but the C convention (isr/arch_<arch>/
//! toolchains.py TOOLCHAINS["zig"] "sources" lists this file): the generated
//! entry saved the trap frame (arm32's GIC table: the acknowledged interrupt)
//! and calls the handler with a pointer to it, which these never read. Each
//! adds one to bench_counter, directly or through bench_bump(), as
//! bench_counter.inc's do.
const kernel = @import("kernel");

export fn zig_bench_stub(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_counter.* += 1;
}

export fn zig_bench_stub_call(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_bump();
}
