"""Reports and experiments: what each handler style costs, the path of a vector, variant kernels, benchmarks.

The top room below dodo.py: it reads isr/ (arch models, the generator),
qemu/ (boots) and tools/ (toolchain, ELF symbols); nothing below imports it."""
