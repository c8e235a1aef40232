#ifndef LINE_EDITOR_H
#define LINE_EDITOR_H

#include <stddef.h>

/* Read one line with echo and editing; returns its length (without newline). */
size_t read_line(char *buf, size_t size);

#endif
