"""W07: walk the whole URL resolver, in every language, and knock on every staff URL.

Every URL is staff unless `PUBLIC` names it: a new URL that nobody classified is tested as a staff
URL, so it fails here until it is either gated or declared public. Each staff URL (with sample
arguments, GET and POST) must turn away a visitor (to the login), a logged-in superuser without a
second factor (to the code form) and a verified account without a role (403); a verified
superuser must get past the gate. The role per area is tested in `test_each_role_opens_its_area`.
"""

from re import _constants as sre
from re import _parser as sre_parse

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from gezinsmuur.moderation import access
from gezinsmuur.staff import views as staff_views

from .conftest import log_in_staff

pytestmark = pytest.mark.django_db

# Named URLs anyone may open: the public site, the participant's pages, the login itself.
PUBLIC = {
    "media",
    "robots-txt",
    "set_language",
    "altcha-challenge",
    "submissions:*",
    "wall:*",
    "privacy:*",
    "reports:report",
    "login",
    "logout",
    "staff:*",
    "wagtail_serve",
    "wagtailcore_authenticate_with_password",
}


def shortest(regex: str) -> str:
    """The shortest string `regex` matches (enough for the patterns URLs use)."""
    return _emit(sre_parse.parse(regex))


def _emit(items) -> str:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.NOT_LITERAL or op is sre.ANY:
            out.append("y" if op is sre.NOT_LITERAL and chr(av) == "x" else "x")
        elif op is sre.IN:
            out.append(_one_of(av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            out.append(_emit(sub) * low)
        elif op is sre.SUBPATTERN:
            out.append(_emit(av[-1]))
        elif op is sre.BRANCH:
            out.append(_emit(av[1][0]))
        elif op is not sre.AT:
            raise ValueError(f"no sample for {op}")
    return "".join(out)


def _one_of(members) -> str:
    if any(op is sre.NEGATE for op, _ in members):
        excluded = {chr(av) for op, av in members if op is sre.LITERAL}
        return next(ch for ch in "xyz1" if ch not in excluded)
    op, av = members[0]
    if op is sre.LITERAL:
        return chr(av)
    if op is sre.RANGE:
        return chr(av[0])
    return "1" if av is sre.CATEGORY_DIGIT else "x"


def walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        sample = prefix + shortest(entry.pattern.regex.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, sample, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield "/" + sample, name, entry.callback


def is_public(path: str, name: str | None, callback) -> bool:
    if name is None:
        return callback is staff_views.to_login and not path.startswith("/cms/")
    return name in PUBLIC or f"{name.split(':')[0]}:*" in PUBLIC


def all_urls():
    """(path, name, callback) for every URL in every language, each path once.

    A path is kept with the first pattern that produced it, the one that answers it (ours for
    `_util/login/`, in front of Wagtail's).
    """
    seen = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for path, name, callback in walk(get_resolver()):
                seen.setdefault(path, (name, callback))
    return [(path, name, callback) for path, (name, callback) in sorted(seen.items())]


URLS = all_urls()
STAFF = [path for path, name, callback in URLS if not is_public(path, name, callback)]


def language(path: str) -> str:
    first = path.split("/")[1]
    return first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def test_W07_the_walk_finds_every_url_and_each_sample_path_resolves_to_its_view():
    assert len(STAFF) > 300  # the CMS and the Django admin bring hundreds
    areas = {access.staff_area(path) for path in STAFF}
    assert areas == {"cms", "django-admin", "moderation"}
    unresolved = []
    for path, _name, callback in URLS:
        with translation.override(language(path)):
            if resolve(path).func is not callback:
                unresolved.append(path)
    assert unresolved == []
    for code, _ in settings.LANGUAGES:
        assert f"/{code}/moderation/" in STAFF


def test_W07_public_urls_stay_outside_the_staff_areas():
    named = {name for path, name, callback in URLS if is_public(path, name, callback) and name}
    assert {n for n in PUBLIC if not n.endswith("*")} <= named  # no stale entries
    for path, name, callback in URLS:
        if is_public(path, name, callback):
            assert access.staff_area(path) is None, path


def test_W07_no_staff_url_answers_a_visitor(client):
    for path in STAFF:
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, (method.__name__, path)
            assert response["Location"].startswith(f"/{language(path)}/accounts/login/"), path


def test_W07_no_staff_url_answers_a_password_without_a_second_factor(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="root-password-123")
    client.force_login(root)  # every role, but no second factor
    for path in STAFF:
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, (method.__name__, path)
            assert response["Location"].startswith(f"/{language(path)}/accounts/two-factor/")


def test_W07_no_staff_url_answers_a_verified_account_without_a_role(client, stranger):
    log_in_staff(client, stranger)
    for path in STAFF:
        assert client.get(path).status_code == 403, path
        assert client.post(path).status_code == 403, path


def test_W07_every_staff_url_opens_past_the_gate_with_role_and_second_factor(
    client, django_user_model
):
    root = django_user_model.objects.create_superuser("root", password="root-password-123")
    log_in_staff(client, root)
    client.raise_request_exception = False  # sample ids make some views fail; not the gate's say
    statuses = {}
    for path in STAFF:
        if "logout" in path:
            continue  # would end this very session
        response = client.get(path)
        location = response.get("Location", "")
        assert "/accounts/login/" not in location and "/two-factor/" not in location, path
        # A 403 here is the view's own (the admin's autocomplete without its parameters): the gate
        # lets this very request through.
        assert access.gate(response.wsgi_request) is None, path
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    assert statuses[200] > 100, statuses


@pytest.mark.parametrize(
    ("persona", "opens", "refuses"),
    [
        ("moderator", "/fr/moderation/grid/", ["/cms/", "/django-admin/"]),
        ("editor", "/cms/", ["/nl/moderation/", "/django-admin/"]),
        ("staff", "/django-admin/", ["/nl/moderation/", "/cms/"]),
    ],
)
def test_each_role_opens_its_area_and_no_other(
    client, request, django_user_model, persona, opens, refuses
):
    if persona == "staff":
        user = django_user_model.objects.create_user("sam", password="x", is_staff=True)
    else:
        user = request.getfixturevalue(persona)
    log_in_staff(client, user)
    assert client.get(opens).status_code == 200
    for path in refuses:
        assert client.get(path).status_code == 403, path
