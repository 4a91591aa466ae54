"""A small registry through which each app exports and erases a person's data.

`accounts` imports no feature app: each app registers its own functions in its
`AppConfig.ready()`, and the account views call every registered function.

    from accounts.personal_data import register
    register("cv_builder", export=export_cvs, erase=erase_cvs)

`export(user)` returns JSON-serialisable data; `erase(user)` deletes or anonymises
what the app holds, before the user row itself is deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonalDataHandler:
    name: str
    export: Callable[[Any], Any] | None = None
    erase: Callable[[Any], None] | None = None


_handlers: dict[str, PersonalDataHandler] = {}


def register(name, *, export=None, erase=None):
    _handlers[name] = PersonalDataHandler(name=name, export=export, erase=erase)


def handlers():
    return list(_handlers.values())


def export_all(user):
    return {handler.name: handler.export(user) for handler in handlers() if handler.export}


def erase_all(user):
    for handler in handlers():
        if handler.erase:
            handler.erase(user)
