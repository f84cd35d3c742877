"""The kit's one error for a story that cannot be used (its own module, so every reader can raise it).

Example:
    >>> str(StoryError(["story.json is not valid JSON (line 1, column 2). Fix that spot."]))
    'story.json is not valid JSON (line 1, column 2). Fix that spot.'
"""

from __future__ import annotations


class StoryError(Exception):
    """A story folder or file cannot be used. The message names each file, the problem and the fix.

    ``problems`` holds one sentence per problem; the message lists them all.

    Example:
        >>> print(StoryError(["a.txt is empty: paste the report into it.", "b.txt is empty: ..."]))
        2 problems with this story:
        - a.txt is empty: paste the report into it.
        - b.txt is empty: ...
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems with this story:\n" + "\n".join(
                f"- {problem}" for problem in self.problems
            )
        super().__init__(message)
