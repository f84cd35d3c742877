"""How a student's lesson-3 answers name a remark, one report's version of it, and the chosen reference.

The saved verdicts are keyed by these strings, so they must stay the same from run to run: a
remark by its reference-file id (``remark:warning``) or its first version's place in the page
(``quote:002@5``); a version by report and offset (``001@59``); a reference by a token
(``ref:<source>`` or ``report:<version key>``).

Example:
    >>> from medialit.quotes.records import Quote
    >>> member_key("001", Quote("Fire points", "x", 59, 70))
    '001@59'
"""

from __future__ import annotations

from typing import Union

from medialit.quotes.records import Quote, QuoteGroup, ReferenceVersion


def member_key(report_id: str, quote: Quote) -> str:
    """The saved key of one report's version: report id and where the quote starts in the page.

    Example:
        >>> member_key("001", Quote("Fire points", "x", 59, 70))
        '001@59'
    """
    return f"{report_id}@{quote.start}"


def group_key(group: QuoteGroup) -> str:
    """A key for a remark that stays the same across runs (never a position in a list).

    Example:
        >>> group_key(QuoteGroup((("002", Quote("a b c", "x", 5, 10)),), Quote("a b c", "x", 5, 10), "002", "a b c", "x"))
        'quote:002@5'
    """
    if group.remark:
        return f"remark:{group.remark}"
    report_id, quote = group.members[0]
    return f"quote:{member_key(report_id, quote)}"


def default_reference(group: QuoteGroup) -> str:
    """The token of the group's own reference (a published version, else the best-copied report).

    Example:
        >>> quote = Quote("a b c", "x", 5, 10)
        >>> default_reference(QuoteGroup((("002", quote),), quote, "002", "a b c", "x"))
        'report:002@5'
    """
    if isinstance(group.reference, ReferenceVersion):
        return f"ref:{group.reference.source}"
    for report_id, quote in group.members:
        if quote is group.reference or quote == group.reference:
            return f"report:{member_key(report_id, quote)}"
    report_id, quote = group.members[0]
    return f"report:{member_key(report_id, quote)}"


def resolve_reference(group: QuoteGroup, token: str) -> tuple[Union[Quote, ReferenceVersion], str]:
    """The version a token names and a short name for it; the group's own reference if unknown.

    Example:
        >>> quote = Quote("a b c", "x", 5, 10)
        >>> resolve_reference(QuoteGroup((("002", quote),), quote, "002", "a b c", "x"), "report:002@5")[1]
        'report 002'
    """
    if token.startswith("ref:"):
        for version in group.reference_versions:
            if version.source == token[4:]:
                return version, version.name or version.source
    if token.startswith("report:"):
        for report_id, quote in group.members:
            if member_key(report_id, quote) == token[7:]:
                return quote, f"report {report_id}"
    if isinstance(group.reference, ReferenceVersion):
        return group.reference, group.reference.name or group.reference.source
    return group.reference, f"report {group.reference_source}"


def has_other_version(group: QuoteGroup) -> bool:
    """True when a remark has something to compare a version with: a second version in the
    reports (another report, or the same report quoting it twice) or a published one.

    A remark quoted once, in a story with no published version of it, has nothing else: a
    verdict would compare the quote with itself.

    Example:
        >>> quote = Quote("a b c", "x", 5, 10)
        >>> has_other_version(QuoteGroup((("002", quote),), quote, "002", "a b c", "x"))
        False
    """
    return len(group.members) > 1 or bool(group.reference_versions)


def compared_with_itself(group: QuoteGroup, token: str, member: str) -> bool:
    """True when a verdict on version ``member`` would judge it against itself: the reference
    ``token`` names that very version, or the remark has no other version at all.

    Such a verdict says nothing about the report (lesson 5 should not use it as evidence).

    Example:
        >>> quote = Quote("a b c", "x", 5, 10)
        >>> group = QuoteGroup((("002", quote), ("003", Quote("a b", "x", 7, 9))), quote, "002", "a b c", "x")
        >>> compared_with_itself(group, "report:002@5", "002@5"), compared_with_itself(group, "report:002@5", "003@7")
        (True, False)
    """
    if not has_other_version(group):
        return True
    reference, _ = resolve_reference(group, token or default_reference(group))
    return any(member_key(rid, quote) == member and (quote is reference or quote == reference) for rid, quote in group.members)
