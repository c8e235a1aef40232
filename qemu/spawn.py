"""pexpect.spawn as every emulator console here wants it: the child may keep
some descriptors (QEMU's end of the QMP socket), and pexpect's courtesy
sleeps are off.

pexpect sleeps 50 ms before every send (for programs that drop input typed
while they turn echo off) and ptyprocess 100 ms after closing the terminal
(to let the kernel update the child's state). An emulator's serial port takes
typed bytes only as fast as the guest's UART does (QEMU's chardev asks before
it reads; qemu/mspdebug_sim.py buffers them), and a console is closed after its
emulator has quit or to kill it. Over the suite's thousands of sends and
closes those sleeps added minutes of worker time, for nothing. A child still alive
at close() is killed as before (ptyprocess's terminate, which waits)."""
import pexpect
import ptyprocess


class Spawn(pexpect.spawn):
    def __init__(self, *args, pass_fds=(), **kwargs):
        self._pass_fds = tuple(pass_fds)
        super().__init__(*args, **kwargs)
        self.delaybeforesend = None
        self.ptyproc.delayafterclose = 0

    def _spawnpty(self, args, **kwargs):
        # pexpect 4.8 does not pass pass_fds through; ptyprocess closes every other descriptor.
        return ptyprocess.PtyProcess.spawn(args, pass_fds=self._pass_fds, **kwargs)
