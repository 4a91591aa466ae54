"""The main menu now comes from the page tree (pages ticked "Afficher dans les menus") instead of a
hard-coded /boite-a-outils/ link: tick the toolkit index pages that exist so the link stays."""

from django.db import migrations


def show_in_menus(apps, schema_editor):
    apps.get_model("toolkit", "ToolkitIndexPage").objects.update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [("toolkit", "0003_wagtail_image_block")]

    operations = [migrations.RunPython(show_in_menus, migrations.RunPython.noop)]
