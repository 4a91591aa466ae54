from io import StringIO

from django.contrib.auth import get_user_model

from accounts import demo

User = get_user_model()


def test_demo_residents_are_created_once(db):
    lines = demo.seed(StringIO())
    assert any("habitante-demo" in line for line in lines)
    desk_resident = User.objects.get(username="karim-demo")
    assert desk_resident.must_change_password
    assert desk_resident.check_password("pomme-soleil-47")
    desk_resident.set_password("choisi-par-karim-99")
    desk_resident.save()
    before = list(User.objects.order_by("pk").values_list("pk", "username", "password"))
    demo.seed(StringIO())
    assert list(User.objects.order_by("pk").values_list("pk", "username", "password")) == before
