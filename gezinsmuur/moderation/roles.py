"""The staff roles: moderators review photos; editors edit campaign content; admins do both."""

from typing import Any

ROLE_PERMISSIONS = {
    "moderator": [("submissions", "submission", "moderate_submission")],
    "editor": [("wagtailadmin", "admin", "access_admin")],
    "admin": [
        ("submissions", "submission", "moderate_submission"),
        ("wagtailadmin", "admin", "access_admin"),
    ],
}


def ensure_roles(group_model: Any, permission_model: Any, content_type_model: Any) -> None:
    """Create the groups and give them their permissions; safe to run again.

    Takes the models as arguments so the data migration can pass its historical ones.
    """
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, model, codename in perms:
            content_type, _ = content_type_model.objects.get_or_create(
                app_label=app_label, model=model
            )
            permission, _ = permission_model.objects.get_or_create(
                codename=codename,
                content_type=content_type,
                defaults={"name": codename.replace("_", " ")},
            )
            group.permissions.add(permission)
