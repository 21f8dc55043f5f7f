"""Benchmarks behind ``newsgraph bench``: each measures newsgraph and its reference in the same run."""
