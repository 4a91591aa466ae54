from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_save
        from simple_history.signals import post_create_historical_record
        from wagtail.signals import page_published, post_page_move

        from accounts.personal_data import register
        from accounts.profile_sections import register_profile_section
        from home.sections import register_home_section
        from participation import access, notify, personal_data, signals  # noqa: F401 (access connects its signals)
        from participation.models import Milestone, ProposalReport

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
        register_profile_section(
            key="my_proposals",
            order=10,
            template="participation/includes/account_proposals.html",
            get_context=signals.account_section_context,
        )
        post_page_move.connect(signals.workshop_moved)
        page_published.connect(signals.workshop_published)
        notify.register_kinds()
        post_create_historical_record.connect(notify.proposal_history_created, dispatch_uid="participation-notify")
        post_save.connect(notify.report_saved, sender=ProposalReport, dispatch_uid="participation-notify-report")
        post_save.connect(notify.milestone_saved, sender=Milestone, dispatch_uid="participation-notify-milestone")
        user_logged_in.connect(signals.codes_join_account, dispatch_uid="participation-codes-join-account")
