#ifndef STRING_H
#define STRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* clang may emit calls to these even in freestanding code (struct copies). */
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int strcmp(const char *a, const char *b);
size_t strlen(const char *s);

/* The digits a macro stands for, as a string literal (NUMBER_TEXT(ISR_IRQ_BASE)
   is "16" where gen/isr.h defines it as 16): a message that names a vector
   stays one constant string (the AVR keeps every string in its SRAM). */
#define TEXT_OF(x) #x
#define NUMBER_TEXT(macro) TEXT_OF(macro)

/* Parse a decimal or 0x-prefixed hex number that fills the whole string. */
bool parse_u64(const char *s, uint64_t *out);

#endif
