//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): as bench.c's, each adds one to bench_counter,
//! directly or through bench_bump(), and clears the mip bits software sets
//! (a software-set pending bit stays set until cleared).
//!
//! abi is Zig's riscv64_interrupt(.machine): it saves what the body uses and
//! returns with mret.
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");


const Interrupt = std.builtin.CallingConvention{ .riscv64_interrupt = .{ .mode = .machine } };
/// The mip bits that M-mode software may set (privileged spec 3.1.9): SSIP,
/// STIP, SEIP; a cause's bit is its number, its vector less IRQ_BASE.
const MIP_SOFTWARE_SETTABLE = (1 << (isr.VEC_SSI - isr.IRQ_BASE)) | (1 << (isr.VEC_STI - isr.IRQ_BASE)) |
    (1 << (isr.VEC_SEI - isr.IRQ_BASE));

inline fn clearSoftwarePending() void {
    asm volatile ("csrc mip, %[bits]"
        :
        : [bits] "r" (@as(usize, MIP_SOFTWARE_SETTABLE)),
        : .{ .memory = true });
}

export fn zig_bench_abi() callconv(Interrupt) void {
    kernel.bench_counter.* += 1;
    clearSoftwarePending();
}

export fn zig_bench_abi_call() callconv(Interrupt) void {
    kernel.bench_bump();
    clearSoftwarePending();
}

/// stub: the generated entry saved the trap frame and calls this with it.
export fn zig_bench_stub(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_counter.* += 1;
    clearSoftwarePending();
}

export fn zig_bench_stub_call(frame: *anyopaque) callconv(.c) void {
    _ = frame;
    kernel.bench_bump();
    clearSoftwarePending();
}

/// naked: the hand-written minimum (bench_naked.S): two scratch registers on
/// the interrupted stack, the increment, the acknowledge, mret.
export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\addi sp, sp, -16
        \\sd t0, 0(sp)
        \\sd t1, 8(sp)
        \\1: auipc t0, %pcrel_hi(bench_counter)
        \\ld t1, %pcrel_lo(1b)(t0)
        \\addi t1, t1, 1
        \\sd t1, %pcrel_lo(1b)(t0)
        \\li t1, %[bits]
        \\csrc mip, t1
        \\ld t0, 0(sp)
        \\ld t1, 8(sp)
        \\addi sp, sp, 16
        \\mret
        :
        : [bits] "i" (MIP_SOFTWARE_SETTABLE),
    );
}
