"""The private link by e-mail, only when the participant leaves an address.

The address is used once, in the request, and never stored: nothing to leak, nothing to purge.
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


def send_private_link(address: str, link: str, language: str, public_id: str) -> bool:
    with translation.override(language):
        subject = _("Your private link for De Gezinsmuur")
        body = render_to_string("submissions/private_link_email.txt", {"link": link})
    try:
        send_mail(subject, body, None, [address], fail_silently=False)
    except OSError:
        # The submission is safe either way; the thank-you page showed the link too.
        log.warning("mail.private_link_failed id=%s", public_id)
        return False
    log.info("mail.private_link_sent id=%s", public_id)
    return True
