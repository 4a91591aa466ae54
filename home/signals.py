from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from home.centre_groups import ensure_all_centre_groups, ensure_centre_group
from home.models import CentrePage


@receiver(post_save, sender=CentrePage)
def give_new_centre_its_group(sender, instance, created, raw=False, **kwargs):
    # A centre created in the admin gets its staff group without a developer.
    if created and not raw:
        ensure_centre_group(instance)


def repair_centre_groups_after_migrate(sender, **kwargs):
    ensure_all_centre_groups()


def connect():
    from django.apps import apps

    # After the last app has migrated, so every permission row exists.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    post_migrate.connect(repair_centre_groups_after_migrate, sender=last_app)
