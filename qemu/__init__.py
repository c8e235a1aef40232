"""QEMU machine profiles, the launcher and the pexpect console wrapper."""
# The QMP client on PyPI installs as `qemu.qmp`, inside a namespace package
# also named `qemu`: without this line our package hides it. extend_path adds
# every other `qemu/` folder on sys.path to ours, so `import qemu.qmp` works.
__path__ = __import__("pkgutil").extend_path(__path__, __name__)
