"""Rekenhulpen (calculators) for beschermd wonen and maatschappelijke opvang."""
