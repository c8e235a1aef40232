/* `int N` needs N as an immediate, so software interrupts are raised by
 * calling entry N of this table: "int $N; ret", 8 bytes each. */
    .section .text.swint, "ax"
    .globl swint_table
    .balign 8
swint_table:
    .set vector, 0
    .rept 256
    .balign 8
    int $vector
    ret
    .set vector, vector + 1
    .endr
    .size swint_table, . - swint_table
