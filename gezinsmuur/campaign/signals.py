"""Published campaign content shows at once: a change retires every cached public page."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from gezinsmuur.campaign.models import CampaignSettings, Partner
from gezinsmuur.lib import pagecache


def content_changed(**kwargs: Any) -> None:
    pagecache.invalidate()


def settings_changed(created: bool = False, **kwargs: Any) -> None:
    # The first page view creates the default settings: nothing visible changed then.
    if not created:
        pagecache.invalidate()


def connect() -> None:
    page_published.connect(content_changed, dispatch_uid="campaign-published")
    page_unpublished.connect(content_changed, dispatch_uid="campaign-unpublished")
    post_save.connect(content_changed, sender=Partner, dispatch_uid="campaign-partner-saved")
    post_delete.connect(content_changed, sender=Partner, dispatch_uid="campaign-partner-deleted")
    post_save.connect(settings_changed, sender=CampaignSettings, dispatch_uid="campaign-settings")
