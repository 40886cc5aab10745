"""Rekenhulpen (calculators) for beschermd wonen and maatschappelijke opvang."""

__version__ = "0.1.0"
