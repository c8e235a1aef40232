"""The storm guard's place in the generated tables: which vectors the CPU enters through a guard.

A handler that never acknowledges its source is entered again the moment it
returns; one whose body is empty, naked, or never calls the kernel would never
be seen to storm if only the kernel's own code counted. So the table sends
each guarded vector to `isr_guard_<vector>` (each arch's emit_stubs.py writes
it), which counts `storm_budget[vector]` (kernel/storm.c) down with every
register as the CPU left it, calls `storm_tripped(vector)` when it reaches
zero, and jumps on to the entry the manifest names.

Not guarded:
- bench vectors: their cost is measured to the instruction (reports/cost.py);
- the vectors the arch model lists in UNGUARDED: the reset entry, and a
  common entry whose dispatch counts each source itself (the GIC's INTIDs
  call storm_entry() in C).
"""


# What a table read back names a guard (gen/isr_info.c): one name for all of
# them, the vector's own symbol being isr_guard_<vector>.
GUARD_NAME = "isr_guard"


def guard_symbol(slot, arch):
    """The guard the table points at for slot, or None where the table points at the entry itself."""
    if slot.bench or slot.vector in arch.UNGUARDED:
        return None
    return f"isr_guard_{slot.vector}"


def table_target(slot, arch):
    """The symbol the CPU's table holds for slot: its guard, or its entry."""
    return guard_symbol(slot, arch) or slot.entry


def guarded(slots, arch):
    """(slot, guard symbol) for every slot that has a guard, in table order."""
    return [(slot, guard) for slot in slots if (guard := guard_symbol(slot, arch))]


def dispatch_guarded(slots, first, count):
    """For a common dispatch that calls handlers by source (the GIC's INTIDs from
    first on): 1 where it must count the entry with storm_entry(), 0 for a bench
    vector, as a C initializer."""
    bench = {slot.vector for slot in slots if slot.bench}
    return ", ".join("0" if first + n in bench else "1" for n in range(count))
