//! The supervisor call written in Zig's arm_interrupt(.swi), for the Zig
//! kernel: exceptions.c's on_svc, the same report line. The SWI kind returns
//! with `movs pc, lr`, past the SVC instruction, whose 24-bit immediate is
//! in the word before LR (ARM state).
const isr = @import("isr");
const kernel = @import("kernel");

extern fn a32_report_begin(vector: c_uint, lr: u32, spsr: u32) void;
extern fn report_field(name: [*:0]const u8, format: [*:0]const u8, ...) void;
extern fn a32_report_end(outcome: c_uint, note: ?[*:0]const u8) void;

const RESUME = 0; // kernel/report.h enum outcome
const ARM_INSN = 4;

export fn zig_on_svc() callconv(.{ .arm_interrupt = .{ .type = .swi } }) void {
    const lr: u32 = @truncate(@returnAddress());
    const spsr = asm volatile ("mrs %[spsr], spsr"
        : [spsr] "=r" (-> u32),
    );
    kernel.stats_count(isr.VEC_SVC);
    a32_report_begin(isr.VEC_SVC, lr, spsr);
    const svc: *const u32 = @ptrFromInt(lr - ARM_INSN);
    report_field("imm", "0x%x", svc.* & 0xffffff);
    a32_report_end(RESUME, null);
}
