/* A small printf for the serial console: enough for report lines and tables.
   Each line it writes is whole (console.h): interrupts are masked while it
   writes one. */
#include <stdint.h>

#include "arch.h"
#include "console.h"
#include "printf.h"

/* pad '-' means: left-justify, with spaces after the text. */
static void put_padded(const char *text, int len, int width, char pad)
{
    int fill = width > len ? width - len : 0;
    if (pad != '-')
        for (; fill; fill--)
            console_putc(pad);
    while (len--)
        console_putc(*text++);
    for (; fill; fill--)
        console_putc(' ');
}

static void put_unsigned(uint64_t value, unsigned base, int width, char pad)
{
    char buf[24];
    int len = 0;
    do {
        buf[sizeof(buf) - 1 - len++] = "0123456789abcdef"[value % base];
        value /= base;
    } while (value);
    put_padded(buf + sizeof(buf) - len, len, width, pad);
}

static void format(const char *fmt, va_list args, unsigned long *saved)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            console_putc(*fmt);
            if (*fmt == '\n' && fmt[1])
                *saved = console_line_break(*saved);
            continue;
        }
        char pad = ' ';
        int width = 0;
        int longs = 0;          /* 0: int, 1: long, 2: long long */
        if (*++fmt == '0' || *fmt == '-')
            pad = *fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            longs++, fmt++;
        switch (*fmt) {
        case 'd': {
            int64_t v = longs == 2 ? va_arg(args, long long) : longs ? va_arg(args, long) : va_arg(args, int);
            if (v < 0) {
                console_putc('-');
                v = -v;
                width--;
            }
            put_unsigned((uint64_t)v, 10, width, pad);
            break;
        }
        case 'u':
        case 'x':
            put_unsigned(longs == 2 ? va_arg(args, unsigned long long)
                         : longs ? va_arg(args, unsigned long) : va_arg(args, unsigned),
                         *fmt == 'u' ? 10 : 16, width, pad);
            break;
        case 'p':
            console_putc('0');
            console_putc('x');
            put_unsigned((uintptr_t)va_arg(args, void *), 16, width, pad);
            break;
        case 's': {
            const char *s = va_arg(args, const char *);
            int len = 0;
            while (s[len])
                len++;
            put_padded(s, len, width, pad);
            break;
        }
        case 'c':
            console_putc((char)va_arg(args, int));
            break;
        case '%':
            console_putc('%');
            break;
        default:                /* unknown conversion: show it rather than guess */
            console_putc('%');
            console_putc(*fmt);
            break;
        case '\0':
            return;
        }
    }
}

void kvprintf(const char *fmt, va_list args)
{
    unsigned long saved = arch_irq_save();
    format(fmt, args, &saved);
    arch_irq_restore(saved);
}

void kprintf(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    kvprintf(fmt, args);
    va_end(args);
}
