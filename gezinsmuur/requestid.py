"""A reference for every request (SAFETY-TESTS W14).

Each response carries `X-Request-ID`, every log line written while the request runs carries the
same value, and the error page shows it: a visitor or a moderator who meets an error can quote it,
and the organisers find the stack trace in the logs. The value is random and says nothing about
the visitor; it is never stored with a submission.
"""

import logging
import secrets
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

HEADER = "X-Request-ID"
NONE = "-"  # log lines written outside a request
current: ContextVar[str] = ContextVar("request_id", default=NONE)


class RequestIdMiddleware:
    """First in the chain, so cached pages and errors get their own reference too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = secrets.token_hex(8)
        token = current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record, for the log format."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current.get()
        return True


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Django's generic 500 page, with the reference to quote (and nothing else from the request)."""
    request_id = current.get()
    context = {"request_id": request_id if request_id != NONE else ""}
    html = loader.get_template("500.html").render(context)
    return HttpResponse(html, status=500)
