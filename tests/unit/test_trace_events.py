"""reports/pictures/trace.py's events(): the plugin's log of marked PCs becomes slices
(a command, the interrupts it took, the handlers a dispatcher called), nested as
they ran, commands laid end to end, the closing `exit` left out."""
from reports.pictures.trace import Mark, events

TIMER = {"vector": 32, "name": "IRQ0", "style": "abi", "handler": "on_timer"}
SLOW = {"vector": 36, "name": "IRQ4", "style": "stub", "handler": "on_com1"}
SGI = {"vector": 9, "name": "SGI1", "style": "stub", "handler": "on_sgi_slow"}
IRQ = {"vector": 6, "name": "IRQ", "style": "abi", "handler": "gic_irq"}

MARKS = {0x10: Mark("begin", function="cmd_trap", command="trap"),
         0x11: Mark("begin", function="cmd_exit", command="exit"),
         0x20: Mark("end", function="read_line"),
         0x30: Mark("entry", [SLOW], "isr_guard_36"), 0x31: Mark("return", function="isr_stub_36"),
         0x40: Mark("entry", [TIMER], "isr_guard_32"), 0x41: Mark("return", function="on_timer"),
         0x50: Mark("entry", [IRQ], "gic_irq"), 0x51: Mark("return", function="gic_irq"),
         0x60: Mark("call", [SGI], "on_sgi_slow"), 0x61: Mark("call-return", function="on_sgi_slow"),
         0x70: Mark("tail", function="report_end"), 0x71: Mark("tail-return", function="report_end"),
         0x72: Mark("tail-return", function="kprintf"), 0x73: Mark("tail", function="kprintf", origin="report_end")}


def log(*hits):
    return "".join(f"{letter} {pc:x} {count}\n" for letter, pc, count in hits) + "trace done 0\n"


def shape(slices):
    return [(s.get("name") or s["slots"][0]["name"], s["depth"], s["start"], s["end"]) for s in slices]


def test_a_tick_nested_in_a_slow_handler_and_commands_laid_end_to_end():
    text = log(("b", 0x10, 1000), ("m", 0x30, 1010), ("m", 0x40, 1020), ("m", 0x41, 1029), ("m", 0x31, 1099),
               ("e", 0x20, 1200),
               ("b", 0x10, 9000), ("m", 0x40, 9005), ("m", 0x41, 9009), ("e", 0x20, 9100),
               ("b", 0x11, 9500))                 # the `exit` that ends the run
    slices = events(text, MARKS, ["trap nest", "trap ud"])
    assert shape(slices) == [("trap nest", 0, 0, 200), ("IRQ4", 1, 10, 100), ("IRQ0", 2, 20, 30),
                             ("trap ud", 0, 200, 300), ("IRQ0", 1, 205, 210)]
    assert all(s["returned"] for s in slices)


def test_a_dispatched_handler_is_a_slice_inside_its_entry():
    text = log(("b", 0x10, 0), ("m", 0x50, 5), ("m", 0x60, 8), ("m", 0x61, 50), ("m", 0x51, 55), ("e", 0x20, 60))
    assert shape(events(text, MARKS, ["int 9"])) == [("int 9", 0, 0, 60), ("IRQ", 1, 5, 56), ("SGI1", 2, 8, 51)]


def test_a_tail_called_function_returns_for_the_entry_only_after_the_tail_jump():
    """kprintf returns many times inside the handler; only the return after the chain of tail
    jumps (the entry's to report_end, report_end's to kprintf) ends the interrupt."""
    text = log(("b", 0x10, 0), ("m", 0x40, 10), ("m", 0x72, 12), ("m", 0x70, 20), ("m", 0x73, 22),
               ("m", 0x72, 30), ("e", 0x20, 40))
    assert shape(events(text, MARKS, ["int 15"])) == [("int 15", 0, 0, 40), ("IRQ0", 1, 10, 31)]


def test_an_interrupt_that_never_returns_is_closed_by_the_shell_and_said_so():
    text = log(("b", 0x10, 0), ("m", 0x30, 10), ("e", 0x20, 70))        # recovered: back in the shell
    command, slow = events(text, MARKS, ["trap pf"])
    assert (slow["end"], slow["returned"]) == (70, False) and command["returned"]
