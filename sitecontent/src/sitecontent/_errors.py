"""The one error type of the content model."""

from __future__ import annotations


class ContentError(Exception):
    """Content data is invalid; ``messages`` holds one Dutch line per problem (file, line,
    field), because editors read these lines, not tracebacks."""

    def __init__(self, messages: list[str], title: str = ""):
        super().__init__("\n".join(messages))
        self.messages = list(messages)
        # What was being read, for a heading above the lines ("De beleidsagenda bevat fouten").
        self.title = title

    def report(self) -> str:
        """The heading and one indented line per problem, as the build prints them."""
        lines = "\n".join(f"  - {m}" for m in self.messages)
        return f"{self.title}:\n{lines}" if self.title else lines
