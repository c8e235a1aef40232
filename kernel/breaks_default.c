/* What an arch without kernel/<arch>/breaks.c links: no experiments, and
 * `break` says so. Weak, so an arch's own definitions replace them; in a file
 * of their own, so that no caller sees the zero and folds it away. */
#include "arch.h"

__attribute__((weak)) const struct trap_trigger arch_breaks[1];
__attribute__((weak)) const unsigned arch_break_count = 0;
