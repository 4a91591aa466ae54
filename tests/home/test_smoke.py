from home.permissions import centres_for_user, user_is_centre_staff


def test_home_and_centre_pages_render(client, centre_a, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert "Centre social Belencontre" in response.text
    response = client.get("/belencontre/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.text


def test_centre_staff_is_known_through_page_permissions(centre_a, centre_b, staff_a, resident):
    assert list(centres_for_user(staff_a)) == [centre_a]
    assert user_is_centre_staff(staff_a, centre_a)
    assert not user_is_centre_staff(staff_a, centre_b)
    assert not centres_for_user(resident).exists()
