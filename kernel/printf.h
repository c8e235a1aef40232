#ifndef PRINTF_H
#define PRINTF_H

#include <stdarg.h>

/* %d %u %x %s %c %p, an optional '0' or '-' flag and width, and the 'l' and 'll' length modifiers. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char *fmt, va_list args);

#endif
