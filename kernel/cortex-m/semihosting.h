#ifndef SEMIHOSTING_H
#define SEMIHOSTING_H

__attribute__((noreturn)) void semihosting_exit(int status);

#endif
