"""The campaign's text per language, used to seed an empty site (editors change it in the CMS).

The Dutch is the campaign's own text (the seed file the coalition supplied); French, English, German and Arabic are
faithful translations. Keys are page fields; `story`, `build_text`, `why_text` and `body` are rich
text (HTML as Wagtail stores it).
"""

HOME = {
    "nl": {
        "title": "De Gezinsmuur",
        "search_description": "Gezinnen horen samen. Deel jouw gezinsfoto en boodschap op De Gezinsmuur.",
        "hero_title": "Gezinnen horen samen — toch houdt beleid vandaag gezinnen uit elkaar",
        "hero_text": "Daarom bouwen we samen aan De Gezinsmuur. Deel jouw foto en boodschap. "
        "Jouw inzending helpt duizenden stemmen zichtbaar te maken.",
        "share_label": "Deel jouw foto",
        "build_title": "Bouw mee aan de Gezinsmuur",
        "build_text": "<p>Door strenge en onmenselijke regels worden gezinnen jarenlang van elkaar "
        "gescheiden. Ouders leven zonder hun kinderen en zonder hun partner. Dat is "
        "onaanvaardbaar.</p><p>Elke foto en boodschap is een signaal: gezinnen horen samen — zonder "
        "voorwaarden, zonder uitstel.</p>",
        "wall_intro": "Met De Gezinsmuur laten we zien hoeveel mensen vinden dat gezinnen samen horen. "
        "Elke foto en boodschap is een stem tegen regels die gezinnen breken.",
        "family_title": "Wie maakt deel uit van jouw gezin?",
        "family_text": "Deel een gezinsfoto en een korte boodschap. Toon wie bij jou hoort en wie je "
        "niet zou kunnen missen. Samen maken we duidelijk dat gezinshereniging geen gunst is, maar "
        "een recht.",
        "notice": "Deelname aan De Gezinsmuur staat los van lopende dossiers. Foto’s en boodschappen "
        "worden enkel gebruikt voor de publieke campagne.",
        "featured_call": "Laat je stem zien — deel een foto en toon dat gezinnen écht samen horen te "
        "zijn.",
        "featured_note": "Helens verhaal toont hoe zwaar het is om jarenlang van je kind gescheiden te "
        "leven. Vandaag dreigen nieuwe regels zulke langdurige scheiding opnieuw normaler te maken "
        "voor duizenden gezinnen.",
        "stories_title": "Echte gezichten. Echte verhalen.",
        "stories_question": "Wat als je je kind acht jaar niet mag vasthouden?",
        "stories_text": "Voor duizenden gezinnen is dit geen vraag, maar realiteit. Wat gebeurt er als "
        "regels gezinnen uit elkaar houden? Deze verhalen tonen wat het betekent om jarenlang "
        "gescheiden te leven — niet door afstand, maar door beleid.",
        "why_title": "Waarom deze campagne?",
        "why_text": "<p>In België wordt gezinshereniging bewust steeds moeilijker gemaakt. Nieuwe regels "
        "bouwen extra drempels in, vertrekken van wantrouwen en aanvaarden dat gezinnen jarenlang "
        "gescheiden blijven.</p><p>Dat is geen onbedoeld gevolg, maar een keuze met zware menselijke "
        "gevolgen. Daarom hebben 25 organisaties de nieuwe gezinsherenigingswet aangevochten bij het "
        "Grondwettelijk Hof, omdat deze fundamentele rechten zoals het recht op gezinsleven onder "
        "druk zet. Publieke steun toont hoeveel mensen vinden dat gezinnen samen horen te zijn.</p>"
        "<p>Sinds 18 augustus 2025 zijn de voorwaarden voor gezinshereniging strenger: strengere "
        "regels scheuren gezinnen uit elkaar. Ouders en kinderen leven soms jarenlang gescheiden, "
        "botsen op onhaalbare inkomenseisen en voor sommige kinderen dreigt het ondraaglijke: nooit "
        "meer bij hun ouder(s) kunnen wonen.</p>",
        "partners_title": "Wie steunt De Gezinsmuur?",
        "partners_text": "De Gezinsmuur is een campagne van 25 Belgische organisaties.",
        "countdown_title": "Samen naar 15 mei – Internationale Dag van het Gezin",
        "countdown_text": "We tellen af naar een moment waarop gezinnen zichtbaar samenkomen.",
        "after_title": "We waren erbij op 15 mei",
        "after_text": "Op de Internationale Dag van het Gezin toonden we samen De Gezinsmuur. Dank je "
        "wel aan iedereen die een foto en boodschap deelde. Gezinnen horen samen — dat blijven we "
        "zeggen.",
    },
    "fr": {
        "title": "Le Mur des familles",
        "search_description": "Les familles doivent être ensemble. Partagez votre photo de famille "
        "et votre message sur De Gezinsmuur.",
        "hero_title": "Les familles doivent être ensemble — pourtant, la politique actuelle les sépare",
        "hero_text": "C’est pourquoi nous construisons ensemble De Gezinsmuur, le mur des familles. "
        "Partagez votre photo et votre message. Votre participation aide à rendre visibles des "
        "milliers de voix.",
        "share_label": "Partagez votre photo",
        "build_title": "Construisez avec nous le Mur des familles",
        "build_text": "<p>À cause de règles sévères et inhumaines, des familles sont séparées pendant "
        "des années. Des parents vivent sans leurs enfants et sans leur partenaire. C’est "
        "inacceptable.</p><p>Chaque photo et chaque message est un signal : les familles doivent "
        "être ensemble — sans conditions, sans délai.</p>",
        "wall_intro": "Avec De Gezinsmuur, nous montrons combien de personnes pensent que les familles "
        "doivent être ensemble. Chaque photo et chaque message est une voix contre des règles qui "
        "brisent les familles.",
        "family_title": "Qui fait partie de votre famille ?",
        "family_text": "Partagez une photo de famille et un court message. Montrez qui compte pour "
        "vous et qui vous ne pourriez pas perdre. Ensemble, montrons que le regroupement familial "
        "n’est pas une faveur, mais un droit.",
        "notice": "La participation à De Gezinsmuur est indépendante de tout dossier en cours. Les "
        "photos et les messages sont utilisés uniquement pour la campagne publique.",
        "featured_call": "Faites entendre votre voix — partagez une photo et montrez que les familles "
        "doivent vraiment être ensemble.",
        "featured_note": "L’histoire d’Helen montre combien il est dur de vivre des années séparée de "
        "son enfant. Aujourd’hui, de nouvelles règles risquent de rendre ces longues séparations "
        "plus ordinaires pour des milliers de familles.",
        "stories_title": "De vrais visages. De vraies histoires.",
        "stories_question": "Et si vous ne pouviez pas serrer votre enfant dans vos bras pendant huit ans ?",
        "stories_text": "Pour des milliers de familles, ce n’est pas une question, c’est la réalité. "
        "Que se passe-t-il quand des règles tiennent les familles séparées ? Ces histoires montrent "
        "ce que signifie vivre séparés pendant des années — non pas à cause de la distance, mais à "
        "cause d’une politique.",
        "why_title": "Pourquoi cette campagne ?",
        "why_text": "<p>En Belgique, le regroupement familial est rendu délibérément de plus en plus "
        "difficile. De nouvelles règles ajoutent des obstacles, partent de la méfiance et acceptent "
        "que des familles restent séparées pendant des années.</p><p>Ce n’est pas une conséquence "
        "involontaire, mais un choix aux lourdes conséquences humaines. C’est pourquoi 25 "
        "organisations ont attaqué la nouvelle loi sur le regroupement familial devant la Cour "
        "constitutionnelle : elle met en danger des droits fondamentaux comme le droit à la vie "
        "familiale. Le soutien du public montre combien de personnes pensent que les familles "
        "doivent être ensemble.</p><p>Depuis le 18 août 2025, les conditions du regroupement "
        "familial sont plus strictes : des règles plus dures déchirent les familles. Parents et "
        "enfants vivent parfois séparés pendant des années, se heurtent à des exigences de revenus "
        "impossibles à atteindre et, pour certains enfants, l’insupportable menace : ne plus jamais "
        "pouvoir vivre avec leur(s) parent(s).</p>",
        "partners_title": "Qui soutient De Gezinsmuur ?",
        "partners_text": "De Gezinsmuur est une campagne de 25 organisations belges.",
        "countdown_title": "Ensemble vers le 15 mai – Journée internationale des familles",
        "countdown_text": "Nous comptons les jours jusqu’au moment où les familles se rassemblent, "
        "visibles de tous.",
        "after_title": "Nous étions là le 15 mai",
        "after_text": "Lors de la Journée internationale des familles, nous avons montré ensemble De "
        "Gezinsmuur. Merci à toutes celles et ceux qui ont partagé une photo et un message. Les "
        "familles doivent être ensemble — nous continuerons à le dire.",
    },
    "en": {
        "title": "The Family Wall",
        "search_description": "Families belong together. Share your family photo and message on De "
        "Gezinsmuur, the Family Wall.",
        "hero_title": "Families belong together — yet today’s policy keeps families apart",
        "hero_text": "That is why we are building De Gezinsmuur, the Family Wall, together. Share "
        "your photo and message. Your contribution helps make thousands of voices visible.",
        "share_label": "Share your photo",
        "build_title": "Help build the Family Wall",
        "build_text": "<p>Harsh and inhumane rules keep families apart for years. Parents live without "
        "their children and without their partners. That is unacceptable.</p><p>Every photo and "
        "message is a signal: families belong together — without conditions, without delay.</p>",
        "wall_intro": "With De Gezinsmuur we show how many people believe families belong together. "
        "Every photo and message is a voice against rules that break families apart.",
        "family_title": "Who is part of your family?",
        "family_text": "Share a family photo and a short message. Show who belongs with you and who "
        "you could not do without. Together we make it clear that family reunification is not a "
        "favour, but a right.",
        "notice": "Taking part in De Gezinsmuur is separate from any ongoing case. Photos and "
        "messages are used only for the public campaign.",
        "featured_call": "Make your voice seen — share a photo and show that families truly belong "
        "together.",
        "featured_note": "Helen’s story shows how hard it is to live apart from your child for years. "
        "Today, new rules threaten to make such long separations normal again for thousands of "
        "families.",
        "stories_title": "Real faces. Real stories.",
        "stories_question": "What if you were not allowed to hold your child for eight years?",
        "stories_text": "For thousands of families this is not a question but reality. What happens "
        "when rules keep families apart? These stories show what it means to live apart for years — "
        "not because of distance, but because of policy.",
        "why_title": "Why this campaign?",
        "why_text": "<p>In Belgium, family reunification is deliberately being made ever harder. New "
        "rules add extra hurdles, start from distrust and accept that families stay apart for "
        "years.</p><p>That is not an unintended side effect but a choice with heavy human "
        "consequences. That is why 25 organisations have challenged the new family reunification "
        "law before the Constitutional Court: it puts fundamental rights, such as the right to "
        "family life, under pressure. Public support shows how many people believe families "
        "belong together.</p><p>Since 18 August 2025 the conditions for family reunification have "
        "been stricter: stricter rules tear families apart. Parents and children sometimes live "
        "apart for years, run into income requirements they cannot meet, and some children face "
        "the unbearable: never again being able to live with their parent(s).</p>",
        "partners_title": "Who supports De Gezinsmuur?",
        "partners_text": "De Gezinsmuur is a campaign of 25 Belgian organisations.",
        "countdown_title": "Together towards 15 May – International Day of Families",
        "countdown_text": "We are counting down to a moment when families come together for all to see.",
        "after_title": "We were there on 15 May",
        "after_text": "On the International Day of Families we showed De Gezinsmuur together. Thank "
        "you to everyone who shared a photo and a message. Families belong together — and we will "
        "keep saying it.",
    },
    "de": {
        "title": "Die Familienmauer",
        "search_description": "Familien gehören zusammen. Teilen Sie Ihr Familienfoto und Ihre "
        "Botschaft auf De Gezinsmuur, der Familienmauer.",
        "hero_title": "Familien gehören zusammen — doch die heutige Politik hält Familien getrennt",
        "hero_text": "Deshalb bauen wir gemeinsam an De Gezinsmuur, der Familienmauer. Teilen Sie "
        "Ihr Foto und Ihre Botschaft. Ihr Beitrag hilft, Tausende Stimmen sichtbar zu machen.",
        "share_label": "Teilen Sie Ihr Foto",
        "build_title": "Bauen Sie mit an der Familienmauer",
        "build_text": "<p>Strenge und unmenschliche Regeln trennen Familien jahrelang voneinander. "
        "Eltern leben ohne ihre Kinder und ohne ihre Partner. Das ist inakzeptabel.</p><p>Jedes Foto "
        "und jede Botschaft ist ein Zeichen: Familien gehören zusammen — ohne Bedingungen, ohne "
        "Aufschub.</p>",
        "wall_intro": "Mit De Gezinsmuur zeigen wir, wie viele Menschen finden, dass Familien "
        "zusammengehören. Jedes Foto und jede Botschaft ist eine Stimme gegen Regeln, die Familien "
        "zerreißen.",
        "family_title": "Wer gehört zu Ihrer Familie?",
        "family_text": "Teilen Sie ein Familienfoto und eine kurze Botschaft. Zeigen Sie, wer zu "
        "Ihnen gehört und wen Sie nicht missen könnten. Gemeinsam machen wir klar: "
        "Familienzusammenführung ist keine Gnade, sondern ein Recht.",
        "notice": "Die Teilnahme an De Gezinsmuur hat nichts mit laufenden Verfahren zu tun. Fotos "
        "und Botschaften werden nur für die öffentliche Kampagne verwendet.",
        "featured_call": "Zeigen Sie Ihre Stimme — teilen Sie ein Foto und zeigen Sie, dass Familien "
        "wirklich zusammengehören.",
        "featured_note": "Helens Geschichte zeigt, wie schwer es ist, jahrelang von seinem Kind "
        "getrennt zu leben. Heute drohen neue Regeln, solche langen Trennungen für Tausende "
        "Familien wieder normaler zu machen.",
        "stories_title": "Echte Gesichter. Echte Geschichten.",
        "stories_question": "Was, wenn Sie Ihr Kind acht Jahre lang nicht in den Arm nehmen dürften?",
        "stories_text": "Für Tausende Familien ist das keine Frage, sondern Wirklichkeit. Was "
        "geschieht, wenn Regeln Familien getrennt halten? Diese Geschichten zeigen, was es "
        "bedeutet, jahrelang getrennt zu leben — nicht wegen der Entfernung, sondern wegen der "
        "Politik.",
        "why_title": "Warum diese Kampagne?",
        "why_text": "<p>In Belgien wird die Familienzusammenführung bewusst immer schwerer gemacht. "
        "Neue Regeln bauen zusätzliche Hürden ein, gehen von Misstrauen aus und nehmen in Kauf, "
        "dass Familien jahrelang getrennt bleiben.</p><p>Das ist keine unbeabsichtigte Folge, "
        "sondern eine Entscheidung mit schweren menschlichen Folgen. Deshalb haben 25 "
        "Organisationen das neue Gesetz zur Familienzusammenführung vor dem Verfassungsgerichtshof "
        "angefochten: Es setzt Grundrechte wie das Recht auf Familienleben unter Druck. "
        "Öffentliche Unterstützung zeigt, wie viele Menschen finden, dass Familien "
        "zusammengehören.</p><p>Seit dem 18. August 2025 gelten strengere Bedingungen für die "
        "Familienzusammenführung: Strengere Regeln reißen Familien auseinander. Eltern und Kinder "
        "leben manchmal jahrelang getrennt, scheitern an unerreichbaren Einkommensanforderungen, "
        "und manchen Kindern droht das Unerträgliche: nie wieder bei ihren Eltern oder ihrem "
        "Elternteil leben zu können.</p>",
        "partners_title": "Wer unterstützt De Gezinsmuur?",
        "partners_text": "De Gezinsmuur ist eine Kampagne von 25 belgischen Organisationen.",
        "countdown_title": "Gemeinsam zum 15. Mai – Internationaler Tag der Familie",
        "countdown_text": "Wir zählen die Tage bis zu einem Moment, an dem Familien sichtbar "
        "zusammenkommen.",
        "after_title": "Wir waren am 15. Mai dabei",
        "after_text": "Am Internationalen Tag der Familie haben wir De Gezinsmuur gemeinsam gezeigt. "
        "Danke an alle, die ein Foto und eine Botschaft geteilt haben. Familien gehören zusammen — "
        "das sagen wir weiter.",
    },
    "ar": {
        "title": "جدار العائلات",
        "search_description": "العائلات مكانها معًا. شارك صورة عائلتك ورسالتك على جدار العائلات.",
        "hero_title": "العائلات مكانها معًا — ومع ذلك تُبقي السياسة اليوم العائلات متفرقة",
        "hero_text": "لهذا نبني معًا «دي خيزينسمور»، جدار العائلات. شارك صورتك ورسالتك. "
        "مشاركتك تساعد على إظهار آلاف الأصوات.",
        "share_label": "شارك صورتك",
        "build_title": "ساهم في بناء جدار العائلات",
        "build_text": "<p>بسبب قواعد صارمة وغير إنسانية تُفرَّق العائلات لسنوات طويلة. يعيش آباء "
        "وأمهات بعيدًا عن أطفالهم وعن شركاء حياتهم. هذا أمر غير مقبول.</p><p>كل صورة وكل رسالة "
        "إشارة: العائلات مكانها معًا — بلا شروط، وبلا تأجيل.</p>",
        "wall_intro": "بجدار العائلات نُظهر كم من الناس يرون أن العائلات مكانها معًا. كل صورة "
        "ورسالة صوتٌ ضد قواعد تُمزّق العائلات.",
        "family_title": "من هم أفراد عائلتك؟",
        "family_text": "شارك صورة عائلية ورسالة قصيرة. أظهر من ينتمي إليك ومن لا تستطيع العيش "
        "بدونه. معًا نوضح أن لمّ شمل الأسرة ليس منّة، بل حق.",
        "notice": "المشاركة في جدار العائلات منفصلة تمامًا عن أي ملف جارٍ. تُستخدم الصور "
        "والرسائل للحملة العامة فقط.",
        "featured_call": "أظهر صوتك — شارك صورة وبيّن أن العائلات مكانها حقًا معًا.",
        "featured_note": "تُظهر قصة هيلين كم هو صعب أن تعيش سنوات بعيدًا عن طفلك. واليوم تهدد قواعد "
        "جديدة بأن تجعل مثل هذا الفراق الطويل أمرًا عاديًا من جديد لآلاف العائلات.",
        "stories_title": "وجوه حقيقية. قصص حقيقية.",
        "stories_question": "ماذا لو لم يُسمح لك باحتضان طفلك ثماني سنوات؟",
        "stories_text": "بالنسبة لآلاف العائلات ليس هذا سؤالًا بل واقعًا. ماذا يحدث عندما تُبقي "
        "القواعدُ العائلات متفرقة؟ تُظهر هذه القصص معنى أن تعيش منفصلًا لسنوات — لا بسبب المسافة، "
        "بل بسبب السياسة.",
        "why_title": "لماذا هذه الحملة؟",
        "why_text": "<p>في بلجيكا يُجعل لمّ شمل الأسرة أصعب فأصعب عن قصد. قواعد جديدة تضع عقبات "
        "إضافية، وتنطلق من الريبة، وتقبل بأن تبقى العائلات منفصلة لسنوات.</p><p>هذه ليست نتيجة "
        "غير مقصودة، بل خيار له عواقب إنسانية ثقيلة. لذلك طعنت 25 منظمة في قانون لمّ الشمل الجديد "
        "أمام المحكمة الدستورية، لأنه يضع حقوقًا أساسية مثل الحق في الحياة العائلية تحت الضغط. "
        "ويُظهر الدعم العام كم من الناس يرون أن العائلات مكانها معًا.</p><p>منذ 18 أغسطس 2025 "
        "أصبحت شروط لمّ شمل الأسرة أشد صرامة: القواعد الأشد تمزّق العائلات. يعيش آباء وأطفال "
        "أحيانًا منفصلين لسنوات، ويصطدمون بشروط دخل لا يمكن بلوغها، وبعض الأطفال يواجهون ما لا "
        "يُحتمل: ألّا يتمكنوا أبدًا من العيش مع والديهم أو أحدهما.</p>",
        "partners_title": "من يدعم جدار العائلات؟",
        "partners_text": "جدار العائلات حملة تقودها 25 منظمة بلجيكية.",
        "countdown_title": "معًا نحو 15 مايو – اليوم الدولي للأسر",
        "countdown_text": "نعدّ الأيام حتى لحظة تجتمع فيها العائلات أمام الجميع.",
        "after_title": "كنا هناك في 15 مايو",
        "after_text": "في اليوم الدولي للأسر عرضنا جدار العائلات معًا. شكرًا لكل من شارك صورة "
        "ورسالة. العائلات مكانها معًا — وسنواصل قول ذلك.",
    },
}

STORIES = {
    "nl": {
        "title": "Echte gezichten. Echte verhalen.",
        "question": "Wat als je je kind acht jaar niet mag vasthouden?",
        "intro": HOME["nl"]["stories_text"],
    },
    "fr": {
        "title": "De vrais visages. De vraies histoires.",
        "question": HOME["fr"]["stories_question"],
        "intro": HOME["fr"]["stories_text"],
    },
    "en": {
        "title": "Real faces. Real stories.",
        "question": HOME["en"]["stories_question"],
        "intro": HOME["en"]["stories_text"],
    },
    "de": {
        "title": "Echte Gesichter. Echte Geschichten.",
        "question": HOME["de"]["stories_question"],
        "intro": HOME["de"]["stories_text"],
    },
    "ar": {
        "title": "وجوه حقيقية. قصص حقيقية.",
        "question": HOME["ar"]["stories_question"],
        "intro": HOME["ar"]["stories_text"],
    },
}

HELEN = {
    "nl": {
        "title": "8 jaar zonder haar kind",
        "person": "Helen en haar zoon Adam",
        "summary": "Helen zag haar zoon Adam jarenlang opgroeien vanop afstand.",
        "story": "<p>Helen vluchtte om haar kinderen een veilige toekomst te geven. Jarenlang zag ze "
        "haar zoon Adam opgroeien vanop afstand — via korte berichten, zonder hem te kunnen "
        "vasthouden. Niet door keuze, maar door jaren onderweg, een lange asielprocedure en daarna "
        "het wachten op gezinshereniging.</p><p>De gezinshereniging verliep uiteindelijk correct en "
        "binnen het jaar kon Adam naar België komen. Maar de jaren van gemis laten zien wat "
        "langdurige scheiding met een gezin doet.</p>",
        "quote": "Ik was bang dat hij me niet meer als zijn moeder zou aanvaarden.",
        "image_alt": "Illustratiefoto: een gele paardenbloem in het gras. Dit is geen foto van Helen "
        "of Adam.",
    },
    "fr": {
        "title": "8 ans sans son enfant",
        "person": "Helen et son fils Adam",
        "summary": "Pendant des années, Helen a vu son fils Adam grandir de loin.",
        "story": "<p>Helen a fui pour offrir à ses enfants un avenir en sécurité. Pendant des années, "
        "elle a vu son fils Adam grandir de loin — par de courts messages, sans pouvoir le serrer "
        "dans ses bras. Non par choix, mais à cause d’années de route, d’une longue procédure "
        "d’asile, puis de l’attente du regroupement familial.</p><p>Le regroupement familial s’est "
        "finalement déroulé correctement et, en moins d’un an, Adam a pu venir en Belgique. Mais "
        "ces années de manque montrent ce qu’une longue séparation fait à une famille.</p>",
        "quote": "J’avais peur qu’il ne m’accepte plus comme sa mère.",
        "image_alt": "Photo d’illustration : un pissenlit jaune dans l’herbe. Ce n’est pas une photo "
        "d’Helen ou d’Adam.",
    },
    "en": {
        "title": "8 years without her child",
        "person": "Helen and her son Adam",
        "summary": "For years, Helen watched her son Adam grow up from afar.",
        "story": "<p>Helen fled to give her children a safe future. For years she watched her son "
        "Adam grow up from afar — through short messages, without being able to hold him. Not by "
        "choice, but because of years on the road, a long asylum procedure and then the wait for "
        "family reunification.</p><p>In the end the family reunification went as it should, and "
        "within the year Adam could come to Belgium. But the years of missing each other show what "
        "a long separation does to a family.</p>",
        "quote": "I was afraid he would no longer accept me as his mother.",
        "image_alt": "Illustration: a yellow dandelion in the grass. This is not a photo of Helen or "
        "Adam.",
    },
    "de": {
        "title": "8 Jahre ohne ihr Kind",
        "person": "Helen und ihr Sohn Adam",
        "summary": "Jahrelang sah Helen ihren Sohn Adam aus der Ferne aufwachsen.",
        "story": "<p>Helen ist geflohen, um ihren Kindern eine sichere Zukunft zu geben. Jahrelang "
        "sah sie ihren Sohn Adam aus der Ferne aufwachsen — über kurze Nachrichten, ohne ihn "
        "halten zu können. Nicht aus freier Wahl, sondern wegen jahrelanger Flucht, eines langen "
        "Asylverfahrens und danach des Wartens auf die Familienzusammenführung.</p><p>Die "
        "Familienzusammenführung verlief schließlich korrekt, und innerhalb eines Jahres konnte "
        "Adam nach Belgien kommen. Doch die Jahre der Sehnsucht zeigen, was eine lange Trennung "
        "mit einer Familie macht.</p>",
        "quote": "Ich hatte Angst, dass er mich nicht mehr als seine Mutter annehmen würde.",
        "image_alt": "Symbolbild: ein gelber Löwenzahn im Gras. Dies ist kein Foto von Helen oder "
        "Adam.",
    },
    "ar": {
        "title": "8 سنوات بعيدًا عن طفلها",
        "person": "هيلين وابنها آدم",
        "summary": "لسنوات رأت هيلين ابنها آدم يكبر من بعيد.",
        "story": "<p>فرّت هيلين لتمنح أطفالها مستقبلًا آمنًا. لسنوات رأت ابنها آدم يكبر من بعيد — "
        "عبر رسائل قصيرة، دون أن تستطيع احتضانه. لم يكن ذلك باختيارها، بل بسبب سنوات من الطريق، "
        "وإجراءات لجوء طويلة، ثم انتظار لمّ شمل الأسرة.</p><p>في النهاية تمّ لمّ الشمل كما ينبغي، "
        "وخلال عام استطاع آدم القدوم إلى بلجيكا. لكن سنوات الفقد تُظهر ما يفعله الفراق الطويل "
        "بالعائلة.</p>",
        "quote": "كنت أخشى ألّا يقبلني أمًّا له بعد الآن.",
        "image_alt": "صورة توضيحية: زهرة هندباء صفراء في العشب. هذه ليست صورة هيلين أو آدم.",
    },
}

PRIVACY = {
    "nl": {
        "title": "Privacyverklaring",
        "intro": "Je foto en boodschap zijn van jou. Zo gaan we ermee om.",
        "body": "<h2>Wat we bewaren</h2><p>Je foto, je boodschap en, als je die invult, een naam en "
        "een gemeente. We vragen nooit naar je nationaliteit, je verblijfsstatus of een "
        "dossiernummer.</p><h2>Wie je foto ziet</h2><p>Een moderator van de partnerorganisaties bekijkt "
        "elke foto eerst. Pas daarna verschijnt hij op De Gezinsmuur. We verwijderen locatie- en "
        "cameragegevens uit je foto: alleen een opgeschoonde kopie wordt getoond.</p><h2>Los van "
        "elk dossier</h2><p>Deelname staat los van lopende dossiers. Foto’s en boodschappen worden "
        "enkel gebruikt voor de publieke campagne.</p><h2>Je foto terugtrekken</h2><p>Met je "
        "persoonlijke link verwijder je je inzending wanneer je wilt. Ze verdwijnt dan van elke "
        "pagina en de bestanden worden gewist.</p>",
    },
    "fr": {
        "title": "Déclaration de confidentialité",
        "intro": "Votre photo et votre message vous appartiennent. Voici ce que nous en faisons.",
        "body": "<h2>Ce que nous conservons</h2><p>Votre photo, votre message et, si vous les "
        "indiquez, un nom et une commune. Nous ne demandons jamais votre nationalité, votre statut "
        "de séjour ni un numéro de dossier.</p><h2>Qui voit votre photo</h2><p>Un "
        "modérateur des organisations partenaires regarde chaque photo d’abord. Elle n’apparaît "
        "sur De Gezinsmuur qu’ensuite. Nous retirons de votre photo les données de localisation et "
        "d’appareil : seule une copie nettoyée est montrée.</p><h2>Indépendant de tout "
        "dossier</h2><p>La participation est indépendante de tout dossier en cours. Les photos et "
        "les messages sont utilisés uniquement pour la campagne publique.</p><h2>Retirer votre "
        "photo</h2><p>Avec votre lien personnel, vous supprimez votre participation quand vous le "
        "voulez. Elle disparaît alors de toutes les pages et les fichiers sont effacés.</p>",
    },
    "en": {
        "title": "Privacy statement",
        "intro": "Your photo and message are yours. This is how we handle them.",
        "body": "<h2>What we keep</h2><p>Your photo, your message and, if you fill them in, a name "
        "and a municipality. We never ask for your nationality, your residence status or a case "
        "number.</p>"
        "<h2>Who sees your photo</h2><p>A moderator from the partner organisations looks at every "
        "photo first. Only then does it appear on De Gezinsmuur. We remove location and camera "
        "data from your photo: only a cleaned copy is ever shown.</p><h2>Separate from any "
        "case</h2><p>Taking part is separate from any ongoing case. Photos and messages are used "
        "only for the public campaign.</p><h2>Withdrawing your photo</h2><p>With your private link "
        "you can delete your submission whenever you want. It then disappears from every page and "
        "its files are erased.</p>",
    },
    "de": {
        "title": "Datenschutzerklärung",
        "intro": "Ihr Foto und Ihre Botschaft gehören Ihnen. So gehen wir damit um.",
        "body": "<h2>Was wir speichern</h2><p>Ihr Foto, Ihre Botschaft und, wenn Sie sie angeben, "
        "einen Namen und einen Wohnort. Wir fragen nie nach Ihrer Staatsangehörigkeit, Ihrem "
        "Aufenthaltsstatus oder einem Aktenzeichen.</p><h2>Wer Ihr Foto sieht</h2><p>Eine "
        "Moderatorin oder ein Moderator der Partnerorganisationen sieht sich jedes Foto zuerst an. "
        "Erst danach erscheint es auf De Gezinsmuur. Wir entfernen Standort- und Kameradaten aus "
        "Ihrem Foto: Gezeigt wird nur eine bereinigte Kopie.</p><h2>Unabhängig von jedem "
        "Verfahren</h2><p>Die Teilnahme hat nichts mit laufenden Verfahren zu tun. Fotos und "
        "Botschaften werden nur für die öffentliche Kampagne verwendet.</p><h2>Ihr Foto "
        "zurückziehen</h2><p>Mit Ihrem persönlichen Link löschen Sie Ihren Beitrag, wann Sie "
        "wollen. Er verschwindet dann von jeder Seite, und die Dateien werden gelöscht.</p>",
    },
    "ar": {
        "title": "بيان الخصوصية",
        "intro": "صورتك ورسالتك ملكك. هكذا نتعامل معهما.",
        "body": "<h2>ما نحتفظ به</h2><p>صورتك ورسالتك، وإن أردت، اسمًا وبلدية. لا نسأل أبدًا عن "
        "جنسيتك أو وضع إقامتك أو رقم ملفك.</p><h2>من يرى صورتك</h2><p>يطّلع مشرف من المنظمات الشريكة على كل صورة "
        "أولًا، وبعدها فقط تظهر على جدار العائلات. نزيل من صورتك بيانات الموقع والكاميرا: لا "
        "تُعرض إلا نسخة منقّاة.</p><h2>منفصلة عن أي ملف</h2><p>المشاركة منفصلة عن أي ملف جارٍ. "
        "تُستخدم الصور والرسائل للحملة العامة فقط.</p><h2>سحب صورتك</h2><p>برابطك الخاص تحذف "
        "مشاركتك متى شئت. عندها تختفي من كل الصفحات وتُمحى ملفاتها.</p>",
    },
}

FAQ = {
    "nl": {
        "title": "Veelgestelde vragen",
        "intro": "Vind je je antwoord hier niet? Vraag het aan een van de partnerorganisaties.",
        "body": "<h2>Heeft deelnemen invloed op mijn dossier?</h2><p>Nee. Deelname aan De "
        "Gezinsmuur staat los van lopende dossiers. We vragen geen verblijfsstatus of "
        "dossiernummer.</p><h2>Moet mijn gezicht op de foto?</h2><p>Nee. Een foto van handen, een "
        "tekening of een lege stoel zegt ook veel.</p><h2>Wanneer "
        "staat mijn foto op de muur?</h2><p>Zodra een moderator hem heeft bekeken, meestal binnen "
        "een paar dagen.</p><h2>Kan ik mijn foto later weghalen?</h2><p>Ja, altijd, met je "
        "persoonlijke link.</p><h2>Wat gebeurt er op 15 mei?</h2><p>Op de Internationale Dag van "
        "het Gezin tonen we De Gezinsmuur en komen gezinnen samen.</p>",
    },
    "fr": {
        "title": "Questions fréquentes",
        "intro": "Vous ne trouvez pas votre réponse ici ? Demandez à l’une des organisations "
        "partenaires.",
        "body": "<h2>Participer a-t-il un effet sur mon dossier ?</h2><p>Non. La participation à De "
        "Gezinsmuur est indépendante de tout dossier en cours. Nous ne demandons ni statut de "
        "séjour ni numéro de dossier.</p><h2>Mon visage doit-il être sur la photo ?</h2><p>Non. "
        "Une photo de mains, un dessin ou une chaise vide en disent aussi beaucoup.</p><h2>Quand ma photo sera-t-elle sur le mur ?</h2><p>Dès "
        "qu’un modérateur l’a regardée, en général en quelques jours.</p><h2>Puis-je retirer ma "
        "photo plus tard ?</h2><p>Oui, toujours, avec votre lien personnel.</p><h2>Que se "
        "passe-t-il le 15 mai ?</h2><p>Lors de la Journée internationale des familles, nous "
        "montrons De Gezinsmuur et les familles se rassemblent.</p>",
    },
    "en": {
        "title": "Frequently asked questions",
        "intro": "Cannot find your answer here? Ask one of the partner organisations.",
        "body": "<h2>Does taking part affect my case?</h2><p>No. Taking part in De Gezinsmuur is "
        "separate from any ongoing case. We never ask for a residence status or a case "
        "number.</p><h2>Does my face have to be in the photo?</h2><p>No. A photo of hands, a "
        "drawing or an empty chair says a lot too.</p><h2>When will my "
        "photo be on the wall?</h2><p>As soon as a moderator has looked at it, usually within a "
        "few days.</p><h2>Can I remove my photo later?</h2><p>Yes, always, with your private "
        "link.</p><h2>What happens on 15 May?</h2><p>On the International Day of Families we show "
        "De Gezinsmuur and families come together.</p>",
    },
    "de": {
        "title": "Häufige Fragen",
        "intro": "Sie finden Ihre Antwort hier nicht? Fragen Sie eine der Partnerorganisationen.",
        "body": "<h2>Hat die Teilnahme Einfluss auf mein Verfahren?</h2><p>Nein. Die Teilnahme an "
        "De Gezinsmuur hat nichts mit laufenden Verfahren zu tun. Wir fragen nie nach "
        "Aufenthaltsstatus oder Aktenzeichen.</p><h2>Muss mein Gesicht auf dem Foto sein?</h2>"
        "<p>Nein. Ein Foto von Händen, eine Zeichnung oder ein leerer Stuhl sagen auch viel.</p><h2>Wann ist mein Foto auf der "
        "Mauer?</h2><p>Sobald eine Moderatorin oder ein Moderator es angesehen hat, meist "
        "innerhalb weniger Tage.</p><h2>Kann ich mein Foto später entfernen?</h2><p>Ja, jederzeit, "
        "mit Ihrem persönlichen Link.</p><h2>Was passiert am 15. Mai?</h2><p>Am Internationalen "
        "Tag der Familie zeigen wir De Gezinsmuur, und Familien kommen zusammen.</p>",
    },
    "ar": {
        "title": "أسئلة شائعة",
        "intro": "لم تجد جوابك هنا؟ اسأل إحدى المنظمات الشريكة.",
        "body": "<h2>هل تؤثر المشاركة على ملفي؟</h2><p>لا. المشاركة في جدار العائلات منفصلة عن أي "
        "ملف جارٍ. لا نسأل أبدًا عن وضع الإقامة أو رقم الملف.</p><h2>هل يجب أن يظهر وجهي في "
        "الصورة؟</h2><p>لا. صورة لأيدٍ أو رسم أو كرسي فارغ تقول الكثير أيضًا.</p><h2>متى تظهر صورتي على الجدار؟</h2><p>بمجرد أن يطّلع عليها مشرف، عادةً خلال "
        "أيام قليلة.</p><h2>هل يمكنني حذف صورتي لاحقًا؟</h2><p>نعم، دائمًا، برابطك الخاص.</p>"
        "<h2>ماذا يحدث في 15 مايو؟</h2><p>في اليوم الدولي للأسر نعرض جدار العائلات وتجتمع "
        "العائلات.</p>",
    },
}

# Placeholders until the coalition adds its members in the CMS; the names say they are examples.
EXAMPLE_PARTNERS = {
    "nl": ["Voorbeeldorganisatie A (voorbeeld)", "Voorbeeldorganisatie B (voorbeeld)"],
    "fr": ["Organisation exemple A (exemple)", "Organisation exemple B (exemple)"],
    "en": ["Example organisation A (example)", "Example organisation B (example)"],
    "de": ["Beispielorganisation A (Beispiel)", "Beispielorganisation B (Beispiel)"],
    "ar": ["منظمة مثال أ (مثال)", "منظمة مثال ب (مثال)"],
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

# What the software does since the consent, e-mail, blur and retention work: appended to the
# privacy statement so it says, in every language, what the code guarantees.
PRIVACY_MORE = {
    "nl": "<h2>Jouw keuzes</h2><p>Je kiest zelf: op de muur, of alleen je stem laten tellen en je "
    "foto privé houden. Websites van partners, het evenement van 15 mei en de pers zijn aparte, "
    "vrijwillige keuzes. Met je persoonlijke link verander je ze later.</p><h2>Gezichten "
    "vervagen</h2><p>Je kunt gezichten vervagen voor je foto je telefoon verlaat, of ons vragen "
    "elk gezicht te vervagen. Een moderator controleert het.</p><h2>E-mail</h2><p>Laat je een "
    "e-mailadres achter, dan sturen we daar één keer je persoonlijke link naartoe. We bewaren het "
    "adres niet.</p><h2>Hoe lang</h2><p>Je oorspronkelijke foto wissen we zodra een moderator "
    "beslist heeft. Een geweigerde inzending wissen we na 7 dagen, een onafgewerkte na 30 dagen, "
    "en na de campagne alles. Je kunt altijd vragen wat we over je inzending bewaren.</p>",
    "fr": "<h2>Vos choix</h2><p>Vous choisissez : sur le mur, ou seulement compter votre voix et "
    "garder votre photo privée. Les sites des partenaires, l’événement du 15 mai et la presse "
    "sont des choix séparés et libres. Avec votre lien personnel, vous les modifiez plus tard."
    "</p><h2>Flouter les visages</h2><p>Vous pouvez flouter les visages avant que la photo ne "
    "quitte votre téléphone, ou nous demander de flouter chaque visage. Un modérateur vérifie."
    "</p><h2>E-mail</h2><p>Si vous laissez une adresse e-mail, nous y envoyons une seule fois "
    "votre lien personnel. Nous ne gardons pas l’adresse.</p><h2>Combien de temps</h2><p>Nous "
    "effaçons votre photo d’origine dès qu’un modérateur a décidé. Une participation refusée est "
    "effacée après 7 jours, une participation inachevée après 30 jours, et tout à la fin de la "
    "campagne. Vous pouvez toujours demander ce que nous conservons sur votre participation.</p>",
    "en": "<h2>Your choices</h2><p>You choose: on the wall, or only count your voice and keep your "
    "photo private. Partners’ websites, the 15 May event and the press are separate, optional "
    "choices. You can change them later with your private link.</p><h2>Blurring faces</h2><p>You "
    "can blur faces before the photo leaves your phone, or ask us to blur every face. A moderator "
    "checks it.</p><h2>E-mail</h2><p>If you leave an e-mail address, we send your private link "
    "there once. We do not keep the address.</p><h2>How long</h2><p>We erase your original photo "
    "as soon as a moderator has decided. A rejected submission is erased after 7 days, an "
    "unfinished one after 30 days, and everything after the campaign. You can always ask what we "
    "keep about your submission.</p>",
    "de": "<h2>Ihre Entscheidungen</h2><p>Sie wählen: an der Mauer, oder nur Ihre Stimme zählen "
    "lassen und Ihr Foto privat halten. Websites der Partner, die Veranstaltung am 15. Mai und die "
    "Presse sind getrennte, freiwillige Entscheidungen. Mit Ihrem persönlichen Link ändern Sie sie "
    "später.</p><h2>Gesichter unkenntlich machen</h2><p>Sie können Gesichter unkenntlich machen, "
    "bevor das Foto Ihr Telefon verlässt, oder uns bitten, jedes Gesicht unkenntlich zu machen. "
    "Eine Moderatorin oder ein Moderator prüft es.</p><h2>E-Mail</h2><p>Wenn Sie eine "
    "E-Mail-Adresse angeben, senden wir Ihren persönlichen Link einmal dorthin. Wir speichern die "
    "Adresse nicht.</p><h2>Wie lange</h2><p>Ihr Originalfoto löschen wir, sobald die Moderation "
    "entschieden hat. Ein abgelehnter Beitrag wird nach 7 Tagen gelöscht, ein unvollständiger "
    "nach 30 Tagen, und nach der Kampagne alles. Sie können jederzeit fragen, was wir über Ihren "
    "Beitrag speichern.</p>",
    "ar": "<h2>اختياراتك</h2><p>أنت تختار: على الجدار، أو أن يُحسب صوتك فقط وتبقى صورتك خاصة. "
    "مواقع المنظمات الشريكة وفعالية 15 مايو والصحافة اختيارات منفصلة وطوعية. يمكنك تغييرها لاحقًا "
    "برابطك الخاص.</p><h2>إخفاء الوجوه</h2><p>يمكنك إخفاء الوجوه قبل أن تغادر الصورة هاتفك، أو أن "
    "تطلب منا إخفاء كل وجه. يتحقق أحد المشرفين من ذلك.</p><h2>البريد الإلكتروني</h2><p>إذا تركت "
    "عنوان بريد إلكتروني، نرسل إليه رابطك الخاص مرة واحدة. لا نحتفظ بالعنوان.</p><h2>إلى متى"
    "</h2><p>نحذف صورتك الأصلية بمجرد أن يقرر المشرف. تُحذف المشاركة المرفوضة بعد 7 أيام، وغير "
    "المكتملة بعد 30 يومًا، وكل شيء بعد انتهاء الحملة. يمكنك دائمًا أن تسأل عمّا نحتفظ به عن "
    "مشاركتك.</p>",
}
for _code, _more in PRIVACY_MORE.items():
    PRIVACY[_code]["body"] += _more
