"""The campaign's opening text per language, used to seed an empty site (editors change it in the CMS).

The Dutch is the campaign's own text; the other languages are faithful translations.
"""

HOME = {
    "nl": {
        "title": "De Gezinsmuur",
        "hero_title": "Gezinnen horen samen — toch houdt beleid vandaag gezinnen uit elkaar",
        "hero_text": "Daarom bouwen we samen aan De Gezinsmuur. Deel jouw foto en boodschap. "
        "Jouw inzending helpt duizenden stemmen zichtbaar te maken.",
        "share_label": "Deel jouw foto",
        "wall_intro": "Met De Gezinsmuur laten we zien hoeveel mensen vinden dat gezinnen samen horen. "
        "Elke foto en boodschap is een stem tegen regels die gezinnen breken.",
        "notice": "Deelname aan De Gezinsmuur staat los van lopende dossiers. Foto’s en boodschappen "
        "worden enkel gebruikt voor de publieke campagne.",
    },
    "fr": {
        "title": "Le Mur des familles",
        "hero_title": "Les familles doivent être ensemble — pourtant, la politique actuelle les sépare",
        "hero_text": "C’est pourquoi nous construisons ensemble De Gezinsmuur, le mur des familles. "
        "Partagez votre photo et votre message. Votre participation aide à rendre visibles des "
        "milliers de voix.",
        "share_label": "Partagez votre photo",
        "wall_intro": "Avec De Gezinsmuur, nous montrons combien de personnes pensent que les familles "
        "doivent être ensemble. Chaque photo et chaque message est une voix contre des règles qui "
        "brisent les familles.",
        "notice": "La participation à De Gezinsmuur est indépendante de tout dossier en cours. Les "
        "photos et les messages sont utilisés uniquement pour la campagne publique.",
    },
    "en": {
        "title": "The Family Wall",
        "hero_title": "Families belong together — yet today’s policy keeps families apart",
        "hero_text": "That is why we are building De Gezinsmuur, the Family Wall, together. Share "
        "your photo and message. Your contribution helps make thousands of voices visible.",
        "share_label": "Share your photo",
        "wall_intro": "With De Gezinsmuur we show how many people believe families belong together. "
        "Every photo and message is a voice against rules that break families apart.",
        "notice": "Taking part in De Gezinsmuur is separate from any ongoing case. Photos and "
        "messages are used only for the public campaign.",
    },
    "de": {
        "title": "Die Familienmauer",
        "hero_title": "Familien gehören zusammen — doch die heutige Politik hält Familien getrennt",
        "hero_text": "Deshalb bauen wir gemeinsam an De Gezinsmuur, der Familienmauer. Teilen Sie "
        "Ihr Foto und Ihre Botschaft. Ihr Beitrag hilft, Tausende Stimmen sichtbar zu machen.",
        "share_label": "Teilen Sie Ihr Foto",
        "wall_intro": "Mit De Gezinsmuur zeigen wir, wie viele Menschen finden, dass Familien "
        "zusammengehören. Jedes Foto und jede Botschaft ist eine Stimme gegen Regeln, die Familien "
        "zerreißen.",
        "notice": "Die Teilnahme an De Gezinsmuur hat nichts mit laufenden Verfahren zu tun. Fotos "
        "und Botschaften werden nur für die öffentliche Kampagne verwendet.",
    },
    "ar": {
        "title": "جدار العائلات",
        "hero_title": "العائلات مكانها معًا — ومع ذلك تُبقي السياسة اليوم العائلات متفرقة",
        "hero_text": "لهذا نبني معًا «دي خيزينسمور»، جدار العائلات. شارك صورتك ورسالتك. "
        "مشاركتك تساعد على إظهار آلاف الأصوات.",
        "share_label": "شارك صورتك",
        "wall_intro": "بجدار العائلات نُظهر كم من الناس يرون أن العائلات مكانها معًا. كل صورة "
        "ورسالة صوتٌ ضد قواعد تُمزّق العائلات.",
        "notice": "المشاركة في جدار العائلات منفصلة تمامًا عن أي ملف جارٍ. تُستخدم الصور "
        "والرسائل للحملة العامة فقط.",
    },
}

DEMO_MESSAGES = [
    (
        "Samen aan tafel, eindelijk. Niemand zou zo lang moeten wachten.",
        "Helen & Adam",
        "Gent",
        "nl",
    ),
    ("Une famille, c’est ensemble. Pas dans huit ans.", "Famille M.", "Liège", "fr"),
    ("Mijn dochter groeit op zonder haar vader. Gezinnen horen samen.", "", "Antwerpen", "nl"),
    ("Families belong together — no conditions, no delay.", "Sam", "Brussels", "en"),
    ("كل عائلة تستحق أن تكون معًا.", "عائلة ك.", "Brussel", "ar"),
    ("Wie ik mis: mijn moeder en mijn kleine broer.", "Yonas", "Leuven", "nl"),
    ("Nos enfants ne sont pas des dossiers.", "", "Namur", "fr"),
    ("Elke dag wachten is een dag te veel.", "Fatima & kinderen", "Mechelen", "nl"),
]
