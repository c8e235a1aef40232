"""Pictures of the build and of runs: the frame a handler sees (frame.py), the
interrupts a run took on a timeline (timeline.py), and the cost report as bars
(cost_bars.py), each as text or JSON and as SVG through one small writer (svg.py)."""
