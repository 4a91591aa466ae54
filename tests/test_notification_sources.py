"""CV and toolkit events reach the right people: a CV shared with a centre, a share link expiring, a join request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.notification_models import Notification
from cv_builder.models import CV, CentreShare, ShareLink
from cv_builder.notify import links_expiring


def texts(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", "text"))


def test_a_cv_shared_with_a_centre_alerts_its_staff_only(resident, centre_a, staff_a, staff_b):
    cv = CV.objects.create(owner=resident, title="Mon CV")
    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=resident)
    assert texts(staff_a) == [
        ("staff_cv_shared", "Samia a partagé un CV avec Centre social Belencontre : vous pouvez l’aider.")
    ]
    assert texts(staff_b) == [] and texts(resident) == []


def test_a_share_link_about_to_expire_is_told_once_to_the_owner(resident, other_resident, home_page):
    now = timezone.now()
    cv = CV.objects.create(owner=resident, title="Mon CV")
    ShareLink.objects.create(cv=cv, label="Pôle emploi", expires_at=now + timedelta(days=2))
    ShareLink.objects.create(cv=cv, label="plus tard", expires_at=now + timedelta(days=20))
    ShareLink.objects.create(cv=cv, label="fini", expires_at=now - timedelta(days=1))
    assert links_expiring(now) == 1
    assert links_expiring(now) == 0
    [(kind, text)] = texts(resident)
    assert kind == "cv_link_expiring" and "« Mon CV » (Pôle emploi) ne marchera plus le" in text
    assert texts(other_resident) == []


def test_a_join_request_from_the_public_form_alerts_the_network_admins(client, superuser, staff_a):
    from toolkit.models import JoinRequest

    JoinRequest.objects.create(centre_name="CS du Nord", town="Lille", contact_name="Mme Martin")
    assert texts(superuser) == [
        ("staff_join_request", "Nouvelle demande d’adhésion de CS du Nord (Lille), contact : Mme Martin.")
    ]
    assert texts(staff_a) == []


@pytest.mark.parametrize("path", ["/compte/messages/", "/compte/messages/mes-choix/"])
def test_messages_pages_need_an_account(client, path, db):
    assert client.get(path).status_code == 302
