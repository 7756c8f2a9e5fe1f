from django import template

from gezinsmuur.lib.languages import path_in

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context: template.Context, code: str) -> str:
    """The current page in another language (each language has its own URLs)."""
    request = context.get("request")
    return path_in(request.get_full_path(), code) if request else f"/{code}/"
