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
        # (heading, lines) per part, so one report can hold the decisions and the agenda.
        self.sections: list[tuple[str, list[str]]] = [(title, self.messages)]

    @classmethod
    def combined(cls, errors: list[ContentError]) -> ContentError:
        """Every part's problems in one error: an editor fixes them in one go instead of
        finding the agenda's only after the decisions are right."""
        whole = cls([m for error in errors for m in error.messages], errors[0].title)
        whole.sections = [section for error in errors for section in error.sections]
        return whole

    def report(self) -> str:
        """Each part's heading and one indented line per problem, as the build prints them."""
        parts = []
        for title, messages in self.sections:
            lines = "\n".join(f"  - {m}" for m in messages)
            parts.append(f"{title}:\n{lines}" if title else lines)
        return "\n".join(parts)
