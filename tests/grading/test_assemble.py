"""What the grader's tree takes from a submission (grading/grade.py assemble): the
lab's files and nothing else, no link out of the submission, and the starter in
each of the student's files that the submission does not hold."""
from grading import grade
from grading.labs import load


def test_only_the_labs_files_and_the_starter_for_the_rest(tmp_path):
    lab = load("timer-riscv64")
    submission = tmp_path / "submission"
    (submission / "kernel" / "riscv64").mkdir(parents=True)
    (submission / "tools").mkdir()
    mine = "/* mine */\n#include \"isr.h\"\nISR_ABI void on_student_timer(void) {}\n"
    (submission / "kernel" / "riscv64" / "student_timer.c").write_text(mine)
    (submission / "tools" / "check_elf.py").write_text("def check(*a):\n    return []\n")   # not a lab file
    secret = tmp_path / "secret.txt"
    secret.write_text("the grader's key")
    (submission / "kernel" / "riscv64" / "student_key.c").symlink_to(secret)             # a link out
    tree = tmp_path / "tree"
    taken = grade.assemble(lab, submission, tree)
    assert taken == ["kernel/riscv64/student_timer.c"]
    assert (tree / "kernel" / "riscv64" / "student_timer.c").read_text() == mine
    assert not (tree / "kernel" / "riscv64" / "student_key.c").exists()
    assert "return []" not in (tree / "tools" / "check_elf.py").read_text()
    spec_edit = next(e for e in lab.starter if e.file == "isr/riscv64.py")
    assert spec_edit.text in (tree / "isr" / "riscv64.py").read_text()      # not handed in: the starter's
