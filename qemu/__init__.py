"""QEMU machine profiles, the launcher and the pexpect console wrapper."""
# PyPI's QMP client is the module qemu.qmp of a namespace package that is also
# called `qemu`, which this package would hide: let ours span every `qemu`
# folder on sys.path, so that `import qemu.qmp` finds it.
__path__ = __import__("pkgutil").extend_path(__path__, __name__)
