//! The bench handlers (kernel/bench.h) written in Zig, for the Zig kernel
//! (isr/languages.py): the same shapes as bench_counter.inc and
//! bench_naked.S, each adding one to bench_counter, directly or through
//! bench_bump(); the stub ones are kernel/zig/bench_stub.zig's.
//!
//! abi is Zig's avr_signal (avr-gcc's `signal`: interrupts stay off) and
//! avr_interrupt for the non-blocking kind (`sei` first). The table jumps to
//! an abi handler by its vector's name, __vector_N (isr/arch_avr
//! entry_symbol), which gen/keep.ld makes an alias of the handler the spec
//! binds (isr/emit_keep.py).
const std = @import("std");
const isr = @import("isr");
const kernel = @import("kernel");


fn benchAbi() callconv(.avr_signal) void {
    kernel.bench_counter.* += 1;
}

fn benchAbiCall() callconv(.avr_signal) void {
    kernel.bench_bump();
}

fn benchAbiNonblocking() callconv(.avr_interrupt) void {
    kernel.bench_counter.* += 1;
}

comptime {
    @export(&benchAbi, .{ .name = "zig_bench_abi" });
    @export(&benchAbiCall, .{ .name = "zig_bench_abi_call" });
    @export(&benchAbiNonblocking, .{ .name = "zig_bench_abi_nonblocking" });
}

/// SREG's I/O address (ATmega2560 datasheet, register summary; avr/io.h SREG).
const SREG = 0x3f;

/// naked: the hand-written minimum (bench_naked.S): the CPU saves only the
/// return PC, so r24 and SREG are saved here; one register walks the four
/// bytes of the counter with the carry.
export fn zig_bench_naked() callconv(.naked) void {
    asm volatile (
        \\push r24
        \\in r24, %[sreg]
        \\push r24
        \\lds r24, bench_counter
        \\subi r24, 0xff
        \\sts bench_counter, r24
        \\lds r24, bench_counter + 1
        \\sbci r24, 0xff
        \\sts bench_counter + 1, r24
        \\lds r24, bench_counter + 2
        \\sbci r24, 0xff
        \\sts bench_counter + 2, r24
        \\lds r24, bench_counter + 3
        \\sbci r24, 0xff
        \\sts bench_counter + 3, r24
        \\pop r24
        \\out %[sreg], r24
        \\pop r24
        \\reti
        :
        : [sreg] "i" (SREG),
    );
}
