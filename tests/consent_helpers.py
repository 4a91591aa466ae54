"""Give a consent the way the desk records it, for tests of the apps that check it."""

from accounts import consent


def give_consent(person, centre, *tasks, days=30, by=None, method=consent.Method.STAFF_ATTESTED):
    return consent.grant(
        person, centre, tasks or [consent.Task.PASSWORD_RESET], days=days, method=method, recorded_by=by
    )
