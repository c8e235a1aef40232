"""Rules most arches share, for an arch model to take by name (isr/arch_interface.py).

An arch imports what it follows, so that reading its package shows every rule
it has; shared code never falls back to one of these on its own.
"""


def handler_symbol(slot):
    """The ELF symbol of a spec handler, for gen/keep.ld: the handler's own name."""
    return slot.handler


def check_slots(slots):
    """Problems between bindings: none where the arch has no rule that spans two vectors."""
    return []


def no_shutdown_event(status):
    """machine.py exit_event where the exit device only ever calls exit(): no SHUTDOWN event."""
    return None
