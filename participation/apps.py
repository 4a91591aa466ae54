from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from wagtail.signals import page_published, post_page_move

        from accounts.personal_data import register
        from home.sections import register_home_section
        from participation import access, personal_data, signals  # noqa: F401 (access connects its signals)

        register("participation", export=personal_data.export, erase=personal_data.erase)

        from home.indicators import register_indicators
        from participation import indicators

        register_indicators(
            "participation", section=_("Participation"), order=10, compute=indicators.compute,
            indicators=indicators.INDICATORS,
        )  # fmt: skip
        register_home_section(
            key="open_workshops",
            order=10,
            template="participation/includes/home_open_workshops.html",
            get_context=signals.home_section_context,
        )
        post_page_move.connect(signals.workshop_moved)
        page_published.connect(signals.workshop_published)
        user_logged_in.connect(signals.codes_join_account, dispatch_uid="participation-codes-join-account")
