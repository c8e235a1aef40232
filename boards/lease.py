"""Holding a labgrid place: wait for its turn, acquire it, give it back.

A place is a board that many people and CI jobs share. labgrid's coordinator
allocates a place to one reservation at a time (labgrid/remote/coordinator.py:
only a place neither acquired nor reserved is allocated), so asking for a
reservation and waiting for it (`labgrid-client reserve --wait`) is how a
process queues behind another; acquire follows, with the reservation's token.
End releases the place and cancels the reservation, and the next in the queue
gets it. The client is labgrid's own command line, as a user would type it.
"""
import getpass
import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

CLIENT = str(Path(sys.executable).with_name("labgrid-client"))
CLIENT_TIMEOUT = 60          # one labgrid-client call; a reservation waits in its own loop (LEASE_WAIT)
LEASE_WAIT = 1800            # how long a process waits for another one's turn on a place
# The client is told everything on its command line: an LG_ENV (which boot-<arch> reads) would
# make it load that env file and its imports, and LG_PLACE or LG_TOKEN would change what -p means.
CLIENT_ENVIRONMENT = {k: v for k, v in os.environ.items() if k not in ("LG_ENV", "LG_PLACE", "LG_TOKEN")}


class PlaceLease:
    """One place held by this process: reserved (waiting for its turn), acquired; given back by end()."""

    def __init__(self, coordinator, place, folder):
        self.coordinator = coordinator
        self.place = place
        self.token = None
        self.acquired = False
        self.log = Path(folder) / f"lease-{place}.log"
        self.times = {}              # wall-clock times of asked, acquired, released: the summary says them
        self.by_hand = False         # held by the user before this run: used, not given back

    def client(self, *args, timeout=CLIENT_TIMEOUT):
        argv = [CLIENT, "-x", self.coordinator, *args]
        with open(self.log, "a") as log:
            log.write(f"$ {shlex.join(argv[1:])}\n")
            done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  timeout=timeout, env=CLIENT_ENVIRONMENT)
            log.write(done.stdout)
        if done.returncode:
            raise RuntimeError(f"labgrid-client {shlex.join(args)} failed ({done.returncode}):\n{done.stdout}"
                               f"(coordinator {self.coordinator}; log {self.log})")
        return done.stdout

    def held_by_hand(self):
        """True when this user on this machine already holds the place outside any other run's
        reservation: acquired by hand, with no reservation or under the one whose token LG_TOKEN
        carries (`eval $(labgrid-client reserve --wait --shell ...)`, then acquire). labgrid names
        a holder host/user only, so another run of the same user holds it under its own token."""
        shown = self.client("-p", self.place, "show")
        acquired = re.search(r"^  acquired: (\S+)$", shown, re.M)
        reservation = re.search(r"^  reservation: (\S+)$", shown, re.M)
        me = (f"{os.environ.get('LG_HOSTNAME', socket.gethostname())}/"
              f"{os.environ.get('LG_USERNAME', getpass.getuser())}")      # as labgrid-client names us
        if not acquired or acquired[1] != me:
            return False
        return reservation is None or reservation[1] == os.environ.get("LG_TOKEN")

    def begin(self):
        if self.held_by_hand():
            self.by_hand = True
            return
        self.times["asked"] = time.time()
        said = self.client("reserve", "--wait", "--shell", f"name={self.place}", timeout=LEASE_WAIT)
        fields = dict(line.split("=", 1) for line in said.replace("export ", "").split() if "=" in line)
        self.token = fields.get("LG_TOKEN")
        if not self.token:
            raise RuntimeError(f"labgrid-client reserve said no LG_TOKEN:\n{said}")
        self.client("-p", f"+{self.token}", "acquire")
        self.acquired = True
        self.times["acquired"] = time.time()

    def summary(self):
        """One line: the place and when this process asked for it, got it and gave it back (Unix times)."""
        if self.by_hand:
            return f"place {self.place}: held by you before this run (LG_TOKEN), used and kept"
        return f"place {self.place}: " + " ".join(f"{what}={when:.6f}" for what, when in self.times.items())

    def end(self):
        try:
            if self.acquired:
                self.client("-p", self.place, "release")
                self.acquired = False
                self.times["released"] = time.time()
        finally:
            if self.token:
                self.client("cancel-reservation", self.token)
                self.token = None


def remote_place(env, name):
    """The RemotePlace name of the env's target `name`, or None (a target wired locally)."""
    resources = env.config.get_targets()[name].get("resources", {})
    if isinstance(resources, dict):
        place = resources.get("RemotePlace")
        return place.get("name") if place else None
    for entry in resources:
        if "RemotePlace" in entry:
            return entry["RemotePlace"]["name"]
    return None
