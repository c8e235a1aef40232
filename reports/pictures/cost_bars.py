"""The cost report (reports/cost.py rows and summary) as horizontal bars: one bar per
arch, compiler, style and shape, in instructions per interrupt.

What a bar can be split into is what the window tells apart: it counts a whole
interrupt, from the raising instruction to the first one after the return, so
the CPU's entry, the save, the handler's work, the acknowledgement and the
return are one figure. The one part measured on its own is the empty window
(`bench empty`: the same window with nothing raised), drawn first; the rest is
what the interrupt adds (net). The hand-written minimum (the `naked` counter
handler of the same arch and compiler) is a dashed line across its group, and
each bar is labelled with the register words its entry saves (handler_cost).
"""
from reports.pictures.svg import COLOURS, Drawing

LABEL_WIDTH, BAR_AREA, BAR, GAP = 260, 520, 14, 4
TOP = 56


def svg(rows, summary):
    """The SVG document: a rect per bar part (data-bar with the row's key, data-part
    empty or net, data-insns), a line per minimum (data-minimum)."""
    drawing = Drawing("instructions per interrupt, per arch, compiler, style and shape")
    drawing.text(10, 18, "instructions per interrupt (reports/cost.py: counted exactly by a QEMU plugin)",
                 weight="bold")
    drawing.text(10, 34, "grey: the empty window (nothing raised); coloured: what the interrupt adds; "
                         "dashed: the hand-written minimum")
    widest = max((r["insns"] for r in rows), default=1)
    scale = BAR_AREA / widest
    y = TOP
    bars = 0
    for group in summary:
        mine = [r for r in rows if (r["arch"], r["compiler"]) == (group["arch"], group["compiler"])]
        drawing.text(10, y + 12, f"{group['arch']} ({group['compiler']})", weight="bold")
        y += BAR + GAP
        top = y
        for r in mine:
            key = f"{r['arch']} {r['compiler']} {r['style']} {r['shape']}"
            drawing.text(24, y + 11, f"{r['style']} {r['shape']} (vec {r['vector']})", size=11)
            empty = min(r["empty"], r["insns"])
            drawing.rect(LABEL_WIDTH, y, round(empty * scale, 2), BAR, COLOURS["other"], data_bar=key,
                         data_part="empty", data_insns=empty)
            part = {"abi": "compiler", "naked": "entry"}.get(r["style"], "stub")
            drawing.rect(round(LABEL_WIDTH + empty * scale, 2), y, round(max(r["net"], 0) * scale, 2), BAR,
                         COLOURS[part], data_bar=key, data_part="net", data_insns=r["net"])
            drawing.text(round(LABEL_WIDTH + r["insns"] * scale + 6, 2), y + 11,
                         f"{r['insns']} ({r['saved']} words saved)", size=11)
            bars += 1
            y += BAR + GAP
        if group["minimum"] is not None:
            x = round(LABEL_WIDTH + group["minimum"] * scale, 2)
            drawing.line(x, top - 2, x, y, colour="#c1121f", dash="4 3", data_minimum=group["minimum"],
                         data_group=f"{group['arch']} {group['compiler']}")
        y += GAP * 2
    return drawing.svg(data_picture="cost", data_bars=bars, data_groups=len(summary))
