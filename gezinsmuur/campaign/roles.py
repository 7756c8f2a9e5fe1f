"""What the editor and admin roles may do with the campaign content in Wagtail.

The groups themselves come from `moderation.roles.ensure_roles`; this adds the CMS rights: edit and
publish every page, manage images, partners and the campaign settings. Safe to run again.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

CONTENT_ROLES = ("editor", "admin")
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
MODEL_PERMISSIONS = (
    ("campaign", "add_partner"),
    ("campaign", "change_partner"),
    ("campaign", "delete_partner"),
    ("campaign", "change_campaignsettings"),
)


def grant_content_editing() -> None:
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    for group in Group.objects.filter(name__in=CONTENT_ROLES):
        for app_label, codename in MODEL_PERMISSIONS:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for codename in PAGE_PERMISSIONS if root else ():
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
        for codename in IMAGE_PERMISSIONS if collection else ():
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(codename=codename),
            )
