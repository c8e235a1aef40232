"""Old run folders go at the start of a run; a tool's folder, perhaps in use, stays (tests/conftest.py)."""
import os

from tests import conftest


def test_only_run_folders_beyond_the_newest_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "ROOT", tmp_path)
    runs = tmp_path / "build" / "riscv64" / "runs"
    run_names = [f"{i:012x}" for i in range(conftest.RUNS_KEPT + 2)]
    for when, name in [(1, "cost-gcc"), (2, "explain")] + [(1000 + i, n) for i, n in enumerate(run_names)]:
        (runs / name).mkdir(parents=True)
        os.utime(runs / name, (when, when))       # the tools' folders are the oldest of all
    conftest.prune_old_runs()
    assert sorted(p.name for p in runs.iterdir()) == sorted(run_names[2:] + ["cost-gcc", "explain"])
