"""The arch model's word on what its CPU pushes (isr/arch_<arch>/pushes.py), found
through the arch registry, so no picture names an arch."""
from isr.load import arch_model


def _pushes_module(arch):
    return arch_model(arch).pushes


def pushes(arch, vector):
    """[(name, bytes)] the CPU pushes taking this vector, first pushed (highest address) first."""
    return _pushes_module(arch).pushes(vector)


def kept(arch):
    """Where the CPU keeps what it does not push."""
    return _pushes_module(arch).KEPT


def sp_bias(arch):
    """Where the lowest pushed byte is, from the stack pointer: the arch model's SP_BIAS
    (0 on a full descending stack; the AVR's SP points one below its last push)."""
    return _pushes_module(arch).SP_BIAS
