"""QEMU machine profiles, the launcher and the pexpect console wrapper."""
