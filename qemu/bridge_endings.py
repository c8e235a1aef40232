"""The exit codes of msp430's bridge (qemu/mspdebug_sim.py) that are its own, never a guest's.

A guest's status comes as EXIT_GUEST + N (isr/arch_msp430/machine.py exit_code); the
others are how the bridge itself ended, each told in words by qemu/ending.py
through MspdebugSimProfile.launcher_ending.
"""
EXIT_GUEST = 128            # + the guest's status
EXIT_INPUT_ENDED = 2        # the guest asked for input after stdin closed
EXIT_SIM_ERROR = 3          # mspdebug stopped the simulation with an error
EXIT_QUIT = 4               # Ctrl-A X
EXIT_UNEXPECTED = 5         # a stop at no known breakpoint
# Each of those in words: (kind, words).
OWN_ENDINGS = {
    EXIT_INPUT_ENDED: ("input-ended", "the guest asked for input after the console's input had ended"),
    EXIT_SIM_ERROR: ("error", "mspdebug stopped the simulation with an error (its log says which)"),
    EXIT_QUIT: ("quit", "the simulator was told to quit (Ctrl-A X)"),
    EXIT_UNEXPECTED: ("unexplained", "the simulation stopped where the bridge set no breakpoint"),
}
