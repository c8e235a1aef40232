#ifndef VECTORS_H
#define VECTORS_H

#include <stdint.h>

#include "isr.h"

/* The generated entry at this address, for `vectors`, or NULL. */
const struct isr_symbol *isr_symbol_at(uintptr_t entry);

#endif
