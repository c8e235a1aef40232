"""A traced run (reports/pictures/trace.py's slices) as Chrome trace events, which
Perfetto's UI and chrome://tracing open, and as an SVG timeline.

Chrome's JSON trace format: one process, the kernel; one thread per CPU (these
machines have one); a complete event ("ph": "X") per command, per interrupt
entered and per handler a dispatcher called, "ts" and "dur" in microseconds;
slices on one thread that lie inside one another show as nested. Each event's
args carry the vector, name, style, handler and instruction counts.
"""
from reports.pictures.svg import CHAR_WIDTH, COLOURS, Drawing

PID, CPU = 1, 0
NS_PER_INSN = 1            # -icount shift=0: 2**0 ns per instruction
STYLE_PART = {"stub": "stub", "abi": "compiler", "naked": "entry", "default": "stub"}


def label(item):
    """What a slice is called: the command, or the vector number and name(s)."""
    if item["kind"] == "command":
        return item["name"]
    slots = item["slots"]
    if not slots:
        return item["function"]
    return f"{'/'.join(str(s['vector']) for s in slots)} {'/'.join(dict.fromkeys(s['name'] for s in slots))}"


def _insns(item):
    return item["end"] - item["start"]


def own_insns(item, slices):
    """Instructions of the slice less those of the slices directly inside it."""
    inner = [s for s in slices if s is not item and s["depth"] == item["depth"] + 1
             and item["start"] <= s["start"] and s["end"] <= item["end"]]
    return _insns(item) - sum(_insns(s) for s in inner)


def chrome_trace(arch, slices, icount=True):
    """The trace as a dict for json.dump."""
    unit = "guest ns (-icount shift=0: one instruction each)" if icount else \
        "instructions executed (no -icount on this machine: not guest time)"
    out = [{"ph": "M", "name": "process_name", "pid": PID, "args": {"name": f"{arch} kernel"}},
           {"ph": "M", "name": "thread_name", "pid": PID, "tid": CPU, "args": {"name": f"CPU {CPU}"}}]
    for item in slices:
        args = {"insns": _insns(item), "own_insns": own_insns(item, slices), "depth": item["depth"]}
        if item["kind"] != "command":
            slot = item["slots"][0] if item["slots"] else {}
            args.update(vector=[s["vector"] for s in item["slots"]], name=label(item).split(" ", 1)[-1],
                        style=slot.get("style"), handler=slot.get("handler"), entered_at=item["function"],
                        returned=item["returned"])
        out.append({"ph": "X", "name": label(item), "cat": item["kind"], "pid": PID, "tid": CPU,
                    "ts": item["start"] * NS_PER_INSN / 1000, "dur": _insns(item) * NS_PER_INSN / 1000,
                    "args": args})
    return {"traceEvents": out, "displayTimeUnit": "ns",
            "otherData": {"arch": arch, "time": unit,
                          "source": "tools/plugin/trace.c marks (reports/pictures/trace.py)"}}


def summary(slices):
    """One line per slice, indented by depth, for the terminal."""
    lines = []
    for item in slices:
        what = item["kind"] if item["kind"] == "command" else \
            f"{item['kind']} {item['slots'][0]['style'] if item['slots'] else ''}".rstrip()
        tail = "" if item.get("returned", True) else " (no return seen: recovered elsewhere)"
        lines.append(f"{'  ' * item['depth']}{label(item)} [{what}] at {item['start']}, "
                     f"{_insns(item)} instructions{tail}")
    return lines


WIDTH = 900
LEFT, TOP, ROW = 10, 50, 24


def svg(arch, slices):
    """The timeline: time across, one row per nesting depth; a box per slice (data-slice,
    data-kind, data-depth, data-vector, data-insns), each box at least 1 px wide."""
    drawing = Drawing(f"{arch}: interrupts taken while the commands ran")
    end = max((s["end"] for s in slices), default=1) or 1
    scale = WIDTH / end
    drawing.text(LEFT, 18, f"{arch}: interrupts taken while the commands ran", weight="bold")
    drawing.text(LEFT, 34, f"time across: instructions executed, 0 to {end} (a CPU waiting in hlt/wfi executes "
                           f"none); a row runs inside the row above it")
    depth_max = max((s["depth"] for s in slices), default=0)
    for depth in range(depth_max + 1):
        drawing.line(LEFT, TOP + depth * ROW + ROW, LEFT + WIDTH, TOP + depth * ROW + ROW, colour="#ccc")
    following, preceding = {}, {}    # slice index -> where the next slice of its row starts, the last ends
    by_row = sorted(range(len(slices)), key=lambda i: (slices[i]["depth"], slices[i]["start"]))
    for i, j in zip(by_row, by_row[1:]):
        if slices[i]["depth"] == slices[j]["depth"]:
            following[i], preceding[j] = slices[j]["start"], slices[i]["end"]
    for index, item in enumerate(slices):
        x, width = LEFT + item["start"] * scale, max(1.0, _insns(item) * scale)
        y = TOP + item["depth"] * ROW
        part = "other" if item["kind"] == "command" else \
            STYLE_PART.get(item["slots"][0]["style"] if item["slots"] else "default", "other")
        vector = None if item["kind"] == "command" else "/".join(str(s["vector"]) for s in item["slots"])
        drawing.rect(round(x, 2), y + 2, round(width, 2), ROW - 4, COLOURS[part], data_slice=label(item),
                     data_kind=item["kind"], data_depth=item["depth"], data_vector=vector, data_insns=_insns(item))
        words = label(item)
        room = (following.get(index, end) - item["end"]) * scale
        if width > len(words) * CHAR_WIDTH + 6:                  # inside the box
            drawing.text(round(x + 3, 2), y + 16, words, size=11)
        elif room > len(words) * CHAR_WIDTH + 6:                 # after it, before the next one
            drawing.text(round(x + width + 3, 2), y + 16, words, size=11)
        elif (item["start"] - preceding.get(index, 0)) * scale > len(words) * CHAR_WIDTH + 6:   # before it
            drawing.text(round(x - 3, 2), y + 16, words, anchor="end", size=11)
    legend_y = TOP + (depth_max + 1) * ROW + 20
    for i, (style, part) in enumerate(sorted((s, p) for s, p in STYLE_PART.items() if s != "default")):
        drawing.rect(LEFT + i * 130, legend_y, 12, 12, COLOURS[part])
        drawing.text(LEFT + i * 130 + 16, legend_y + 11, style, size=11)
    drawing.rect(LEFT + 3 * 130, legend_y, 12, 12, COLOURS["other"])
    drawing.text(LEFT + 3 * 130 + 16, legend_y + 11, "command", size=11)
    drawing.line(LEFT, legend_y + 24, LEFT + WIDTH, legend_y + 24, colour="white")
    interrupts = sum(1 for s in slices if s["kind"] != "command")
    return drawing.svg(data_picture="timeline", data_slices=interrupts, data_arch=arch,
                       data_depth=depth_max)
