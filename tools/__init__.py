"""Command-line tools for editors: thin wrappers around the package ``sitecontent``."""
