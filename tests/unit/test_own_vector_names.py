"""A handler's own file may name its vector (ISR_VECTOR_<handler>) without making the handler
required: a spec that leaves it out still builds, and gen/isr.h gives the name a vector nothing has.
Kernel code that names another file's handler this way still makes it required."""
from isr import kernel_symbols

STUDENT = """#include "isr.h"
ISR_ABI void on_student(struct interrupt_frame *frame)
{
    stats_count(ISR_VECTOR_on_student);
}
"""


def test_a_handler_named_only_by_its_own_file_is_not_needed():
    needed, own = kernel_symbols.needed_handlers({"kernel/x86_64/student.c": STUDENT})
    assert needed == {} and own == {"on_student": "kernel/x86_64/student.c:4"}


def test_a_handler_named_by_another_file_is_needed():
    code = {"kernel/x86_64/student.c": STUDENT, "kernel/x86_64/user.c": "int v = ISR_VECTOR_on_student;\n"}
    needed, own = kernel_symbols.needed_handlers(code)
    assert set(needed) == {"on_student"} and own == {}


def test_a_name_no_file_defines_is_needed():
    needed, own = kernel_symbols.needed_handlers({"kernel/x86_64/softint.c": "int v = ISR_VECTOR_on_syscall;\n"})
    assert needed == {"on_syscall": "kernel/x86_64/softint.c:1"} and own == {}


def test_an_unbound_own_name_gets_a_vector_nothing_has_and_a_bound_one_none():
    own = {"on_student": "kernel/x86_64/student.c:4"}
    lines = kernel_symbols.unbound_vectors(own, bound=set())
    assert len(lines) == 1 and lines[0].startswith("#define ISR_VECTOR_on_student ISR_VECTOR_COUNT ")
    assert kernel_symbols.unbound_vectors(own, bound={"on_student"}) == []
