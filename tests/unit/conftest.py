import os

import pytest

from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _run_from_the_repository():
    """Spec paths in messages are relative to the repository, as doit runs them."""
    previous = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)
