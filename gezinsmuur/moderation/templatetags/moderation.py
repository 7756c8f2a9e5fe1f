"""The message as moderators see it: possible personal data marked, everything else escaped."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gezinsmuur.submissions.flags import PATTERNS, flag_label

register = template.Library()


@register.filter
def mark_personal_data(message: str) -> SafeString:
    """Escape the message and wrap what looks like an address, number or link in <mark>."""
    spans = sorted(
        (match.start(), match.end(), code)
        for code, pattern in PATTERNS.items()
        for match in pattern.finditer(message)
    )
    parts: list[str] = []
    position = 0
    for start, end, code in spans:
        if start < position:  # overlaps a span already marked
            continue
        parts.append(escape(message[position:start]))
        label = escape(flag_label(code))
        parts.append(f'<mark title="{label}">{escape(message[start:end])}</mark>')
        position = end
    parts.append(escape(message[position:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308  (every part escaped)
