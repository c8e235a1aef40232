"""Write small spec files for the tests, so errors can name a real file and line."""
import re
import textwrap

HEADER = "from isr.spec import exception, interrupt, irq\n\nVECTORS = [\n"


def write_spec(tmp_path, *lines, name="spec.py"):
    """A spec whose VECTORS list holds lines; returns (path, line number of each entry)."""
    path = tmp_path / name
    body = "".join(f"    {line},\n" for line in lines)
    path.write_text(HEADER + body + "]\n")
    first = HEADER.count("\n") + 1
    return path, [first + i for i in range(len(lines))]


def write_raw(tmp_path, text, name="spec.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def required_lines(arch_name, *skip):
    """The lines that bind what the arch model says the kernel cannot do without
    (arch.REQUIRED), but those for the vectors or handlers in skip: add them to
    a spec that must validate."""
    from isr.load import arch_model
    return [line for key, (line, _) in arch_model(arch_name).REQUIRED.items() if key not in skip]


def behind_guards(words, stubs):
    """Table words with each storm guard (isr/guard.py) replaced by the entry it
    goes on to: the branch that ends its body in the generated isr_stubs.S."""
    def entry(word):
        if not word.startswith("isr_guard_"):
            return word
        body = stubs[stubs.index(f"{word}:\n"):stubs.index(f".size {word},")]
        targets = re.findall(r"^\s+(?:jmp|j|b|b\.w|br|bne)\s+#?([A-Za-z_]\w*)$", body, re.M)
        return next(target for target in targets if target != "isr_storm_trip")
    return [entry(word) for word in words]
