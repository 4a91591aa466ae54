"""The letter as it is printed, from its steps and its CV: one structure for the screen, the PDF, .docx and .odt.

French letter layout: sender (top left), recipient (right), place and date, subject line, salutation,
body, closing formula, signature.
"""

from django.utils import timezone

from ..models.letter import SPONTANEOUS
from . import phrases


def _lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def compose(letter, cv_data, today=None):
    data = letter.data
    kind = SPONTANEOUS if data.get("kind") == SPONTANEOUS else "offer"
    basics = cv_data.get("basics") or {}
    location = basics.get("location") or {}
    town = " ".join(part for part in (location.get("postalCode", ""), location.get("city", "")) if part)
    sender = {
        "name": basics.get("name", ""),
        "lines": [line for line in (location.get("address", ""), town) if line],
        "phone": basics.get("phone", ""),
        "email": basics.get("email", ""),
    }
    recipient = {
        "person": data.get("recipient", ""),
        "company": data.get("company", ""),
        "lines": _lines(data.get("address")),
    }
    day = phrases.french_date(today or timezone.localdate())
    place = data.get("place") or location.get("city", "")
    seen_where = data.get("seen_where", "") if kind == "offer" else ""
    reference = data.get("reference", "") if kind == "offer" else ""
    job_title, company = data.get("job_title", ""), data.get("company", "")

    body = [("p", phrases.opening(kind, job_title, company, seen_where, reference))]
    body += [("p", paragraph) for paragraph in _lines(data.get("why"))]
    picked = list(data.get("work") or ())
    skills = list(data.get("skills") or ())
    if picked or skills:
        body.append(("p", "Voici ce que je peux vous apporter :"))
        items = [f"mon expérience {phrases.of(item)}" for item in picked]
        if skills:
            items.append(f"mes atouts : {', '.join(skills)}")
        body.append(("ul", items))
    body += [("p", paragraph) for paragraph in _lines(data.get("bring"))]
    wishes = phrases.wishes(data.get("availability", ""), data.get("available_from", ""), data.get("contracts"))
    if wishes:
        body.append(("p", wishes))
    body += [("p", paragraph) for paragraph in _lines(data.get("wishes"))]
    body.append(("p", phrases.CLOSINGS.get(data.get("closing"), phrases.CLOSINGS[phrases.DEFAULT_CLOSING])))
    return {
        "kind": kind,
        "sender": sender,
        "recipient": recipient,
        "place_date": f"{place}, le {day}" if place else f"Le {day}",
        "subject": phrases.subject(kind, job_title, reference),
        "salutation": phrases.SALUTATION,
        "body": body,
        "signature": sender["name"],
        "title": " – ".join(part for part in ("Lettre de motivation", sender["name"]) if part),
    }
