"""Console expectations, gradelib-style: each output line the part wants is GOOD
when seen, each line it forbids is BAD, and a wanted line never seen is MISSING."""
import re


def resolve(pattern, vectors):
    """A lab's regex with {vector:HANDLER} replaced by that handler's vector from the manifest."""
    def vector(match):
        if match[1] not in vectors:
            raise KeyError(f"the pattern {pattern!r} names handler {match[1]}, which the spec binds to no vector; "
                           f"keep the handler's name as the handout says")
        return str(vectors[match[1]])
    return re.sub(r"\{vector:(\w+)\}", vector, pattern)


def judge(output, expect, forbid):
    """(passed, lines): lines are 'GOOD  <line>', 'BAD   <line>' and 'MISSING <regex>'."""
    lines, seen = [], set()
    for line in output.splitlines():
        line = line.rstrip("\r")
        if any(re.search(p, line) for p in forbid):
            lines.append(f"BAD     {line}")
            continue
        for n, pattern in enumerate(expect):
            if n not in seen and re.search(pattern, line):
                seen.add(n)
                lines.append(f"GOOD    {line}")
                break
    lines += [f"MISSING '{pattern}'" for n, pattern in enumerate(expect) if n not in seen]
    return not any(l.startswith(("BAD", "MISSING")) for l in lines), lines
