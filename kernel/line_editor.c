/* Line editor: echo, backspace, Ctrl-U, Ctrl-C; Enter ends the line.
 *
 * Terminals send DEL (0x7f) or BS (0x08) for backspace; erasing on screen is
 * "\b \b": back one column, overwrite with a space, back again.
 * Other control bytes are echoed in caret notation (0x1c as "^\\", as a tty's
 * echoctl does) and not stored: the host sees that each one arrived.
 */
#include "console.h"
#include "line_editor.h"

#define CTRL_C 0x03
#define CTRL_U 0x15

static void erase_one(void)
{
    console_puts("\b \b");
}

size_t read_line(char *buf, size_t size)
{
    size_t len = 0;
    for (;;) {
        char c = console_getc();
        if (c == '\r' || c == '\n') {
            console_putc('\n');
            buf[len] = '\0';
            return len;
        }
        if (c == 0x7f || c == '\b') {
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
        } else if (c >= ' ' && c < 0x7f && len + 1 < size) {
            buf[len++] = c;
            console_putc(c);
        } else if ((unsigned char)c < ' ') {
            console_putc('^');
            console_putc(c + '@');
        }
    }
}
