"""Write small spec files for the tests, so errors can name a real file and line."""
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
