"""The French the letter itself is written in.

A cover letter goes to a French employer: its sentences (subject line, opening, closing formulas) are
document content in French, whatever the interface language, like the CV's own headings on paper.
The interface around them (labels, help) goes through gettext as everywhere else.
"""

SALUTATION = "Madame, Monsieur,"

CLOSINGS = {
    "distinguees": "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    "sinceres": "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
    "attente": "Dans l'attente de votre réponse, je vous adresse, Madame, Monsieur, mes respectueuses salutations.",
    "entretien": (
        "Je serais heureuse ou heureux de vous rencontrer lors d'un entretien. Veuillez agréer, Madame, "
        "Monsieur, mes salutations distinguées."
    ),
}
DEFAULT_CLOSING = "distinguees"

AVAILABILITY = {
    "now": "Je suis disponible immédiatement.",
    "date": "Je suis disponible à partir du {date}.",
    "notice": "Je suis disponible à l'issue de mon préavis.",
}

CONTRACTS = {
    "cdi": "un CDI",
    "cdd": "un CDD",
    "interim": "une mission d'intérim",
    "partiel": "un temps partiel",
    "alternance": "un contrat en alternance",
}

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_date(day):
    """'1er mars 2027', '2 décembre 2026'."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def joined(items, last="et"):
    """'a', 'a et b', 'a, b et c'."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


VOWELS = "aàâeéèêëiîïoôuùûyhAÀÂEÉÈÊËIÎÏOÔUÙÛYH"


def common(words):
    """A job or a phrase inside a sentence: 'Agente d'entretien' → 'agente d'entretien'; 'CACES' stays."""
    if len(words) > 1 and words[0].isupper() and words[1].islower():
        return words[0].lower() + words[1:]
    return words


def of(words):
    """'de' before a noun, elided before a vowel or a silent h: 'de vendeuse', 'd'agente'."""
    words = common(words)
    return f"d'{words}" if words[:1] in VOWELS else f"de {words}"


def subject(kind, job_title, reference):
    if kind == "spontaneous":
        return f"Objet : candidature spontanée{f' pour un poste {of(job_title)}' if job_title else ''}"
    line = f"Objet : candidature au poste {of(job_title)}" if job_title else "Objet : candidature"
    return f"{line} (référence {reference})" if reference else line


def opening(kind, job_title, company, seen_where, reference):
    at = f" au sein de {company}" if company else ""
    if kind == "spontaneous":
        job = f"un poste {of(job_title)}" if job_title else "un poste"
        return f"Je me permets de vous proposer ma candidature pour {job}{at}."
    offer = f"Votre offre d'emploi pour un poste {of(job_title)}" if job_title else "Votre offre d'emploi"
    seen = f", vue sur {seen_where}," if seen_where else ""
    return f"{offer}{seen} a retenu toute mon attention."


def wishes(availability, available_from, contracts):
    sentences = []
    if availability == "date" and available_from:
        sentences.append(AVAILABILITY["date"].format(date=available_from))
    elif availability in ("now", "notice"):
        sentences.append(AVAILABILITY[availability])
    wanted = [CONTRACTS[key] for key in contracts or () if key in CONTRACTS]
    if wanted:
        sentences.append(f"Je recherche {joined(wanted, 'ou')}.")
    return " ".join(sentences)
