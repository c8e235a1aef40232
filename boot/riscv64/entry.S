/* From QEMU's reset ROM to kmain on `virt` with -bios none.
 *
 * The ROM at 0x1000 jumps to the ELF entry in M-mode with a0 = hart id and
 * a1 = the device tree; interrupts are off (mstatus.MIE = 0) and mtvec is
 * unset. The kernel runs on hart 0 only.
 */
#define BOOT_STACK_SIZE 16384

    .section .text.boot, "ax"
    .globl _start
    .type _start, @function
_start:
    bnez a0, park               /* harts other than 0 stay parked */
    .option push
    .option norelax
    lla gp, __global_pointer$   /* the psABI's gp, set once, though nothing relaxes to it */
    .option pop
    lla sp, boot_stack_top
    lla t0, __bss_start         /* clear BSS: the stack is there too, but unused yet */
    lla t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  call kmain
park:
    wfi
    j park
    .size _start, . - _start

    .section .bss.boot, "aw", @nobits
    .balign 16
boot_stack:
    .skip BOOT_STACK_SIZE
    .globl boot_stack_top
boot_stack_top:
