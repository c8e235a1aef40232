"""The report line format (kernel/report.h), as a regex with named fields.

The saved program counter is `pc` in every parsed report, and also under the
arch's own name for it (`rip` on x86_64).
"""
import re

REPORT = re.compile(
    r"^\[trap\] vec=(?P<vec>\d+) name=(?P<name>\S+) style=(?P<style>[a-z][a-z0-9_]*) "
    r"err=(?P<err>0x[0-9a-f]+|-) (?P<pcname>[a-z]+)=(?P<pc>0x[0-9a-f]+)(?P<fields>(?: [a-z0-9]+=\S+)*?) "
    r"then=(?P<then>resume|recover|halt)$", re.M)


def reports(output):
    """Every report line in output, as dicts with the extra key=value fields merged in."""
    found = []
    for match in REPORT.finditer(output):
        fields = match.groupdict()
        extra = fields.pop("fields").split()
        fields[fields.pop("pcname")] = fields["pc"]      # rip=, elr=, mepc=, pc=: as the arch names it
        fields.update(item.split("=", 1) for item in extra)
        found.append(fields)
    return found


def table_rows(output):
    """The `vectors` command's lines as {vector: {key: value}}."""
    rows = {}
    for line in output.splitlines():
        fields = dict(item.split("=", 1) for item in line.split())
        rows[int(fields["vec"])] = fields
    return rows


def one_report(output):
    return only(reports(output), "report line", output)


def only(found, what, shown):
    """The one item of found; otherwise fail, saying what was expected and showing where it was looked for."""
    assert len(found) == 1, f"expected one {what}, got {len(found)} in:\n{shown}"
    return found[0]
