"""The one error type of the pipeline: a problem in a contributor's file, with its place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file, told the way a contributor can act on it."""

    file: str
    line: int
    message: str
    fact_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}"]
        if self.fact_id:
            parts.append(self.fact_id)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts) + ": " + self.message

    def annotation(self) -> str:
        """The same problem as a GitHub Actions annotation, shown on the file and line."""
        message = str(self).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line}::{message}"


class FactsInvalid(Exception):
    """Raised when the fact base has problems; carries all of them, sorted by place."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.fact_id or "", p.field or ""))
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the fact base:\n{lines}")
