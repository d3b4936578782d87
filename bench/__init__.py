"""Benchmarks: scripts that print their figures and write their section of docs/benchmarks.md."""
