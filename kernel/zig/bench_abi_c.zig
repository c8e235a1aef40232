//! The abi bench handlers written in Zig for an arch whose interrupt ABI is
//! the C convention (Cortex-M: the hardware stacks the caller-saved
//! registers, and `bx lr` with EXC_RETURN in lr returns from the exception,
//! so Zig needs no interrupt convention there). Listed by such an arch's
//! TOOLCHAINS["zig"] "sources"; an arch with an interrupt convention of its
//! own writes its abi handlers in kernel/<arch>/bench.zig.
const kernel = @import("kernel");

export fn zig_bench_abi() callconv(.c) void {
    kernel.bench_counter.* += 1;
}

export fn zig_bench_abi_call() callconv(.c) void {
    kernel.bench_bump();
}
