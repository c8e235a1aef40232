"""Build steps, ELF checks, symbolizer and benchmarks."""
