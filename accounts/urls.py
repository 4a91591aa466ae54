from django.urls import path

from accounts import consent_views, desk, help_views, notification_views, verification, views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("mes-donnees/telecharger/", views.export_data, name="export"),
    path("supprimer/", views.delete_account, name="delete"),
    # Shadows allauth's multi-address page (same path, resolved first): one optional email per account.
    path("email/", views.email_management, name="email"),
    path("messages/", notification_views.inbox, name="messages"),
    path("messages/mes-choix/", notification_views.choices, name="message_choices"),
    path("messages/desabonner/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
    path("aide/", help_views.my_help, name="help"),
    path("aide/consentement/<int:pk>/retirer/", help_views.my_consent_withdraw, name="help_withdraw"),
    path("aide/consentement/<int:pk>/confirmer/", help_views.my_consent_confirm, name="help_confirm"),
    path("accueil/consentement/nouveau/", consent_views.consent_new, name="consent_new"),
    path("accueil/consentement/<int:pk>/recu/", consent_views.consent_receipt, name="consent_receipt"),
    path("accueil/consentement/<int:pk>/confirmer/", consent_views.consent_confirm, name="consent_confirm"),
    path("accueil/consentement/<int:pk>/retirer/", consent_views.consent_withdraw, name="consent_withdraw"),
    path("accueil/consentements/tout-retirer/", consent_views.consent_withdraw_all, name="consent_withdraw_all"),
    path("accueil/journal/", consent_views.centre_journal, name="desk_journal"),
    path("accueil/", desk.desk_home, name="desk"),
    path("accueil/nouveau/", desk.create_account, name="desk_create"),
    path("accueil/compte/<int:pk>/nouveau-mot-de-passe/", desk.reset_password, name="desk_reset"),
    path("accueil/compte/<int:pk>/verifier/", verification.verify, name="desk_verify"),
    path("accueil/compte/<int:pk>/retirer-verification/", verification.withdraw, name="desk_withdraw_verification"),
    path("accueil/carte/<int:pk>/", desk.card, name="desk_card"),
    path("accueil/carte/<int:pk>/terminer/", desk.card_done, name="desk_card_done"),
]
