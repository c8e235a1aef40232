/* Line editor: echo, backspace, Ctrl-U; Ctrl-C cancels; Enter ends the line.
 *
 * Terminals send DEL (0x7f) or BS (0x08) for backspace; erasing on screen is
 * "\b \b": back one column, overwrite with a space, back again.
 *
 * What the shell cannot take is refused whole, never cut: a line longer than
 * the buffer (`exit 1000...01` cut short would be another command) and
 * non-ASCII bytes (UTF-8 would split a word) are read to their Enter and
 * discarded with an error. Escape sequences (arrow and function keys: ESC [
 * params final, or ESC O final) are swallowed, not typed into the line.
 * Other control bytes are echoed in caret notation (0x1c as "^\\", as a tty's
 * echoctl does) and not stored: the host sees that each one arrived.
 */
#include "console.h"
#include "line_editor.h"
#include "printf.h"

#define CTRL_C CONSOLE_CTRL_C
#define CTRL_U 0x15
#define ESC 0x1b

enum escape { NONE, AFTER_ESC, IN_SEQUENCE };

static void erase_one(void)
{
    console_puts("\b \b");
}

/* ECMA-48 5.4: a control sequence ends with a byte from 0x40 to 0x7e. */
static bool ends_sequence(char c)
{
    return c >= 0x40 && c <= 0x7e;
}

size_t read_line(char *buf, size_t size)
{
    size_t len = 0;
    bool too_long = false, non_ascii = false;
    enum escape escape = NONE;
    for (;;) {
        char c = console_getc();
        if (escape != NONE && (unsigned char)c < ' ')
            escape = NONE;      /* a control byte cuts a sequence short (ECMA-48 5.5): Enter still ends the line */
        if (escape == AFTER_ESC) {
            escape = (c == '[' || c == 'O') ? IN_SEQUENCE : NONE;   /* else ESC x: Alt-x, dropped */
            continue;
        }
        if (escape == IN_SEQUENCE) {
            if (ends_sequence(c))
                escape = NONE;
            continue;
        }
        if (c == '\r' || c == '\n') {
            console_putc('\n');
            buf[too_long || non_ascii ? 0 : len] = '\0';     /* a refused line is no command */
            if (too_long) {
                kprintf("error: line too long: at most %u characters; line discarded\n", (unsigned)(size - 1));
                return 0;
            }
            if (non_ascii) {
                kprintf("error: non-ASCII input refused: type ASCII; line discarded\n");
                return 0;
            }
            return len;
        }
        if (c == ESC) {
            escape = AFTER_ESC;
        } else if (c == 0x7f || c == '\b') {
            if (len > 0) {
                len--;
                erase_one();
            }
        } else if (c == CTRL_C) {          /* drop the line, as a shell does */
            console_puts("^C\n");
            buf[0] = '\0';
            return 0;
        } else if (c == CTRL_U) {
            for (; len > 0; len--)
                erase_one();
        } else if ((unsigned char)c >= 0x80) {
            non_ascii = true;
        } else if (c >= ' ' && c < 0x7f) {
            if (len + 1 < size) {
                buf[len++] = c;
                console_putc(c);
            } else {
                too_long = true;
            }
        } else if ((unsigned char)c < ' ') {
            console_putc('^');
            console_putc(c + '@');
        }
    }
}
