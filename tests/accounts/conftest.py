import pytest

from accounts import personal_data


@pytest.fixture
def data_handler():
    """Registers a personal-data handler like another app would, and records what it was asked."""
    calls = {"export": [], "erase": []}

    def export(user):
        calls["export"].append(user.pk)
        return {"notes": [f"note de {user.username}"]}

    def erase(user):
        calls["erase"].append(user.pk)

    personal_data.register("test_app", export=export, erase=erase)
    yield calls
    personal_data._handlers.pop("test_app", None)
