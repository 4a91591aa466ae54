from django import template

from accounts import verification

register = template.Library()


@register.simple_tag
def resident_verification(user):
    """{% resident_verification person as v %}: the active verification and the history, in two queries."""
    rows = verification.history(user)
    active = next((row for row in rows if row.is_active), None)
    return {"active": active, "history": rows}


@register.simple_tag
def can_withdraw_verification(staff, row):
    return row is not None and verification.can_withdraw(staff, row)
