"""How a doit run reads on the terminal: one line per arch for its compiles.

doit's own reporter prints a line per task, so every boot began with some 45
`-- compile:<arch>:<source>` lines (one per object, each up to date). This
one counts the compile tasks of each arch instead and prints, once the arch's
next other task comes (or the run ends):

    -- compile:x86_64: 45 up to date
    .  compile:x86_64: 2 compiled, 43 up to date

A compile that fails is named on a line of its own, before doit's failure
report; its command and the compiler's messages are on stderr already
(tools/toolchain.py compile_one). Every other task reads as with doit's
console reporter, and `--reporter=console` brings back a line per task.
"""
from doit.reporter import ConsoleReporter

COMPILE = "compile:"


def _arch(task):
    """The arch of a compile task (compile:<arch>:<source>), or None for any other task."""
    if not task.name.startswith(COMPILE):
        return None
    return task.name[len(COMPILE):].split(":", 1)[0]


class CompileSummary(ConsoleReporter):
    desc = "console, with one line per arch for its compiles"

    def __init__(self, outstream, options):
        super().__init__(outstream, options)
        self.counts = {}            # arch -> {"compiled": n, "up to date": n}, in the order met

    def _count(self, task, kind):
        counts = self.counts.setdefault(_arch(task), {"compiled": 0, "up to date": 0})
        counts[kind] += 1

    def flush(self):
        for arch, counts in self.counts.items():
            parts = [f"{n} {kind}" for kind, n in counts.items() if n]
            if not parts:
                continue
            mark = ".  " if counts["compiled"] else "-- "
            self.write(f"{mark}{COMPILE}{arch}: {', '.join(parts)}\n")
        self.counts = {}

    def execute_task(self, task):
        if _arch(task):
            self._count(task, "compiled")
            return
        self.flush()
        super().execute_task(task)

    def skip_uptodate(self, task):
        if _arch(task):
            self._count(task, "up to date")
            return
        self.flush()
        super().skip_uptodate(task)

    def add_failure(self, task, fail):
        if _arch(task):
            counts = self.counts.get(_arch(task))
            if counts:
                counts["compiled"] -= 1         # said on its own line instead
            self.flush()
            self.write(f"FAILED {task.title()}: its command and the compiler's messages are on stderr\n")
        super().add_failure(task, fail)

    def skip_ignore(self, task):
        self.flush()
        super().skip_ignore(task)

    def complete_run(self):
        self.flush()
        super().complete_run()
