"""The staff roles: moderators review photos; editors edit campaign content; admins do both."""

from django.db import migrations


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    submission_type, _ = ContentType.objects.get_or_create(app_label="submissions", model="submission")
    moderate, _ = Permission.objects.get_or_create(
        codename="moderate_submission",
        content_type=submission_type,
        defaults={"name": "Can review and moderate submissions"},
    )
    wagtail_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        codename="access_admin", content_type=wagtail_type, defaults={"name": "Can access Wagtail admin"}
    )
    for name, perms in {
        "moderator": [moderate],
        "editor": [access_admin],
        "admin": [moderate, access_admin],
    }.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("submissions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
