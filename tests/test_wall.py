"""Vera the visitor browses the wall of approved photos."""

import pytest
from django.utils import timezone

from gezinsmuur.submissions.models import Status
from gezinsmuur.wall import queries

from . import factories

pytestmark = pytest.mark.django_db


def test_it_shows_only_approved_photos_newest_first(client):
    older = factories.submission(message="older voice")
    newer = factories.submission(message="newer voice")
    for status in (
        Status.PENDING_REVIEW,
        Status.REJECTED,
        Status.WITHDRAWN,
        Status.FAILED,
        Status.RECEIVED,
    ):
        factories.submission(status=status, message=f"not-for-the-wall {status}")
    html = client.get("/nl/wall/").content.decode()
    assert html.index(newer.message) < html.index(older.message)
    assert "not-for-the-wall" not in html


def test_it_counts_the_voices(client):
    for _ in range(3):
        factories.submission()
    factories.submission(status=Status.PENDING_REVIEW)
    response = client.get("/nl/wall/")
    assert response.context["voices"] == 3
    assert "<strong>3</strong>" in response.content.decode()


def test_the_counter_rises_with_every_approval(
    client, moderator, django_capture_on_commit_callbacks
):
    from gezinsmuur.moderation.actions import approve

    pending = factories.submission(status=Status.PENDING_REVIEW)
    assert client.get("/nl/wall/").context["voices"] == 0
    approve(pending, moderator=moderator)
    assert client.get("/nl/wall/").context["voices"] == 1


def test_it_pages_with_a_more_link_that_works_without_javascript(client, settings):
    settings.WALL_PAGE_SIZE = 2
    rows = [factories.submission(message=f"voice {i}") for i in range(5)]
    first = client.get("/nl/wall/")
    assert [t.public_id for t in first.context["tiles"]] == [rows[4].public_id, rows[3].public_id]
    cursor = first.context["next_cursor"]
    assert 'rel="next"' in first.content.decode()
    second = client.get("/nl/wall/", {"after": cursor})
    assert [t.public_id for t in second.context["tiles"]] == [rows[2].public_id, rows[1].public_id]
    # a new approval does not shift the next page
    factories.submission(message="brand new")
    again = client.get("/nl/wall/", {"after": cursor})
    assert [t.public_id for t in again.context["tiles"]] == [rows[2].public_id, rows[1].public_id]
    last = client.get("/nl/wall/", {"after": second.context["next_cursor"]})
    assert [t.public_id for t in last.context["tiles"]] == [rows[0].public_id]
    assert last.context["next_cursor"] is None


def test_tiles_with_the_same_approval_time_are_neither_lost_nor_repeated(settings):
    moment = timezone.now()
    rows = [factories.submission(approved_at=moment) for _ in range(5)]
    seen, cursor = [], None
    while True:
        page, cursor = queries.tiles(cursor, 2)
        seen += [t.public_id for t in page]
        if not cursor:
            break
    assert sorted(seen) == sorted(r.public_id for r in rows) and len(seen) == 5


@pytest.mark.parametrize(
    "cursor", ["garbage", "~", "2026-13-45T00:00:00~x", "2026-01-01T00:00:00~x"]
)
def test_a_broken_cursor_shows_the_first_page(client, cursor):
    factories.submission()
    assert client.get("/nl/wall/", {"after": cursor}).status_code == 200


def test_the_partial_page_is_only_tiles_for_infinite_scroll(client):
    factories.submission(message="scrolled voice")
    response = client.get("/nl/wall/", {"partial": "1"})
    html = response.content.decode()
    assert "scrolled voice" in html and "<html" not in html


def test_the_picture_offers_avif_webp_and_jpeg_with_fixed_dimensions(client):
    tile = factories.submission()
    html = client.get("/nl/wall/").content.decode()
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert f"/media/tiles/{tile.public_id}/abc-480.jpeg 480w" in html
    assert 'width="1200" height="900"' in html and 'loading="lazy"' in html
    assert 'fill="#aa8866"' in html  # placeholder colour while loading


def test_a_tile_has_its_own_page_with_photo_message_and_name(client):
    tile = factories.submission(message="Samen horen we thuis.", display_name="Helen & Adam")
    response = client.get(f"/nl/wall/{tile.public_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Samen horen we thuis." in html and "Helen &amp; Adam" in html


@pytest.mark.parametrize("status", [Status.PENDING_REVIEW, Status.REJECTED, Status.WITHDRAWN])
def test_a_tile_that_is_not_approved_has_no_page(client, status):
    tile = factories.submission(status=status)
    assert client.get(f"/nl/wall/{tile.public_id}/").status_code == 404


def test_messages_are_plain_text(client):
    factories.submission(message='<img src=x onerror="alert(1)"> <script>alert(2)</script>')
    html = client.get("/nl/wall/").content.decode()
    assert "<script>alert(2)" not in html and "&lt;script&gt;" in html


def test_the_wall_costs_two_queries_however_many_tiles(client, django_assert_num_queries):
    for _ in range(40):
        factories.submission()
    # The first visit: 1 for the page's keys (keyset, one indexed query), 1 for the full rows of
    # the tiles whose HTML is not cached yet (here all 24), 1 for the counter. No session, no user.
    with django_assert_num_queries(3):
        assert client.get("/nl/wall/").status_code == 200
    # Every tile's HTML is cached now: the keys and the counter.
    with django_assert_num_queries(2):
        assert client.get("/nl/wall/").status_code == 200
    # The next page: its tiles are new to the cache again, whatever their number.
    cursor = client.get("/nl/wall/").context["next_cursor"]
    with django_assert_num_queries(3):
        assert client.get("/nl/wall/", {"after": cursor}).status_code == 200


def test_the_page_reads_only_keys_when_the_tiles_are_cached(client, django_assert_num_queries):
    for _ in range(3):
        factories.submission()
    client.get("/nl/wall/")
    with django_assert_num_queries(2) as captured:
        client.get("/nl/wall/")
    page = captured.captured_queries[0]["sql"]
    assert "renditions" not in page and "message" not in page  # no full rows
    assert "COUNT(" in captured.captured_queries[1]["sql"]


def test_a_new_language_reads_the_rows_once_more(client, django_assert_num_queries):
    for _ in range(3):
        factories.submission()
    client.get("/nl/wall/")
    with django_assert_num_queries(3):  # the tiles' French HTML is new
        client.get("/fr/wall/")
    with django_assert_num_queries(2):
        client.get("/fr/wall/")


def test_the_counter_is_reused_for_a_few_seconds_while_pages_are_cached(
    client, settings, django_assert_num_queries, moderator
):
    from gezinsmuur.moderation.actions import approve
    from gezinsmuur.submissions.actions import erase

    settings.PUBLIC_CACHE_SECONDS = 30
    first, second = factories.submission(), factories.submission()
    assert client.get("/nl/wall/").context["voices"] == 2
    with django_assert_num_queries(1):  # another page, a miss: its keys; the counter is reused
        assert client.get("/nl/wall/", {"after": "x"}).context["voices"] == 2
    approve(factories.submission(status=Status.PENDING_REVIEW), moderator=moderator)
    assert client.get("/nl/wall/", {"after": "y"}).context["voices"] == 2  # shows within 5 s
    # A withdrawal lowers it at once: the page cache's generation is part of its key.
    erase(first, reason="withdrawn")
    erase(second, reason="withdrawn")
    assert client.get("/nl/wall/", {"after": "z"}).context["voices"] == 1


def test_a_tile_withdrawn_between_the_two_reads_is_left_out(client, monkeypatch):
    from gezinsmuur.submissions.actions import erase

    kept = factories.submission(message="kept voice")
    gone = factories.submission(message="gone voice")
    original = queries.rows

    def withdrawn_meanwhile(public_ids):
        erase(gone, reason="withdrawn")
        return original(public_ids)

    monkeypatch.setattr(queries, "rows", withdrawn_meanwhile)
    html = client.get("/nl/wall/").content.decode()
    assert "kept voice" in html and "gone voice" not in html
    from django.core.cache import cache

    from gezinsmuur.lib import pagecache

    assert cache.get(pagecache.tile_key(gone.public_id, gone.approved_at, "nl")) is None
    assert cache.get(pagecache.tile_key(kept.public_id, kept.approved_at, "nl"))


def test_the_wall_reads_its_page_from_the_index():
    """SQLite must not sort every approved row for each page (queries.public())."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the plan below is SQLite's")
    queryset = queries.public().values_list("public_id", "approved_at")[:25]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "wall_order" in plan and "TEMP B-TREE" not in plan


def test_a_tile_page_costs_one_query(client, django_assert_num_queries):
    tile = factories.submission()
    with django_assert_num_queries(1):
        client.get(f"/nl/wall/{tile.public_id}/")


def test_the_media_route_serves_renditions_inertly_and_never_originals(client, tmp_path):
    tile = factories.submission()
    response = client.get(f"/media/{tile.renditions[0]['name']}")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/media/../private/x.jpeg").status_code == 404
    assert client.get("/media/other/x.jpeg").status_code == 404
    assert client.get("/media/original_images/x.jpeg").status_code == 404  # CMS uploads, unstripped


def test_the_page_cache_answers_a_spike_without_the_database(
    client, settings, django_assert_num_queries
):
    settings.PUBLIC_CACHE_SECONDS = 30
    factories.submission(message="cached voice")
    client.get("/nl/wall/")
    with django_assert_num_queries(0):
        response = client.get("/nl/wall/")
    assert response["X-Cache"] == "hit" and "cached voice" in response.content.decode()


def test_a_stale_page_is_rendered_again_by_one_request(client, settings, monkeypatch):
    import time as real_time

    settings.PUBLIC_CACHE_SECONDS = 30
    factories.submission(message="first voice")
    client.get("/nl/wall/")
    factories.submission(message="second voice")
    later = real_time.time() + 31
    monkeypatch.setattr("gezinsmuur.wall.middleware.time.time", lambda: later)
    html = client.get("/nl/wall/").content.decode()
    assert "second voice" in html  # the new approval shows once the entry is stale


def test_a_tiles_html_is_rendered_once_and_forgotten_when_it_is_erased(client, settings):
    from django.core.cache import cache

    from gezinsmuur.lib import pagecache
    from gezinsmuur.submissions.actions import erase

    tile = factories.submission(message="cached tile voice")
    client.get("/nl/wall/")
    key = pagecache.tile_key(tile.public_id, tile.approved_at, "nl")
    assert "cached tile voice" in cache.get(key)
    erase(tile, reason="withdrawn")
    assert cache.get(key) is None  # no message text stays behind in a cache


def test_the_language_links_keep_the_page_and_its_query():
    from gezinsmuur.lib.languages import path_in

    assert path_in("/nl/wall/?after=x", "ar") == "/ar/wall/?after=x"
    assert path_in("/fr/", "de") == "/de/"
    assert path_in("/cms/pages/", "fr") == "/cms/pages/"


# The page cache answers before django-csp and gezinsmuur.headers (settings.MIDDLEWARE): the
# security headers of a hit are the ones stored with the page, plus SecurityMiddleware's own.
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Resource-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Strict-Transport-Security",
)


@pytest.mark.parametrize("path", ["/nl/wall/", "/ar/wall/?after=x", "tile"])
def test_a_cache_hit_carries_the_same_security_headers_as_a_miss(client, settings, path):
    settings.PUBLIC_CACHE_SECONDS = 30
    settings.SECURE_HSTS_SECONDS = 3600  # HTTPS only: both requests below are secure
    tile = factories.submission()
    path = f"/nl/wall/{tile.public_id}/" if path == "tile" else path
    miss = client.get(path, secure=True)
    hit = client.get(path, secure=True)
    assert "X-Cache" not in miss and hit["X-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert miss.has_header(header), header
        assert hit.get(header) == miss[header], header
    # and nothing else differs but the cache's own mark and each response's own reference
    own = {"X-Cache", "X-Request-ID"}
    assert {k: v for k, v in hit.items() if k not in own} == {
        k: v for k, v in miss.items() if k not in own
    }
    assert hit["X-Request-ID"] != miss["X-Request-ID"]


def test_a_cache_hit_skips_the_header_middleware(client, settings, monkeypatch):
    from csp.middleware import CSPMiddleware

    settings.PUBLIC_CACHE_SECONDS = 30
    calls = []
    original = CSPMiddleware.process_response

    def counted(self, request, response):
        calls.append(request.path)
        return original(self, request, response)

    monkeypatch.setattr(CSPMiddleware, "process_response", counted)
    client.get("/nl/wall/")
    hit = client.get("/nl/wall/")
    assert hit["X-Cache"] == "hit" and "default-src 'none'" in hit["Content-Security-Policy"]
    assert calls == ["/nl/wall/"]  # the miss built the policy; the hit reused the stored one


def nonce_page(request):
    from django.http import HttpResponse

    from gezinsmuur.wall.middleware import mark_public

    response = HttpResponse(f'<script nonce="{request.csp_nonce}" src="/x.js"></script>')
    mark_public(response)
    return response


def test_a_page_with_a_csp_nonce_is_never_stored(client, settings):
    """If the policy ever uses nonces, a cached page would hand every visitor the same one."""
    from csp.constants import NONCE
    from django.urls import path

    settings.PUBLIC_CACHE_SECONDS = 30
    policy = settings.CONTENT_SECURITY_POLICY
    directives = {
        **policy["DIRECTIVES"],
        "script-src": [*policy["DIRECTIVES"]["script-src"], NONCE],
    }
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}
    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("nonce/", nonce_page)]})
    first, second = client.get("/nonce/"), client.get("/nonce/")
    assert "'nonce-" in first["Content-Security-Policy"]
    assert "X-Cache" not in second
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert first.content != second.content


def test_static_files_do_not_touch_the_page_cache(client, settings, monkeypatch):
    from django.core.cache import cache

    settings.PUBLIC_CACHE_SECONDS = 30
    looked_up = []
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: looked_up.append(key))
    client.get("/static/gezinsmuur/site.css")
    client.get("/media/tiles/none.jpeg")
    assert not [key for key in looked_up if key.startswith("page:")]


def test_a_lost_generation_never_brings_back_a_withdrawn_tile(client, settings):
    from django.core.cache import cache

    from gezinsmuur.lib import pagecache
    from gezinsmuur.submissions.actions import erase

    settings.PUBLIC_CACHE_SECONDS = 30
    tile = factories.submission(message="soon withdrawn")
    assert "soon withdrawn" in client.get("/nl/wall/").content.decode()  # cached
    erase(tile, reason="withdrawn")  # a new generation: the cached page is retired
    cache.delete(pagecache.KEY)  # and then the cache loses the key (culled, evicted)
    response = client.get("/nl/wall/")
    assert "X-Cache" not in response and "soon withdrawn" not in response.content.decode()


def test_the_prepared_first_page_and_counter_read_what_the_orm_reads():
    from gezinsmuur.submissions.models import Submission

    for _ in range(5):
        factories.submission()
    factories.submission(status=Status.PENDING_REVIEW)
    private = factories.submission()
    Submission.objects.filter(pk=private.pk).update(consent_publish=False)  # counted, not shown
    page, cursor = queries.tiles(None, 3)
    orm = list(queries.public().values_list("public_id", "approved_at")[:4])
    assert [(t.public_id, t.approved_at) for t in page] == orm[:3]
    assert all(t.approved_at.tzinfo is not None for t in page)
    assert cursor == queries.make_cursor(queries.TileRef(*orm[2]))
    assert queries.voices() == Submission.objects.counted().count() == 6
