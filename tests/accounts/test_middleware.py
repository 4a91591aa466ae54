from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from accounts.middleware import MustChangePasswordMiddleware
from tests.conftest import PASSWORD


def call(user, path="/belencontre/"):
    request = RequestFactory().get(path)
    request.user = user
    return MustChangePasswordMiddleware(lambda request: HttpResponse("page"))(request)


def test_anonymous_visitors_cost_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert call(AnonymousUser()).content == b"page"


def test_people_with_their_own_password_pass_through(resident, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert call(resident).status_code == 200


def test_a_temporary_password_leads_to_the_change_page_except_for_logout_and_static_files(resident):
    resident.must_change_password = True
    assert call(resident)["Location"] == "/compte/password/change/"
    assert call(resident, "/admin/")["Location"] == "/compte/password/change/"
    for path in ("/compte/password/change/", "/compte/logout/", "/static/css/site.css"):
        assert call(resident, path).status_code == 200


def test_wagtail_admin_login_goes_through_the_rate_limited_site_login(client, staff_a, centre_a):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=%2Fadmin%2Fpages%2F"
    # Posting passwords to Wagtail's own form logs nobody in.
    response = client.post("/admin/login/", {"username": "staff-a", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    # The site's log-in page brings staff back to the admin.
    response = client.post("/compte/login/?next=/admin/pages/", {"login": "staff-a", "password": PASSWORD})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_redirect_ignores_foreign_next_urls(client, db):
    response = client.get("/admin/login/", {"next": "https://exemple.invalid/"})
    assert response["Location"] == "/compte/login/?next=%2Fadmin%2F"
