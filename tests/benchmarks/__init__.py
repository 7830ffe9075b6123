"""Benchmarks: `python -m tests.benchmarks [NAME ...]`.

Each module here exposes `run() -> list[str]` and prints its figures as ratios against a baseline
measured in the same run, because the machines are shared and noisy. Not part of pytest.
"""
