"""reports.cost ARCH --vector N (doit cost-<arch> --vector N) measures a vector of
the student's own only where it can: a vector bound to nothing, or bound but not a
bench vector, is refused with what to add; the vectors come from the manifest. The
measurement itself is tested where a lab grades it (tests/grading/test_labs.py)."""
import pytest

from reports import cost
from tests import facts


def test_a_vector_that_is_not_a_bench_vector_says_what_to_add(kernel):
    kernel("x86_64")
    other = next(s for s in facts.slots("x86_64") if not s.get("bench") and s["style"] != "default")
    with pytest.raises(cost.CostError, match=rf"vector {other['vector']} \({other['handler']}\) is not a bench "
                                             rf"vector: add bench=\"counter\" to its binding in isr/x86_64.py"):
        cost.own_vector_report("x86_64", other["vector"])


def test_an_unbound_vector_is_refused(kernel):
    kernel("x86_64")
    free = next(s["vector"] for s in facts.slots("x86_64") if s["style"] == "default")
    with pytest.raises(cost.CostError, match=f"vector {free} is bound to no handler in isr/x86_64.py"):
        cost.own_vector_report("x86_64", free)


def test_vector_needs_one_arch(capsys):
    assert cost.main(["x86_64", "riscv64", "--vector", "80"]) == 2
    assert "--vector N measures one arch's kernel" in capsys.readouterr().err
