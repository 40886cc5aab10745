"""HTML rendering of calculator results, shared by the build (static page) and the worker."""
