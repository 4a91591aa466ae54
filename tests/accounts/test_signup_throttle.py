"""Sign-up throttling: a honeypot, a per-address limit a centre's shared address lives with, a per-period cap."""

from django.contrib.auth import get_user_model
from django.test import Client

User = get_user_model()


def sign_up(client, username, **extra):
    data = {"username": username, "password1": "un-mot-de-passe-42", "password2": "un-mot-de-passe-42", **extra}
    return client.post("/compte/signup/", data)


def test_the_honeypot_refuses_robots_in_french_and_is_hidden_from_people(client, db):
    page = client.get("/compte/signup/").text
    assert 'aria-hidden="true"' in page and 'name="website"' in page and 'tabindex="-1"' in page
    response = sign_up(client, "robot", website="http://spam.example")
    assert response.status_code == 200  # the form again, with the message
    assert "Votre compte n’a pas pu être créé" in response.text
    assert not User.objects.filter(username="robot").exists()
    assert sign_up(client, "samia59").status_code == 302


def test_a_whole_workshop_signs_up_from_one_address_but_a_loop_is_stopped(db):
    # 35 residents at the centre's one public address, in the same hour: all get an account.
    for i in range(35):
        assert sign_up(Client(REMOTE_ADDR="192.0.2.10"), f"habitant{i}").status_code == 302
    # A loop goes on: past 40 an hour from this address, refused with a clear message.
    statuses = [sign_up(Client(REMOTE_ADDR="192.0.2.10"), f"boucle{i}").status_code for i in range(10)]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    assert User.objects.filter(username__startswith="boucle").count() == 5
    # Another address is not affected.
    assert sign_up(Client(REMOTE_ADDR="198.51.100.7"), "voisine").status_code == 302


def test_rotating_forwarded_for_does_not_reset_the_limit_without_a_trusted_proxy(db):
    # With no proxy configured (TRUSTED_PROXY_COUNT=0), X-Forwarded-For is ignored: the address is the socket's.
    for i in range(40):
        client = Client(REMOTE_ADDR="192.0.2.20", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}")
        assert sign_up(client, f"tournant{i}").status_code == 302
    client = Client(REMOTE_ADDR="192.0.2.20", HTTP_X_FORWARDED_FOR="203.0.113.250")
    assert sign_up(client, "tournant-de-trop").status_code == 429


def test_the_period_cap_holds_across_hours(db, settings, time_machine):
    import datetime as dt

    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    created = 0
    for hour in range(5):
        time_machine.move_to(dt.datetime(2026, 3, 2, 9 + hour, 1, tzinfo=dt.UTC), tick=False)
        for i in range(40):
            if sign_up(Client(REMOTE_ADDR="192.0.2.30"), f"p{hour}-{i}").status_code == 302:
                created += 1
    # 40 an hour, but 150 at most over the period from one address.
    assert created == 150
