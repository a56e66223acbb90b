"""Benchmarks: ``python -m readiness_tui.bench`` prints JSON figures. Targets are in the README."""
