"""No approval workflow by default: centre staff publish their own pages (they have the right).

Wagtail creates a "Moderators approval" workflow on the root page; its "Submit to Moderators
approval" (English) sat next to "Publier". It is switched off and unlinked here; a centre that
wants a second pair of eyes can create a French-named workflow in Settings › Workflows.
"""

from django.db import migrations


def switch_off_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for workflow in Workflow.objects.filter(name="Moderators approval", active=True):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_event_image"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(switch_off_default_workflow, migrations.RunPython.noop)]
