"""Fuzz the spec language with hypothesis (tests/unit/spec_strategies.py):
whatever a spec says, validation accepts it or rejects it with every message
naming the spec file and a line > 0. Nothing else may escape."""
from hypothesis import HealthCheck, given, settings
import pytest

from tests.unit.spec_strategies import ARCHES, assert_accepted_or_refused_with_lines, spec_text

FUZZ_EXAMPLES = 200       # per arch: validation only, milliseconds each


@pytest.mark.parametrize("arch", ARCHES)
def test_every_spec_is_accepted_or_refused_with_its_file_and_line(arch, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(spec_text(arch))
    def check(text):
        path = folder / "spec.py"
        path.write_text(text)
        assert_accepted_or_refused_with_lines(arch, path)
    check()


