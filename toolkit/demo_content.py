"""The toolkit's demo content as data: themes, audiences, prototypes, method cards, Kezako explainers,
a guide, example centres and adoptions (invented, marked as examples). Loaded by toolkit/demo.py.
"""

DEMO_CONTACT = "Équipe projet Centres sociaux connectés (contact de démonstration)"
DEMO_EMAIL = "equipe-projet@example.org"

THEMES = [
    (
        "pouvoir-d-agir",
        "Pouvoir d'agir et démocratie participative",
        "Donner la parole aux habitants et décider ensemble.",
    ),
    ("emploi-insertion", "Emploi et insertion", "Chercher un emploi, se former, valoriser ses compétences."),
    ("accueil-e-administration", "Accueil et e-administration", "Accompagner les démarches en ligne et l'accueil."),
    ("outils-d-animation", "Outils d'animation des centres", "Des outils pour l'activité de chaque centre."),
    ("education-parentalite", "Éducation et parentalité", "Accompagner les jeunes, les parents et les familles."),
]
AUDIENCES = [
    ("habitants", "Habitants"),
    ("jeunes", "Jeunes"),
    ("parents", "Parents"),
    ("demandeurs-emploi", "Demandeurs d'emploi"),
    ("equipes", "Équipes des centres"),
]


def steps(*items):
    return [{"type": "step", "value": {"title": title, "text": f"<p>{text}</p>"}} for title, text in items]


PROTOTYPES = [
    {
        "slug": "plateforme-cv-en-ligne",
        "title": "Plateforme d'édition numérique de CV",
        "summary": "Un outil en ligne simple pour créer son CV pas à pas, l'imprimer et l'envoyer, "
        "avec l'aide d'un animateur du centre.",
        "themes": ["emploi-insertion"],
        "audiences": ["demandeurs-emploi", "habitants"],
        "origin": "belencontre",
        "workshop": "Atelier collaboratif « Trouver du travail »",
        "status": "running",
        "need": "<p>Beaucoup d'habitants cherchent un emploi sans CV à jour, sans ordinateur ni traitement de texte. "
        "Refaire un CV à chaque candidature décourage.</p>",
        "partners": "Pôle emploi, Mission locale, PLIE de la métropole",
        "people": "Un animateur numérique pour les premières séances ; des bénévoles pour l'accompagnement.",
        "equipment": "Quatre à six ordinateurs ou tablettes, une imprimante, une connexion internet.",
        "money": "Aucun coût de licence : l'outil est libre. Prévoir l'impression.",
        "time": "Une demi-journée par semaine d'accompagnement, pendant deux mois pour démarrer.",
        "steps": steps(
            ("Présenter l'outil à l'équipe", "Une séance d'une heure pour que l'équipe crée son propre CV."),
            ("Annoncer un atelier CV", "Affiche à l'accueil et message aux partenaires emploi."),
            ("Créer les comptes avec les personnes", "Un compte par personne, l'adresse e-mail n'est pas obligatoire."),
            ("Remplir le CV par petites étapes", "Une rubrique à la fois : identité, expériences, formations."),
            ("Imprimer et partager", "Télécharger le PDF, l'imprimer ou le partager avec le conseiller."),
        ),
        "results": "<p>Dans les centres pilotes, plus de cent CV créés la première année "
        "(chiffre de démonstration).</p>",
        "limits": "<p>Demande un accompagnement humain au début ; ne remplace pas le conseiller emploi.</p>",
    },
    {
        "slug": "kezako-numerique",
        "title": "Le Kezako numérique",
        "summary": "De courtes fiches et vidéos faites par des jeunes pour expliquer un geste numérique "
        "aux personnes qui en sont éloignées.",
        "themes": ["accueil-e-administration", "education-parentalite"],
        "audiences": ["jeunes", "habitants"],
        "origin": "echo",
        "workshop": "Atelier collaboratif « Les jeunes et le numérique »",
        "status": "testing",
        "need": "<p>Les personnes éloignées du numérique n'osent pas demander. Les jeunes du quartier, eux, "
        "savent faire et veulent être utiles.</p>",
        "partners": "Collèges du quartier, service jeunesse de la ville",
        "people": "Un animateur jeunesse et un groupe de 5 à 8 jeunes.",
        "equipment": "Un smartphone pour filmer, un ordinateur pour le montage.",
        "money": "Petit budget pour un micro-cravate (environ 30 €).",
        "time": "Six séances de deux heures pour une première série de fiches.",
        "steps": steps(
            ("Lister les questions des habitants", "Recueillir à l'accueil les questions qui reviennent souvent."),
            ("Choisir un sujet par jeune", "Chaque jeune choisit une question qu'il sait expliquer."),
            ("Écrire l'explication en mots simples", "Phrases courtes, une action par étape, des images."),
            ("Tester avec un habitant", "Faire lire la fiche à quelqu'un qui ne sait pas faire, et corriger."),
            ("Publier dans la boîte à outils", "L'équipe relit et met en ligne, en citant les jeunes."),
        ),
        "results": "<p>Une dizaine de fiches réalisées, utilisées à l'accueil du centre (exemple).</p>",
        "limits": "<p>Les fiches vieillissent quand les sites changent : prévoir une relecture chaque année.</p>",
    },
    {
        "slug": "promeneur-du-net",
        "title": "L'application « Promeneur du Net »",
        "summary": "Avec la CAF, des animateurs assurent une présence éducative sur les réseaux sociaux, "
        "là où sont les jeunes.",
        "themes": ["education-parentalite"],
        "audiences": ["jeunes", "parents"],
        "origin": "arbrisseau",
        "workshop": "Atelier collaboratif « Parents et écrans »",
        "status": "running",
        "need": "<p>Les jeunes passent beaucoup de temps sur les réseaux sociaux, sans adulte de confiance "
        "à qui parler de ce qu'ils y vivent.</p>",
        "partners": "CAF du Nord (dispositif Promeneurs du Net)",
        "people": "Un animateur jeunesse formé au dispositif, quelques heures par semaine.",
        "equipment": "Un téléphone professionnel et des comptes professionnels sur les réseaux.",
        "money": "Financement possible par la CAF dans le cadre du dispositif.",
        "time": "Trois à cinq heures de présence en ligne par semaine.",
        "steps": steps(
            ("Prendre contact avec la CAF", "Présenter le projet et rejoindre le réseau départemental."),
            ("Former l'animateur", "Formation au dispositif et à la charte de présence en ligne."),
            ("Créer les comptes professionnels", "Des comptes clairement identifiés au nom du centre."),
            ("Annoncer les horaires de présence", "Aux jeunes, aux parents et aux partenaires."),
            ("Faire le point chaque mois", "Ce qui a été vécu, les situations à relayer."),
        ),
        "results": "<p>Des échanges réguliers avec les jeunes du quartier (exemple).</p>",
        "limits": "<p>Demande du temps d'animateur dans la durée ; les réseaux utilisés changent vite.</p>",
    },
    {
        "slug": "reseau-orientation-jeunes",
        "title": "Réseau multi-acteurs pour l'orientation des jeunes",
        "summary": "Relier le centre social, les collèges, la Mission locale et les entreprises du quartier "
        "pour aider les jeunes à choisir leur orientation.",
        "themes": ["education-parentalite", "emploi-insertion", "pouvoir-d-agir"],
        "audiences": ["jeunes", "parents"],
        "origin": "lazare-garreau",
        "workshop": "Atelier collaboratif « Après le collège »",
        "status": "prototype",
        "need": "<p>Les jeunes et leurs parents connaissent mal les métiers et les formations ; "
        "les acteurs de l'orientation se connaissent peu entre eux.</p>",
        "partners": "Collèges, Mission locale, CIO, entreprises et associations du quartier",
        "people": "Un coordinateur au centre social, un référent par partenaire.",
        "equipment": "Un espace partagé en ligne pour l'annuaire et l'agenda des rencontres.",
        "money": "Frais de rencontres (salle, collation) : environ 500 € par an.",
        "time": "Une rencontre par trimestre et une permanence mensuelle.",
        "steps": steps(
            ("Cartographier les acteurs", "Qui fait quoi pour l'orientation dans le quartier."),
            ("Réunir une première fois", "Une rencontre pour se connaître et partager les besoins des jeunes."),
            ("Ouvrir l'annuaire partagé", "Chaque acteur met à jour sa fiche et ses dates."),
            ("Organiser les rencontres métiers", "Des professionnels viennent parler de leur métier au centre."),
        ),
        "results": "<p>Premières rencontres métiers organisées (exemple).</p>",
        "limits": "<p>Le réseau tient grâce à son coordinateur : prévoir son temps.</p>",
    },
]

METHOD_CARDS = [
    {
        "slug": "photolangage",
        "title": "Le photolangage pour lancer un atelier",
        "summary": "Des photos posées sur une table : chacun en choisit une pour dire ce qu'il vit. "
        "Idéal pour faire parler tout le monde dès le début.",
        "themes": ["pouvoir-d-agir", "outils-d-animation"],
        "audiences": ["equipes", "habitants"],
        "goal": "<p>Faire s'exprimer chaque participant, même ceux qui parlent peu, sur un sujet du quartier.</p>",
        "stage": "discover",
        "duration": "45 minutes",
        "group_size": "6 à 15 personnes",
        "level": "beginner",
        "materials": "40 photos variées imprimées, une grande table, des post-it, des feutres.",
        "steps": steps(
            ("Étaler les photos", "Posez les photos face visible sur une table."),
            ("Poser la question", "Par exemple : « Qu'est-ce qui est difficile avec internet pour vous ? »"),
            ("Choisir en silence", "Chacun choisit une photo sans rien dire, pendant cinq minutes."),
            ("Tour de parole", "Chacun explique son choix ; l'animateur note les idées sur des post-it."),
            ("Regrouper les idées", "Ensemble, on range les post-it par thème."),
        ),
        "tips": "<p>Acceptez qu'une personne passe son tour. Prenez des photos sans texte.</p>",
    },
    {
        "slug": "arbre-a-problemes",
        "title": "L'arbre à problèmes",
        "summary": "Dessiner un arbre : le problème au tronc, ses causes aux racines, ses conséquences "
        "aux branches. Pour bien comprendre un besoin avant de chercher des solutions.",
        "themes": ["pouvoir-d-agir"],
        "audiences": ["equipes", "habitants"],
        "goal": "<p>Comprendre les causes d'un problème choisi par le groupe "
        "et se mettre d'accord sur l'essentiel.</p>",
        "stage": "define",
        "duration": "1 h 30",
        "group_size": "5 à 12 personnes",
        "level": "intermediate",
        "materials": "Une grande feuille, des feutres de trois couleurs, des post-it.",
        "steps": steps(
            ("Écrire le problème sur le tronc", "Une phrase courte, choisie ensemble."),
            ("Chercher les causes", "Chacun écrit des causes sur des post-it, collés aux racines."),
            ("Chercher les conséquences", "Même chose pour les branches."),
            ("Choisir les causes à traiter", "Chacun vote avec trois gommettes."),
        ),
        "tips": "<p>Demandez « pourquoi ? » plusieurs fois pour descendre vers les vraies causes.</p>",
    },
    {
        "slug": "prototype-papier",
        "title": "Le prototype papier",
        "summary": "Dessiner une application ou un service sur papier et le faire tester aux habitants "
        "avant de dépenser le moindre euro.",
        "themes": ["outils-d-animation", "pouvoir-d-agir"],
        "audiences": ["equipes", "jeunes"],
        "goal": "<p>Rendre une idée concrète et la tester avec de vrais utilisateurs, très vite.</p>",
        "stage": "develop",
        "duration": "2 heures",
        "group_size": "4 à 10 personnes, par équipes de 2 ou 3",
        "level": "experienced",
        "materials": "Feuilles A4, ciseaux, feutres, gabarits d'écran de téléphone imprimés.",
        "steps": steps(
            ("Rappeler le besoin", "Relire le besoin choisi lors des ateliers précédents."),
            ("Dessiner les écrans", "Chaque équipe dessine les écrans principaux sur papier."),
            ("Faire tester", "Un habitant « clique » avec son doigt, l'équipe change les feuilles."),
            ("Noter ce qui bloque", "Chaque difficulté est notée, sans se justifier."),
            ("Améliorer et retester", "On corrige le dessin et on recommence avec une autre personne."),
        ),
        "tips": "<p>Plus c'est moche, mieux c'est : les testeurs osent critiquer un dessin rapide.</p>",
    },
]

KEZAKOS = [
    {
        "slug": "creer-une-adresse-e-mail",
        "title": "Créer une adresse e-mail",
        "summary": "Pour recevoir des messages et faire ses démarches, il faut une adresse e-mail. "
        "Voici comment en créer une gratuitement, pas à pas.",
        "themes": ["accueil-e-administration"],
        "audiences": ["habitants"],
        "intro": "Une adresse e-mail, c'est comme une boîte aux lettres sur internet. C'est gratuit.",
        "steps": steps(
            ("Choisir un service gratuit", "Par exemple un service de messagerie connu. Demandez conseil à l'accueil."),
            ("Cliquer sur « Créer un compte »", "Le bouton est souvent en haut à droite."),
            ("Choisir son adresse", "Par exemple prenom.nom suivi du nom du service. Notez-la sur papier."),
            ("Choisir un mot de passe", "Au moins 12 caractères. Notez-le dans un endroit sûr, pas sur le téléphone."),
            ("Envoyer un premier message", "Envoyez un message à l'animateur pour vérifier que tout marche."),
        ),
        "credits": "Les jeunes du groupe numérique du centre social l'Écho (fiche de démonstration)",
    },
    {
        "slug": "acceder-a-un-service-public-en-ligne",
        "title": "Accéder à un service public en ligne",
        "summary": "CAF, impôts, assurance maladie : se connecter avec FranceConnect, "
        "en utilisant un compte que l'on a déjà.",
        "themes": ["accueil-e-administration"],
        "audiences": ["habitants", "parents"],
        "intro": "FranceConnect permet d'entrer sur beaucoup de sites publics avec un seul compte.",
        "steps": steps(
            ("Ouvrir le site du service", "Par exemple le site de la CAF. Vérifiez l'adresse du site."),
            ("Cliquer sur « S'identifier avec FranceConnect »", "C'est un bouton bleu."),
            ("Choisir un compte que vous avez déjà", "Par exemple votre compte des impôts ou de l'assurance maladie."),
            ("Entrer vos identifiants", "Ceux du compte choisi. Vous êtes ensuite connecté au service."),
        ),
        "credits": "Les jeunes de l'accompagnement scolaire de la MJC du Virolois (fiche de démonstration)",
    },
]

GUIDE = {
    "slug": "guide-atelier-collaboratif",
    "title": "Guide de l'atelier collaboratif",
    "summary": "La démarche des Centres sociaux connectés en quatre temps : découvrir, définir, développer, réaliser.",
    "themes": ["pouvoir-d-agir", "outils-d-animation"],
    "audiences": ["equipes"],
    "body": [
        {"type": "heading", "value": {"text": "Pourquoi des ateliers collaboratifs ?", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Les ateliers réunissent toutes les composantes du centre social, et d'abord les habitants, "
            "pour partir de leurs besoins et imaginer ensemble des prototypes.</p>",
        },
        {"type": "heading", "value": {"text": "Les quatre temps", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<ol><li>Découvrir les besoins</li><li>Définir le problème à traiter</li>"
            "<li>Développer des idées et des prototypes</li><li>Réaliser et tester</li></ol>",
        },
    ],
}

EXAMPLE_CENTRES = [
    # name, town, contact, in network (centre slug)
    ("Centre social du Pont (exemple)", "Wattrelos", "Nadia Exemple", None),
    ("Maison de quartier des Tilleuls (exemple)", "Lys-lez-Lannoy", "Marc Fictif", None),
    ("Espace de vie sociale des Hauts-Champs (exemple)", "Hem", "Awa Démo", None),
    ("Centre social l'Écho", "Roubaix", "", "echo"),
]
EXAMPLE_ADOPTIONS = [
    # centre index, resource slug, stage, reason, published
    (0, "plateforme-cv-en-ligne", "adopted", "", True),
    (0, "photolangage", "workshop", "", False),
    (1, "plateforme-cv-en-ligne", "testing", "", True),
    (1, "kezako-numerique", "discovered", "", False),
    (2, "promeneur-du-net", "abandoned", "Pas d'animateur jeunesse disponible cette année.", False),
    (2, "arbre-a-problemes", "adopted", "", True),
    (3, "reseau-orientation-jeunes", "testing", "", True),
]
