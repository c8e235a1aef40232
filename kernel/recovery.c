#include "recovery.h"

struct recovery *volatile active_recovery;

void recovery_disarm(void)
{
    active_recovery = 0;
}
