"""What a spec leaves out that the kernel cannot do without, said once each.

Two sources: the arch model's REQUIRED (a vector, or a handler by name, with
the line that binds it and why) and the handlers the kernel's code names by
vector (isr/kernel_symbols.py: ISR_VECTOR_<handler>). A required handler that
is missing while a bound one is spelt nearly like it (on_sycall for
on_syscall) is a typo: the message is put on the line that has it and names
both, instead of asking for a line that is already there.
"""
import difflib

NEAR = 0.8      # difflib ratio from which a bound name reads as a typo of a required one


def missing(bound, arch, spec, needed):
    """Problems for what the spec does not bind. bound: {vector: Slot} of what
    it binds; spec: where VECTORS is; needed: {handler: where the kernel names
    its vector}."""
    required = arch.REQUIRED
    handlers = {slot.handler: slot for slot in bound.values()}
    wanted = set(needed) | {key for key in required if isinstance(key, str)}
    strays = sorted(name for name in handlers if name not in wanted)    # candidates for a typo

    def typo_of(name, why, fix):
        """The problem on the line of a bound handler spelt nearly like name, or None."""
        near = difflib.get_close_matches(name, strays, 1, NEAR)
        if not near:
            return None
        strays.remove(near[0])
        slot = handlers[near[0]]
        return (f"{slot.where}: vector {slot.vector} ({slot.name}): handler {near[0]}: did you mean {name}? "
                f"{name} must be bound and is bound nowhere: {why}; rename {near[0]} to {name}{fix}")

    problems = []
    for key, (line, reason) in required.items():     # a vector, or a handler's name
        if isinstance(key, str) and key not in handlers:
            problems.append(typo_of(key, reason, f", or add {line}")
                            or f"{spec}: handler {key} must be bound: {reason}; add {line}")
        elif not isinstance(key, str) and key not in bound:
            problems.append(f"{spec}: vector {key} ({arch.vector_name(key)}) must be bound: {reason}; add {line}")
    for name, where in sorted(needed.items()):
        if name in handlers or name in required:
            continue
        why = (f"the kernel's code names its vector as ISR_VECTOR_{name} ({where}), so without it the kernel "
               f"does not compile")
        problems.append(typo_of(name, why, "")
                        or f"{spec}: handler {name} must be bound to a vector: {why}; bind a vector to {name}")
    return problems
