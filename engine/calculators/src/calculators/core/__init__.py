"""Shared core of the calculators: exact numbers, apportionment, problems, CSV, entry point.

Pure standard library on purpose: in the browser only Pyodide's core is loaded.
"""
