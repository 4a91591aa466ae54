from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from accounts.middleware import MustChangePasswordMiddleware


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
