#ifndef SHELL_H
#define SHELL_H

__attribute__((noreturn)) void shell_run(void);

#endif
