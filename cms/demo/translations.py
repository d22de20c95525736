"""The demo's translated course: "Partnering under Chapter VIII" in Arabic, French and
Spanish, as the strings a translator enters in wagtail-localize's editor.

Each English string of the course and its modules (as wagtail-localize extracts them:
one per field, list item, paragraph or list entry of rich text) with its translations.
Written with the glossary of the field (README, "Translating a course"): mediation = الوساطة /
médiation / mediación; preventive diplomacy = الدبلوماسية الوقائية / diplomatie
préventive / diplomacia preventiva; early warning = الإنذار المبكر / alerte rapide /
alerta temprana. Plain Python literals only (see FORMAT.md).
"""

COURSE_SLUG = "partnering-under-chapter-viii"
LANGUAGES = ("ar", "es", "fr")

STRINGS = {
    "Partnering under Chapter VIII: UN Cooperation with Regional Organizations": {
        "ar": "الشراكة في إطار الفصل الثامن: تعاون الأمم المتحدة مع المنظمات الإقليمية",
        "es": "Asociación en virtud del Capítulo VIII: la cooperación de las Naciones Unidas con las organizaciones regionales",
        "fr": "Partenariat au titre du Chapitre VIII : la coopération de l’ONU avec les organisations régionales",
    },
    "partnering-under-chapter-viii": {
        "ar": "partnering-under-chapter-viii",
        "es": "partnering-under-chapter-viii",
        "fr": "partnering-under-chapter-viii",
    },
    "An online course on how the UN and regional organizations work together under Chapter VIII of the Charter: the legal basis and history of cooperation, the division of labour between partners, and lessons from joint analysis and joint missions.": {
        "ar": "دورة إلكترونية عن كيفية عمل الأمم المتحدة والمنظمات الإقليمية معًا في إطار الفصل الثامن من الميثاق: الأساس القانوني للتعاون وتاريخه، وتقسيم العمل بين الشركاء، والدروس المستفادة من التحليل المشترك والبعثات المشتركة.",
        "es": "Un curso en línea sobre cómo las Naciones Unidas y las organizaciones regionales trabajan juntas en virtud del Capítulo VIII de la Carta: el fundamento jurídico y la historia de la cooperación, la división del trabajo entre asociados y las lecciones del análisis conjunto y de las misiones conjuntas.",
        "fr": "Un cours en ligne sur la manière dont l’ONU et les organisations régionales travaillent ensemble au titre du Chapitre VIII de la Charte : le fondement juridique et l’histoire de la coopération, la répartition des tâches entre partenaires, et les enseignements de l’analyse conjointe et des missions conjointes.",
    },
    "Participants can explain Chapter VIII of the UN Charter and trace the evolution of UN cooperation with regional organizations.": {
        "ar": "يستطيع المشاركون شرح الفصل الثامن من ميثاق الأمم المتحدة وتتبّع تطوّر تعاون الأمم المتحدة مع المنظمات الإقليمية.",
        "es": "Los participantes pueden explicar el Capítulo VIII de la Carta de las Naciones Unidas y trazar la evolución de la cooperación de las Naciones Unidas con las organizaciones regionales.",
        "fr": "Les participants savent expliquer le Chapitre VIII de la Charte des Nations Unies et retracer l’évolution de la coopération de l’ONU avec les organisations régionales.",
    },
    "Participants can assess the comparative advantages of the UN and regional partners in a given situation and propose a sensible division of labour.": {
        "ar": "يستطيع المشاركون تقييم المزايا النسبية للأمم المتحدة والشركاء الإقليميين في حالة بعينها واقتراح تقسيم معقول للعمل.",
        "es": "Los participantes pueden evaluar las ventajas comparativas de las Naciones Unidas y de los asociados regionales en una situación dada y proponer una división del trabajo sensata.",
        "fr": "Les participants savent évaluer les avantages comparatifs de l’ONU et des partenaires régionaux dans une situation donnée et proposer une répartition des tâches judicieuse.",
    },
    "Participants can apply the concepts of subsidiarity, complementarity and burden sharing critically.": {
        "ar": "يستطيع المشاركون تطبيق مفاهيم التفريع والتكامل وتقاسم الأعباء تطبيقًا نقديًا.",
        "es": "Los participantes pueden aplicar con sentido crítico los conceptos de subsidiariedad, complementariedad y reparto de la carga.",
        "fr": "Les participants savent appliquer avec discernement les notions de subsidiarité, de complémentarité et de partage des charges.",
    },
    "Participants can draw on lessons from joint analysis, joint envoys and joint or hybrid missions when designing cooperation.": {
        "ar": "يستطيع المشاركون الاستفادة من دروس التحليل المشترك والمبعوثين المشتركين والبعثات المشتركة أو المختلطة عند تصميم التعاون.",
        "es": "Los participantes pueden aprovechar las lecciones del análisis conjunto, de los enviados conjuntos y de las misiones conjuntas o híbridas al diseñar la cooperación.",
        "fr": "Les participants savent tirer parti des enseignements de l’analyse conjointe, des envoyés conjoints et des missions conjointes ou hybrides pour concevoir une coopération.",
    },
    "Staff of the United Nations, the League of Arab States, the Organization of American States and other regional and sub-regional organizations who work on political affairs, partnerships, mediation or peace operations, as well as diplomats dealing with regional cooperation in their ministries or permanent missions.": {
        "ar": "موظفو الأمم المتحدة وجامعة الدول العربية ومنظمة الدول الأمريكية وغيرها من المنظمات الإقليمية ودون الإقليمية العاملون في الشؤون السياسية أو الشراكات أو الوساطة أو عمليات السلام، وكذلك الدبلوماسيون الذين يتابعون التعاون الإقليمي في وزاراتهم أو بعثاتهم الدائمة.",
        "es": "Personal de las Naciones Unidas, la Liga de los Estados Árabes, la Organización de los Estados Americanos y otras organizaciones regionales y subregionales que trabaja en asuntos políticos, asociaciones, mediación u operaciones de paz, así como diplomáticos que se ocupan de la cooperación regional en sus ministerios o misiones permanentes.",
        "fr": "Personnel de l’Organisation des Nations Unies, de la Ligue des États arabes, de l’Organisation des États américains et d’autres organisations régionales et sous-régionales chargé des affaires politiques, des partenariats, de la médiation ou des opérations de paix, ainsi que les diplomates qui suivent la coopération régionale dans leur ministère ou leur mission permanente.",
    },
    "Familiarity with the basic structure of the United Nations and of at least one regional organization. Prior completion of <em>Preventive Diplomacy in Practice</em> is helpful but not required.": {
        "ar": "الإلمام بالهيكل الأساسي للأمم المتحدة ولمنظمة إقليمية واحدة على الأقل. ويُستحسن إتمام دورة <em>الدبلوماسية الوقائية في الممارسة العملية</em> قبل ذلك، لكنه ليس شرطًا.",
        "es": "Conocimiento de la estructura básica de las Naciones Unidas y de al menos una organización regional. Haber completado antes el curso <em>La diplomacia preventiva en la práctica</em> es útil, pero no obligatorio.",
        "fr": "Une connaissance de la structure de base de l’Organisation des Nations Unies et d’au moins une organisation régionale. Avoir suivi au préalable le cours <em>La diplomatie préventive en pratique</em> est utile, mais non obligatoire.",
    },
    "The course is self-paced, with three live webinars; participants should allow about five hours per module.": {
        "ar": "يتابع المشاركون الدورة وفق وتيرتهم الخاصة، مع ثلاث ندوات مباشرة عبر الإنترنت؛ وينبغي لهم تخصيص نحو خمس ساعات لكل وحدة.",
        "es": "El curso se sigue al propio ritmo, con tres seminarios web en directo; los participantes deberían prever unas cinco horas por módulo.",
        "fr": "Le cours se suit à son rythme, avec trois webinaires en direct ; les participants devraient prévoir environ cinq heures par module.",
    },
    "Chapter VIII and the evolution of UN–regional cooperation": {
        "ar": "الفصل الثامن وتطوّر التعاون بين الأمم المتحدة والمنظمات الإقليمية",
        "es": "El Capítulo VIII y la evolución de la cooperación entre las Naciones Unidas y las organizaciones regionales",
        "fr": "Le Chapitre VIII et l’évolution de la coopération entre l’ONU et les organisations régionales",
    },
    "chapter-viii-and-the-evolution-of-cooperation": {
        "ar": "chapter-viii-and-the-evolution-of-cooperation",
        "es": "chapter-viii-and-the-evolution-of-cooperation",
        "fr": "chapter-viii-and-the-evolution-of-cooperation",
    },
    "The Charter framework for regional arrangements and how cooperation grew from occasional contact to regular high-level meetings, retreats and structured partnerships.": {
        "ar": "الإطار الذي يضعه الميثاق للتنظيمات الإقليمية، وكيف انتقل التعاون من اتصالات متفرقة إلى اجتماعات منتظمة رفيعة المستوى وخلوات وشراكات منظَّمة.",
        "es": "El marco que la Carta establece para los acuerdos regionales y cómo la cooperación pasó de contactos ocasionales a reuniones periódicas de alto nivel, retiros y asociaciones estructuradas.",
        "fr": "Le cadre que la Charte fixe aux accords régionaux, et comment la coopération est passée de contacts occasionnels à des réunions de haut niveau régulières, des retraites et des partenariats structurés.",
    },
    "Explain Articles 52 to 54 of the Charter and their practical implications.": {
        "ar": "شرح المواد من 52 إلى 54 من الميثاق وآثارها العملية.",
        "es": "Explicar los Artículos 52 a 54 de la Carta y sus consecuencias prácticas.",
        "fr": "Expliquer les Articles 52 à 54 de la Charte et leurs conséquences pratiques.",
    },
    "Trace the main milestones in UN–regional cooperation since the early 1990s.": {
        "ar": "تتبّع أبرز المحطات في التعاون بين الأمم المتحدة والمنظمات الإقليمية منذ مطلع التسعينيات.",
        "es": "Trazar los principales hitos de la cooperación entre las Naciones Unidas y las organizaciones regionales desde principios de los años noventa.",
        "fr": "Retracer les principales étapes de la coopération entre l’ONU et les organisations régionales depuis le début des années 1990.",
    },
    "Describe the purpose of the Secretary-General's high-level meetings and retreats with heads of regional organizations.": {
        "ar": "وصف الغرض من الاجتماعات الرفيعة المستوى والخلوات التي يعقدها الأمين العام مع رؤساء المنظمات الإقليمية.",
        "es": "Describir el propósito de las reuniones de alto nivel y los retiros del Secretario General con los jefes de las organizaciones regionales.",
        "fr": "Décrire l’objet des réunions de haut niveau et des retraites du Secrétaire général avec les chefs des organisations régionales.",
    },
    "Recognise the diversity of regional partners and their founding instruments.": {
        "ar": "إدراك تنوّع الشركاء الإقليميين ووثائقهم التأسيسية.",
        "es": "Reconocer la diversidad de los asociados regionales y de sus instrumentos constitutivos.",
        "fr": "Reconnaître la diversité des partenaires régionaux et de leurs actes constitutifs.",
    },
    "What Chapter VIII says": {
        "ar": "ماذا يقول الفصل الثامن",
        "es": "Qué dice el Capítulo VIII",
        "fr": "Ce que dit le Chapitre VIII",
    },
    "Chapter VIII of the UN Charter recognises regional arrangements and agencies dealing with matters relating to the maintenance of international peace and security, provided their activities are consistent with the purposes and principles of the United Nations. <strong>Article 52</strong> asks their members to make every effort to settle local disputes peacefully through them before referring them to the Security Council, and asks the Council to encourage this. <strong>Article 53</strong> allows the Council to utilise regional arrangements for enforcement action under its authority, while prohibiting enforcement action by them without its authorization. <strong>Article 54</strong> requires that the Council be kept fully informed of their activities.": {
        "ar": "يعترف الفصل الثامن من ميثاق الأمم المتحدة بالتنظيمات أو الوكالات الإقليمية التي تعالج من الأمور المتعلقة بحفظ السلم والأمن الدوليين ما يكون العمل الإقليمي صالحًا فيها، ما دامت أنشطتها متلائمة مع مقاصد الأمم المتحدة ومبادئها. وتطلب <strong>المادة 52</strong> من أعضائها أن يبذلوا كل جهدهم لتدبير الحل السلمي للمنازعات المحلية عن طريق هذه التنظيمات قبل عرضها على مجلس الأمن، وتطلب من المجلس أن يشجّع ذلك. وتتيح <strong>المادة 53</strong> للمجلس أن يستخدم التنظيمات الإقليمية في أعمال القمع تحت إشرافه، مع حظر قيامها بأي عمل من أعمال القمع بغير إذنه. وتوجب <strong>المادة 54</strong> أن يكون المجلس على علم تام بما تقوم به من أعمال.",
        "es": "El Capítulo VIII de la Carta de las Naciones Unidas reconoce los acuerdos u organismos regionales cuyo fin sea entender en los asuntos relativos al mantenimiento de la paz y la seguridad internacionales, siempre que sus actividades sean compatibles con los propósitos y principios de las Naciones Unidas. <strong>El Artículo 52</strong> pide a sus miembros que hagan todos los esfuerzos posibles para lograr el arreglo pacífico de las controversias de carácter local por medio de dichos acuerdos u organismos antes de someterlas al Consejo de Seguridad, y pide al Consejo que promueva esa práctica. <strong>El Artículo 53</strong> permite al Consejo utilizar los acuerdos regionales para aplicar medidas coercitivas bajo su autoridad, pero prohíbe que estos las apliquen sin su autorización. <strong>El Artículo 54</strong> exige que se mantenga al Consejo plenamente informado de sus actividades.",
        "fr": "Le Chapitre VIII de la Charte des Nations Unies reconnaît les accords et organismes régionaux destinés à régler les affaires qui touchent au maintien de la paix et de la sécurité internationales, pourvu que leur activité soit compatible avec les buts et les principes des Nations Unies. <strong>L’Article 52</strong> demande à leurs membres de faire tous leurs efforts pour régler d’une manière pacifique, par leur moyen, les différends d’ordre local avant de les soumettre au Conseil de sécurité, et demande au Conseil d’encourager cette pratique. <strong>L’Article 53</strong> permet au Conseil d’utiliser les accords régionaux pour l’application des mesures coercitives prises sous son autorité, tout en interdisant toute action coercitive de leur part sans son autorisation. <strong>L’Article 54</strong> exige que le Conseil soit tenu pleinement au courant de leur action.",
    },
    "Several organizations anchor themselves explicitly in this framework. The Charter of the Organization of American States (1948) describes the OAS as a regional agency within the United Nations. The Pact of the League of Arab States was signed in March 1945, before the UN Charter, and the League has long cooperated with the UN on issues from Palestine to Libya, Syria and Yemen. The African Union's PSC Protocol and the OSCE's 1992 Helsinki Document also refer to Chapter VIII. Other partners, such as the European Union, cooperate with the UN on the basis of their own treaties and joint commitments.": {
        "ar": "وتستند منظمات عدة صراحةً إلى هذا الإطار. فميثاق منظمة الدول الأمريكية (1948) يصف المنظمة بأنها وكالة إقليمية في إطار الأمم المتحدة. ووُقّع ميثاق جامعة الدول العربية في آذار/مارس 1945، قبل ميثاق الأمم المتحدة، وتتعاون الجامعة منذ زمن طويل مع الأمم المتحدة في قضايا تمتد من فلسطين إلى ليبيا وسوريا واليمن. ويشير كذلك بروتوكول مجلس السلم والأمن التابع للاتحاد الأفريقي ووثيقة هلسنكي لمنظمة الأمن والتعاون في أوروبا (1992) إلى الفصل الثامن. ويتعاون شركاء آخرون، مثل الاتحاد الأوروبي، مع الأمم المتحدة على أساس معاهداتهم الخاصة والتزامات مشتركة.",
        "es": "Varias organizaciones se anclan expresamente en este marco. La Carta de la Organización de los Estados Americanos (1948) define a la OEA como un organismo regional dentro de las Naciones Unidas. El Pacto de la Liga de los Estados Árabes se firmó en marzo de 1945, antes que la Carta de las Naciones Unidas, y la Liga coopera desde hace mucho con las Naciones Unidas en asuntos que van de Palestina a Libia, Siria y el Yemen. El Protocolo relativo al Consejo de Paz y Seguridad de la Unión Africana y el Documento de Helsinki de la OSCE (1992) también remiten al Capítulo VIII. Otros asociados, como la Unión Europea, cooperan con las Naciones Unidas sobre la base de sus propios tratados y de compromisos conjuntos.",
        "fr": "Plusieurs organisations s’ancrent explicitement dans ce cadre. La Charte de l’Organisation des États américains (1948) présente l’OEA comme un organisme régional au sein des Nations Unies. Le Pacte de la Ligue des États arabes a été signé en mars 1945, avant la Charte des Nations Unies, et la Ligue coopère de longue date avec l’ONU sur des dossiers allant de la Palestine à la Libye, à la Syrie et au Yémen. Le Protocole relatif au Conseil de paix et de sécurité de l’Union africaine et le Document d’Helsinki de l’OSCE (1992) renvoient eux aussi au Chapitre VIII. D’autres partenaires, comme l’Union européenne, coopèrent avec l’ONU sur la base de leurs propres traités et d’engagements communs.",
    },
    "From cautious coexistence to structured partnership": {
        "ar": "من التعايش الحذر إلى الشراكة المنظَّمة",
        "es": "De la coexistencia cautelosa a la asociación estructurada",
        "fr": "De la coexistence prudente au partenariat structuré",
    },
    "During the Cold War, cooperation was limited and sometimes competitive, with debates over whether regional bodies or the Security Council should handle particular disputes. The end of the Cold War changed this. In <em>An Agenda for Peace</em> (1992), Secretary-General Boutros Boutros-Ghali devoted a chapter to regional arrangements, and the 1995 <em>Supplement to An Agenda for Peace</em> identified five forms of cooperation: consultation, diplomatic support, operational support, co-deployment and joint operations. The General Assembly adopted the Declaration on the Enhancement of Cooperation between the United Nations and Regional Arrangements or Agencies in 1994 (resolution 49/57).": {
        "ar": "خلال الحرب الباردة كان التعاون محدودًا وتنافسيًا أحيانًا، وكان الجدل يدور حول ما إذا كانت نزاعات بعينها من اختصاص الهيئات الإقليمية أم مجلس الأمن. وغيّرت نهاية الحرب الباردة ذلك. ففي <em>خطة للسلام</em> (1992) خصّص الأمين العام بطرس بطرس غالي فصلًا للتنظيمات الإقليمية، وحدّد <em>ملحق خطة للسلام</em> الصادر عام 1995 خمسة أشكال للتعاون: التشاور، والدعم الدبلوماسي، والدعم التشغيلي، والنشر المشترك، والعمليات المشتركة. واعتمدت الجمعية العامة في عام 1994 الإعلان المتعلق بتعزيز التعاون بين الأمم المتحدة والترتيبات أو الوكالات الإقليمية (القرار 49/57).",
        "es": "Durante la Guerra Fría, la cooperación fue limitada y a veces competitiva, con debates sobre si determinadas controversias debían tratarlas los organismos regionales o el Consejo de Seguridad. El fin de la Guerra Fría cambió la situación. En <em>Un programa de paz</em> (1992), el Secretario General Boutros Boutros-Ghali dedicó un capítulo a los acuerdos regionales, y el <em>Suplemento de «Un programa de paz»</em> de 1995 identificó cinco formas de cooperación: consultas, apoyo diplomático, apoyo operacional, despliegue conjunto y operaciones conjuntas. La Asamblea General aprobó en 1994 la Declaración sobre el mejoramiento de la cooperación entre las Naciones Unidas y los acuerdos u organismos regionales (resolución 49/57).",
        "fr": "Pendant la guerre froide, la coopération était limitée et parfois concurrente, et l’on débattait de la question de savoir si tel différend relevait des organismes régionaux ou du Conseil de sécurité. La fin de la guerre froide a changé la donne. Dans l’<em>Agenda pour la paix</em> (1992), le Secrétaire général Boutros Boutros-Ghali a consacré un chapitre aux accords régionaux, et le <em>Supplément à l’Agenda pour la paix</em> de 1995 a distingué cinq formes de coopération : la consultation, l’appui diplomatique, l’appui opérationnel, le codéploiement et les opérations conjointes. L’Assemblée générale a adopté en 1994 la Déclaration sur le renforcement de la coopération entre l’Organisation des Nations Unies et les accords ou organismes régionaux (résolution 49/57).",
    },
    "The Security Council adopted its first resolution devoted to cooperation with regional organizations, resolution 1631, in 2005, and has since held regular debates on the subject, including resolution 2033 (2012) with its particular focus on the African Union. The General Assembly regularly adopts resolutions on cooperation with individual organizations, including the League of Arab States and the OAS, and the Secretary-General reports periodically on the state of these partnerships.": {
        "ar": "واعتمد مجلس الأمن في عام 2005 أول قرار له مخصَّص للتعاون مع المنظمات الإقليمية، وهو القرار 1631، ويعقد منذ ذلك الحين مناقشات منتظمة في هذا الشأن، منها القرار 2033 (2012) الذي يركّز بوجه خاص على الاتحاد الأفريقي. وتعتمد الجمعية العامة بانتظام قرارات بشأن التعاون مع منظمات بعينها، منها جامعة الدول العربية ومنظمة الدول الأمريكية، ويقدّم الأمين العام تقارير دورية عن حالة هذه الشراكات.",
        "es": "El Consejo de Seguridad aprobó en 2005 su primera resolución dedicada a la cooperación con las organizaciones regionales, la resolución 1631, y desde entonces celebra debates periódicos sobre el tema, entre ellos el que dio lugar a la resolución 2033 (2012), centrada en la Unión Africana. La Asamblea General aprueba periódicamente resoluciones sobre la cooperación con distintas organizaciones, entre ellas la Liga de los Estados Árabes y la OEA, y el Secretario General informa periódicamente sobre el estado de estas asociaciones.",
        "fr": "Le Conseil de sécurité a adopté en 2005 sa première résolution consacrée à la coopération avec les organisations régionales, la résolution 1631, et tient depuis des débats réguliers sur ce sujet ; la résolution 2033 (2012) porte en particulier sur l’Union africaine. L’Assemblée générale adopte régulièrement des résolutions sur la coopération avec telle ou telle organisation, dont la Ligue des États arabes et l’OEA, et le Secrétaire général fait périodiquement rapport sur l’état de ces partenariats.",
    },
    "High-level meetings and retreats": {
        "ar": "الاجتماعات الرفيعة المستوى والخلوات",
        "es": "Reuniones de alto nivel y retiros",
        "fr": "Réunions de haut niveau et retraites",
    },
    "Since 1994, Secretaries-General have convened a series of high-level meetings and, more recently, retreats with the heads of regional and other intergovernmental organizations, with support from the department responsible for political affairs. The retreat held in May 2015 is one example. These gatherings serve several purposes:": {
        "ar": "منذ عام 1994 يعقد الأمناء العامون، بدعم من الإدارة المسؤولة عن الشؤون السياسية، سلسلة من الاجتماعات الرفيعة المستوى، ومؤخرًا خلوات، مع رؤساء المنظمات الإقليمية وغيرها من المنظمات الحكومية الدولية. والخلوة التي عُقدت في أيار/مايو 2015 مثال على ذلك. وتخدم هذه اللقاءات أغراضًا عدة:",
        "es": "Desde 1994, los Secretarios Generales han convocado, con el apoyo del departamento encargado de los asuntos políticos, una serie de reuniones de alto nivel y, más recientemente, retiros con los jefes de las organizaciones regionales y de otras organizaciones intergubernamentales. El retiro celebrado en mayo de 2015 es un ejemplo. Estos encuentros cumplen varios propósitos:",
        "fr": "Depuis 1994, les Secrétaires généraux réunissent, avec l’appui du département chargé des affaires politiques, les chefs des organisations régionales et d’autres organisations intergouvernementales, d’abord lors de réunions de haut niveau, plus récemment lors de retraites. La retraite de mai 2015 en est un exemple. Ces rencontres répondent à plusieurs objectifs :",
    },
    "building mutual understanding of mandates, decision-making and constraints at the top of each organization;": {
        "ar": "بناء فهم متبادل للولايات وعمليات صنع القرار والقيود على مستوى قيادة كل منظمة؛",
        "es": "fomentar el entendimiento mutuo de los mandatos, la toma de decisiones y las limitaciones en la cúpula de cada organización;",
        "fr": "mieux se comprendre au sommet de chaque organisation : mandats, modes de décision et contraintes ;",
    },
    "exchanging views on operational imperatives in shared crises;": {
        "ar": "تبادل الآراء بشأن الضرورات التشغيلية في الأزمات المشتركة؛",
        "es": "intercambiar opiniones sobre los imperativos operacionales en crisis compartidas;",
        "fr": "échanger sur les impératifs opérationnels des crises communes ;",
    },
    "discussing broader strategic challenges, such as prevention, terrorism, climate-related security risks or the women, peace and security agenda;": {
        "ar": "مناقشة تحديات استراتيجية أوسع، مثل الوقاية والإرهاب والمخاطر الأمنية المرتبطة بالمناخ وخطة المرأة والسلام والأمن؛",
        "es": "debatir desafíos estratégicos más amplios, como la prevención, el terrorismo, los riesgos para la seguridad relacionados con el clima o la agenda sobre las mujeres y la paz y la seguridad;",
        "fr": "débattre de défis stratégiques plus larges, tels que la prévention, le terrorisme, les risques sécuritaires liés au climat ou le programme pour les femmes et la paix et la sécurité ;",
    },
    "agreeing follow-up at working level, including desk-to-desk dialogues and staff training.": {
        "ar": "الاتفاق على المتابعة على مستوى العمل، بما في ذلك الحوارات بين المكاتب النظيرة وتدريب الموظفين.",
        "es": "acordar el seguimiento a nivel de trabajo, incluidos los diálogos entre oficinas homólogas y la capacitación del personal.",
        "fr": "convenir d’un suivi au niveau opérationnel, notamment par des dialogues entre services homologues et la formation du personnel.",
    },
    "Their value depends on follow-through. Without working-level mechanisms to carry conclusions forward, high-level meetings risk becoming symbolic.": {
        "ar": "وتتوقف قيمتها على المتابعة. فمن دون آليات على مستوى العمل تحمل الاستنتاجات إلى التنفيذ، تظل الاجتماعات الرفيعة المستوى عرضة لأن تصبح رمزية.",
        "es": "Su valor depende del seguimiento. Sin mecanismos a nivel de trabajo que lleven adelante las conclusiones, las reuniones de alto nivel corren el riesgo de quedarse en lo simbólico.",
        "fr": "Leur valeur dépend du suivi. Sans mécanismes au niveau opérationnel pour donner suite aux conclusions, les réunions de haut niveau risquent de rester symboliques.",
    },
    "Planning a retreat with heads of regional organizations: a fictional exercise": {
        "ar": "التخطيط لخلوة مع رؤساء المنظمات الإقليمية: تمرين افتراضي",
        "es": "Planificar un retiro con los jefes de las organizaciones regionales: un ejercicio ficticio",
        "fr": "Préparer une retraite avec les chefs des organisations régionales : un exercice fictif",
    },
    "In this fictional exercise, you are part of a small DPPA team preparing a one-day retreat between the Secretary-General and the heads of eight regional organizations. The organizations differ widely: some have peace operations, others focus on dialogue and economic integration; some member States are wary of any perception that the UN sets the agenda. Two heads of organization have asked for a session on a crisis in which their organizations disagree about who should lead. The Secretary-General's office wants concrete outcomes rather than speeches.": {
        "ar": "في هذا التمرين الافتراضي، أنت عضو في فريق صغير من إدارة الشؤون السياسية وبناء السلام يُعدّ لخلوة مدتها يوم واحد بين الأمين العام ورؤساء ثماني منظمات إقليمية. وتتباين هذه المنظمات تباينًا كبيرًا: فبعضها لديه عمليات سلام، وبعضها يركّز على الحوار والتكامل الاقتصادي؛ وبعض الدول الأعضاء تتحسّس من أي انطباع بأن الأمم المتحدة هي التي تحدّد جدول الأعمال. وطلب رئيسا منظمتين عقد جلسة بشأن أزمة تختلف منظمتاهما حول من ينبغي أن يتولى القيادة فيها. ويريد مكتب الأمين العام نتائج ملموسة لا خطبًا.",
        "es": "En este ejercicio ficticio, usted forma parte de un pequeño equipo del DPPA que prepara un retiro de un día entre el Secretario General y los jefes de ocho organizaciones regionales. Las organizaciones son muy distintas: algunas tienen operaciones de paz, otras se centran en el diálogo y la integración económica; algunos Estados miembros recelan de cualquier impresión de que las Naciones Unidas fijan la agenda. Dos jefes de organización han pedido una sesión sobre una crisis en la que sus organizaciones no se ponen de acuerdo sobre quién debe liderar. La oficina del Secretario General quiere resultados concretos, no discursos.",
        "fr": "Dans cet exercice fictif, vous faites partie d’une petite équipe du DPPA qui prépare une retraite d’une journée entre le Secrétaire général et les chefs de huit organisations régionales. Ces organisations sont très différentes : certaines ont des opérations de paix, d’autres se consacrent au dialogue et à l’intégration économique ; certains États membres se méfient de toute impression que l’ONU fixe l’ordre du jour. Deux chefs d’organisation ont demandé une séance sur une crise dans laquelle leurs organisations ne s’entendent pas sur qui doit mener. Le cabinet du Secrétaire général veut des résultats concrets plutôt que des discours.",
    },
    "What three agenda items would you propose, and why?": {
        "ar": "ما البنود الثلاثة التي تقترحها لجدول الأعمال، ولماذا؟",
        "es": "¿Qué tres puntos propondría para el orden del día, y por qué?",
        "fr": "Quels trois points proposeriez-vous d’inscrire à l’ordre du jour, et pourquoi ?",
    },
    "How would you handle the request to discuss a contested crisis?": {
        "ar": "كيف تتعامل مع طلب مناقشة أزمة مختلَف عليها؟",
        "es": "¿Cómo trataría la petición de debatir una crisis disputada?",
        "fr": "Comment traiteriez-vous la demande de débattre d’une crise contestée ?",
    },
    "What outcome document or follow-up mechanism would make the retreat useful a year later?": {
        "ar": "ما الوثيقة الختامية أو آلية المتابعة التي تجعل الخلوة مفيدة بعد عام؟",
        "es": "¿Qué documento final o mecanismo de seguimiento haría que el retiro siguiera siendo útil un año después?",
        "fr": "Quel document final ou quel mécanisme de suivi rendrait la retraite encore utile un an plus tard ?",
    },
    "Does Article 52 give regional organizations priority, or only encourage them to try first?": {
        "ar": "هل تمنح المادة 52 المنظمات الإقليمية الأولوية، أم تكتفي بتشجيعها على المحاولة أولًا؟",
        "es": "¿Da el Artículo 52 prioridad a las organizaciones regionales, o solo las anima a intentarlo primero?",
        "fr": "L’Article 52 donne-t-il la priorité aux organisations régionales, ou les encourage-t-il seulement à essayer d’abord ?",
    },
    "How has your organization's relationship with the UN changed over the past decade?": {
        "ar": "كيف تغيّرت علاقة منظمتك بالأمم المتحدة خلال العقد الماضي؟",
        "es": "¿Cómo ha cambiado la relación de su organización con las Naciones Unidas en la última década?",
        "fr": "Comment la relation de votre organisation avec l’ONU a-t-elle évolué au cours des dix dernières années ?",
    },
    "What makes a high-level meeting between organizations more than symbolic?": {
        "ar": "ما الذي يجعل اجتماعًا رفيع المستوى بين المنظمات أكثر من مجرد رمز؟",
        "es": "¿Qué hace que una reunión de alto nivel entre organizaciones sea algo más que simbólica?",
        "fr": "Qu’est-ce qui fait d’une réunion de haut niveau entre organisations autre chose qu’un symbole ?",
    },
    "Chapter VIII encourages regional settlement of local disputes while reserving enforcement authorization to the Security Council.": {
        "ar": "يشجّع الفصل الثامن التسوية الإقليمية للمنازعات المحلية، مع إبقاء الإذن بأعمال القمع بيد مجلس الأمن.",
        "es": "El Capítulo VIII alienta el arreglo regional de las controversias locales, pero reserva al Consejo de Seguridad la autorización de medidas coercitivas.",
        "fr": "Le Chapitre VIII encourage le règlement régional des différends d’ordre local tout en réservant au Conseil de sécurité l’autorisation des mesures coercitives.",
    },
    "Cooperation expanded after 1992, framed by An Agenda for Peace, its 1995 Supplement and resolution 49/57.": {
        "ar": "اتسع التعاون بعد عام 1992 في إطار خطة للسلام وملحقها الصادر عام 1995 والقرار 49/57.",
        "es": "La cooperación se amplió a partir de 1992, en el marco de Un programa de paz, su Suplemento de 1995 y la resolución 49/57.",
        "fr": "La coopération s’est développée après 1992, dans le cadre de l’Agenda pour la paix, de son Supplément de 1995 et de la résolution 49/57.",
    },
    "Security Council resolutions 1631 (2005) and 2033 (2012) mark the Council's growing attention to partnerships.": {
        "ar": "يدلّ قرارا مجلس الأمن 1631 (2005) و2033 (2012) على تزايد اهتمام المجلس بالشراكات.",
        "es": "Las resoluciones 1631 (2005) y 2033 (2012) del Consejo de Seguridad marcan la creciente atención del Consejo a las asociaciones.",
        "fr": "Les résolutions 1631 (2005) et 2033 (2012) du Conseil de sécurité marquent l’attention croissante du Conseil pour les partenariats.",
    },
    "High-level meetings and retreats matter when they are tied to working-level follow-up.": {
        "ar": "تكتسب الاجتماعات الرفيعة المستوى والخلوات أهميتها حين ترتبط بمتابعة على مستوى العمل.",
        "es": "Las reuniones de alto nivel y los retiros importan cuando están vinculados a un seguimiento a nivel de trabajo.",
        "fr": "Les réunions de haut niveau et les retraites comptent lorsqu’elles sont rattachées à un suivi au niveau opérationnel.",
    },
    "Charter of the United Nations": {
        "ar": "ميثاق الأمم المتحدة",
        "es": "Carta de las Naciones Unidas",
        "fr": "Charte des Nations Unies",
    },
    "United Nations": {
        "ar": "الأمم المتحدة",
        "es": "Naciones Unidas",
        "fr": "Organisation des Nations Unies",
    },
    "Supplement to An Agenda for Peace (A/50/60-S/1995/1)": {
        "ar": "ملحق خطة للسلام (A/50/60-S/1995/1)",
        "es": "Suplemento de «Un programa de paz» (A/50/60-S/1995/1)",
        "fr": "Supplément à l’Agenda pour la paix (A/50/60-S/1995/1)",
    },
    "General Assembly resolution 49/57: Declaration on the Enhancement of Cooperation between the United Nations and Regional Arrangements or Agencies in the Maintenance of International Peace and Security": {
        "ar": "قرار الجمعية العامة 49/57: الإعلان المتعلق بتعزيز التعاون بين الأمم المتحدة والترتيبات أو الوكالات الإقليمية في مجال صون السلم والأمن الدوليين",
        "es": "Resolución 49/57 de la Asamblea General: Declaración sobre el mejoramiento de la cooperación entre las Naciones Unidas y los acuerdos u organismos regionales en el mantenimiento de la paz y la seguridad internacionales",
        "fr": "Résolution 49/57 de l’Assemblée générale : Déclaration sur le renforcement de la coopération entre l’Organisation des Nations Unies et les accords ou organismes régionaux dans le domaine du maintien de la paix et de la sécurité internationales",
    },
    "United Nations General Assembly": {
        "ar": "الجمعية العامة للأمم المتحدة",
        "es": "Asamblea General de las Naciones Unidas",
        "fr": "Assemblée générale des Nations Unies",
    },
    "Security Council resolution 1631 (2005)": {
        "ar": "قرار مجلس الأمن 1631 (2005)",
        "es": "Resolución 1631 (2005) del Consejo de Seguridad",
        "fr": "Résolution 1631 (2005) du Conseil de sécurité",
    },
    "United Nations Security Council": {
        "ar": "مجلس الأمن التابع للأمم المتحدة",
        "es": "Consejo de Seguridad de las Naciones Unidas",
        "fr": "Conseil de sécurité des Nations Unies",
    },
    "Comparative advantages and division of labour: subsidiarity and burden sharing": {
        "ar": "المزايا النسبية وتقسيم العمل: التفريع وتقاسم الأعباء",
        "es": "Ventajas comparativas y división del trabajo: subsidiariedad y reparto de la carga",
        "fr": "Avantages comparatifs et répartition des tâches : subsidiarité et partage des charges",
    },
    "comparative-advantages-and-division-of-labour": {
        "ar": "comparative-advantages-and-division-of-labour",
        "es": "comparative-advantages-and-division-of-labour",
        "fr": "comparative-advantages-and-division-of-labour",
    },
    "What the UN and regional organizations each bring, how to decide who leads, and how to share costs and risks fairly.": {
        "ar": "ما يقدّمه كلٌّ من الأمم المتحدة والمنظمات الإقليمية، وكيف يُحسم من يتولى القيادة، وكيف تُتقاسم التكاليف والمخاطر بإنصاف.",
        "es": "Lo que aportan las Naciones Unidas y las organizaciones regionales, cómo decidir quién lidera y cómo repartir los costos y los riesgos de manera equitativa.",
        "fr": "Ce que l’ONU et les organisations régionales apportent chacune, comment décider qui mène, et comment partager équitablement les coûts et les risques.",
    },
    "Identify the typical comparative advantages and limitations of the UN and of regional and sub-regional organizations.": {
        "ar": "تحديد المزايا النسبية والقيود المعتادة للأمم المتحدة وللمنظمات الإقليمية ودون الإقليمية.",
        "es": "Identificar las ventajas comparativas y las limitaciones habituales de las Naciones Unidas y de las organizaciones regionales y subregionales.",
        "fr": "Identifier les avantages comparatifs et les limites habituels de l’ONU et des organisations régionales et sous-régionales.",
    },
    "Apply subsidiarity and complementarity critically to a concrete case.": {
        "ar": "تطبيق مبدأي التفريع والتكامل تطبيقًا نقديًا على حالة ملموسة.",
        "es": "Aplicar con sentido crítico la subsidiariedad y la complementariedad a un caso concreto.",
        "fr": "Appliquer avec discernement la subsidiarité et la complémentarité à un cas concret.",
    },
    "Explain the main debates on burden sharing and financing.": {
        "ar": "شرح أبرز النقاشات حول تقاسم الأعباء والتمويل.",
        "es": "Explicar los principales debates sobre el reparto de la carga y la financiación.",
        "fr": "Expliquer les principaux débats sur le partage des charges et le financement.",
    },
    "Propose a division of labour with clear lead and support roles.": {
        "ar": "اقتراح تقسيم للعمل بأدوار قيادة ودعم واضحة.",
        "es": "Proponer una división del trabajo con funciones de liderazgo y de apoyo claramente definidas.",
        "fr": "Proposer une répartition des tâches avec des rôles de chef de file et d’appui clairement définis.",
    },
    "What each partner brings": {
        "ar": "ما يقدّمه كل شريك",
        "es": "Lo que aporta cada asociado",
        "fr": "Ce que chaque partenaire apporte",
    },
    "<strong>Regional and sub-regional organizations</strong> often bring proximity, detailed knowledge of actors and history, shared language and culture, and a direct stake in the outcome. They can apply peer pressure among neighbours and invoke their own norms, such as the AU's rejection of unconstitutional changes of government or the OAS's Inter-American Democratic Charter (2001). Some can deploy quickly. Their limitations mirror their strengths: neighbours may be parties to the conflict or have economic and security interests in it, consensus may be hard to reach, and capacity and funding are often thin.": {
        "ar": "كثيرًا ما تقدّم <strong>المنظمات الإقليمية ودون الإقليمية</strong> القرب، ومعرفة تفصيلية بالجهات الفاعلة وبالتاريخ، ولغة وثقافة مشتركتين، ومصلحة مباشرة في النتيجة. ويمكنها ممارسة ضغط الأقران بين الجيران والاحتجاج بمعاييرها الخاصة، مثل رفض الاتحاد الأفريقي للتغييرات غير الدستورية للحكومات أو الميثاق الديمقراطي للبلدان الأمريكية لمنظمة الدول الأمريكية (2001). ويستطيع بعضها الانتشار بسرعة. وقيودها وجهٌ آخر لمواطن قوتها: فقد يكون الجيران أطرافًا في النزاع أو لهم فيه مصالح اقتصادية وأمنية، وقد يصعب التوصل إلى توافق، وكثيرًا ما تكون القدرات والتمويل شحيحة.",
        "es": "<strong>Las organizaciones regionales y subregionales</strong> suelen aportar proximidad, un conocimiento detallado de los actores y de la historia, una lengua y una cultura compartidas y un interés directo en el resultado. Pueden ejercer presión entre pares sobre sus vecinos e invocar sus propias normas, como el rechazo de la UA a los cambios inconstitucionales de gobierno o la Carta Democrática Interamericana de la OEA (2001). Algunas pueden desplegarse con rapidez. Sus limitaciones son el reflejo de sus fortalezas: los vecinos pueden ser partes en el conflicto o tener intereses económicos y de seguridad en él, el consenso puede ser difícil de alcanzar y la capacidad y la financiación suelen ser escasas.",
        "fr": "<strong>Les organisations régionales et sous-régionales</strong> apportent souvent la proximité, une connaissance fine des acteurs et de l’histoire, une langue et une culture communes, et un intérêt direct à l’issue. Elles peuvent exercer la pression des pairs entre voisins et invoquer leurs propres normes, comme le rejet par l’UA des changements anticonstitutionnels de gouvernement ou la Charte démocratique interaméricaine de l’OEA (2001). Certaines peuvent se déployer rapidement. Leurs limites sont le revers de leurs forces : des voisins peuvent être parties au conflit ou y avoir des intérêts économiques et sécuritaires, le consensus peut être difficile à atteindre, et les capacités comme les financements sont souvent minces.",
    },
    "The <strong>United Nations</strong> brings universality and a degree of distance, the authority of the Security Council, the Secretary-General's good offices, and a system that spans humanitarian action, development, human rights and electoral assistance. It also has established mediation support capacity and assessed financing for its own operations. Its limitations include slower decision-making, divisions among Council members and a sometimes distant understanding of local dynamics.": {
        "ar": "وتقدّم <strong>الأمم المتحدة</strong> العالمية وقدرًا من المسافة، وسلطة مجلس الأمن، والمساعي الحميدة للأمين العام، ومنظومةً تشمل العمل الإنساني والتنمية وحقوق الإنسان والمساعدة الانتخابية. ولديها أيضًا قدرة راسخة على دعم الوساطة وأنصبة مقررة لتمويل عملياتها. ومن قيودها بطء صنع القرار، والانقسامات بين أعضاء المجلس، وفهم للديناميات المحلية يكون بعيدًا أحيانًا.",
        "es": "<strong>Las Naciones Unidas</strong> aportan universalidad y cierta distancia, la autoridad del Consejo de Seguridad, los buenos oficios del Secretario General y un sistema que abarca la acción humanitaria, el desarrollo, los derechos humanos y la asistencia electoral. También cuentan con una capacidad consolidada de apoyo a la mediación y con cuotas prorrateadas para sus propias operaciones. Entre sus limitaciones figuran una toma de decisiones más lenta, las divisiones entre los miembros del Consejo y una comprensión a veces lejana de las dinámicas locales.",
        "fr": "<strong>L’Organisation des Nations Unies</strong> apporte l’universalité et une certaine distance, l’autorité du Conseil de sécurité, les bons offices du Secrétaire général, et un système qui couvre l’action humanitaire, le développement, les droits de l’homme et l’assistance électorale. Elle dispose aussi d’une capacité d’appui à la médiation éprouvée et de contributions statutaires pour ses propres opérations. Ses limites tiennent à une prise de décision plus lente, aux divisions entre membres du Conseil et à une compréhension parfois lointaine des dynamiques locales.",
    },
    "Subsidiarity and complementarity": {
        "ar": "التفريع والتكامل",
        "es": "Subsidiariedad y complementariedad",
        "fr": "Subsidiarité et complémentarité",
    },
    "<strong>Subsidiarity</strong> holds that problems should be addressed at the level closest to them that can deal with them effectively. In Africa, the principle shapes relations between the AU and the Regional Economic Communities, alongside complementarity and comparative advantage. Applied to the UN, it suggests supporting regional leadership where the regional body is capable and accepted by the parties.": {
        "ar": "يقضي مبدأ <strong>التفريع</strong> بمعالجة المشكلات على أقرب مستوى إليها قادر على التعامل معها بفعالية. وفي أفريقيا يحكم هذا المبدأ، إلى جانب التكامل والميزة النسبية، العلاقات بين الاتحاد الأفريقي والجماعات الاقتصادية الإقليمية. وحين يُطبَّق على الأمم المتحدة، فإنه يدعو إلى دعم القيادة الإقليمية حيثما كانت الهيئة الإقليمية قادرة ومقبولة لدى الأطراف.",
        "es": "<strong>La subsidiariedad</strong> sostiene que los problemas deben abordarse en el nivel más cercano a ellos que pueda tratarlos con eficacia. En África, este principio orienta, junto con la complementariedad y la ventaja comparativa, las relaciones entre la UA y las comunidades económicas regionales. Aplicado a las Naciones Unidas, sugiere apoyar el liderazgo regional cuando el organismo regional tiene la capacidad necesaria y cuenta con la aceptación de las partes.",
        "fr": "<strong>La subsidiarité</strong> veut que les problèmes soient traités au niveau le plus proche qui soit en mesure de les régler efficacement. En Afrique, ce principe structure, avec la complémentarité et l’avantage comparatif, les relations entre l’UA et les communautés économiques régionales. Appliqué à l’ONU, il invite à soutenir le leadership régional lorsque l’organisme régional en a la capacité et qu’il est accepté par les parties.",
    },
    "Subsidiarity is a guide, not an automatic rule. Where the regional organization is divided, where a powerful member is a party, or where the crisis has effects beyond the region, a higher level may be better placed. Several organizations may also claim the lead, and parties may <em>forum-shop</em> among them. <strong>Complementarity</strong> is a more practical test: who can do what best, and how do the pieces fit into one strategy? Useful questions include: which organization has the trust of the main parties; who has the relevant norms and tools; who can sustain engagement; and who will bear the political risk?": {
        "ar": "التفريع دليلٌ لا قاعدة تلقائية. فحين تكون المنظمة الإقليمية منقسمة، أو يكون عضو نافذ طرفًا في النزاع، أو تمتد آثار الأزمة إلى ما وراء الإقليم، قد يكون مستوى أعلى في وضع أفضل. وقد تطالب منظمات عدة بالقيادة، وقد <em>تتنقّل الأطراف بين المنتديات</em> بحثًا عن الأنسب لها. أما <strong>التكامل</strong> فاختبار أكثر عملية: من يستطيع أن يؤدي ماذا على أفضل وجه، وكيف تنتظم العناصر في استراتيجية واحدة؟ ومن الأسئلة المفيدة: أي منظمة تحظى بثقة الأطراف الرئيسية؛ ومن يملك المعايير والأدوات ذات الصلة؛ ومن يستطيع مواصلة الانخراط؛ ومن سيتحمّل المخاطر السياسية؟",
        "es": "La subsidiariedad es una guía, no una regla automática. Cuando la organización regional está dividida, cuando un miembro poderoso es parte en el conflicto o cuando la crisis tiene efectos más allá de la región, un nivel superior puede estar en mejor posición. Además, varias organizaciones pueden reclamar el liderazgo, y las partes pueden <em>elegir el foro</em> que más les convenga. <strong>La complementariedad</strong> es una prueba más práctica: ¿quién puede hacer mejor qué, y cómo encajan las piezas en una sola estrategia? Algunas preguntas útiles: ¿qué organización tiene la confianza de las principales partes?, ¿quién dispone de las normas y herramientas pertinentes?, ¿quién puede sostener su compromiso?, y ¿quién asumirá el riesgo político?",
        "fr": "La subsidiarité est un guide, non une règle automatique. Lorsque l’organisation régionale est divisée, lorsqu’un membre puissant est partie au conflit, ou lorsque la crise a des effets au-delà de la région, un niveau supérieur peut être mieux placé. Plusieurs organisations peuvent aussi revendiquer la direction, et les parties peuvent <em>choisir le forum</em> qui leur convient. <strong>La complémentarité</strong> est un critère plus pratique : qui peut faire quoi le mieux, et comment les éléments s’articulent-ils en une seule stratégie ? Quelques questions utiles : quelle organisation a la confiance des principales parties ; qui dispose des normes et des outils pertinents ; qui peut maintenir son engagement dans la durée ; et qui portera le risque politique ?",
    },
    "Burden sharing and financing": {
        "ar": "تقاسم الأعباء والتمويل",
        "es": "Reparto de la carga y financiación",
        "fr": "Partage des charges et financement",
    },
    "Burden sharing concerns not only money but also political risk, personnel and responsibility for results. African partners have long argued that when the AU deploys on behalf of the international community, it should not bear the costs alone. The 2008 AU–UN panel chaired by Romano Prodi and the 2015 High-Level Independent Panel on Peace Operations examined these questions, and in resolution 2719 (2023) the Security Council established a framework under which AU-led peace support operations it authorizes may, case by case, draw on UN assessed contributions. Outside peace operations, burden sharing includes joint funding of mediation, shared analysis and pooled expertise.": {
        "ar": "لا يقتصر تقاسم الأعباء على المال، بل يشمل أيضًا المخاطر السياسية والأفراد والمسؤولية عن النتائج. ويحتجّ الشركاء الأفارقة منذ زمن بأن الاتحاد الأفريقي حين ينتشر نيابةً عن المجتمع الدولي لا ينبغي أن يتحمّل التكاليف وحده. وقد بحث هذه المسائل الفريق المشترك بين الاتحاد الأفريقي والأمم المتحدة برئاسة رومانو برودي في عام 2008، والفريق المستقل الرفيع المستوى المعني بعمليات السلام في عام 2015، وأنشأ مجلس الأمن بقراره 2719 (2023) إطارًا يتيح لعمليات دعم السلام التي يقودها الاتحاد الأفريقي ويأذن بها المجلس أن تستفيد، على أساس كل حالة على حدة، من الأنصبة المقررة للأمم المتحدة. وخارج عمليات السلام، يشمل تقاسم الأعباء التمويل المشترك للوساطة، والتحليل المشترك، وتجميع الخبرات.",
        "es": "El reparto de la carga no se refiere solo al dinero, sino también al riesgo político, al personal y a la responsabilidad por los resultados. Los asociados africanos sostienen desde hace tiempo que, cuando la UA se despliega en nombre de la comunidad internacional, no debería asumir sola los costos. El grupo UA-Naciones Unidas presidido por Romano Prodi en 2008 y el Grupo Independiente de Alto Nivel sobre las Operaciones de Paz en 2015 examinaron estas cuestiones, y en la resolución 2719 (2023) el Consejo de Seguridad estableció un marco en virtud del cual las operaciones de apoyo a la paz dirigidas por la UA que autorice pueden, caso por caso, recurrir a las cuotas prorrateadas de las Naciones Unidas. Fuera de las operaciones de paz, el reparto de la carga incluye la financiación conjunta de la mediación, el análisis compartido y la puesta en común de conocimientos especializados.",
        "fr": "Le partage des charges ne concerne pas seulement l’argent, mais aussi le risque politique, le personnel et la responsabilité des résultats. Les partenaires africains font valoir de longue date que lorsque l’UA se déploie au nom de la communauté internationale, elle ne devrait pas en supporter seule les coûts. Le groupe UA-ONU présidé par Romano Prodi en 2008 et le Groupe indépendant de haut niveau chargé d’étudier les opérations de paix en 2015 ont examiné ces questions, et par sa résolution 2719 (2023) le Conseil de sécurité a établi un cadre permettant aux opérations d’appui à la paix dirigées par l’UA qu’il autorise de bénéficier, au cas par cas, des contributions statutaires de l’ONU. En dehors des opérations de paix, le partage des charges comprend le financement conjoint de la médiation, l’analyse partagée et la mise en commun de l’expertise.",
    },
    "An electoral dispute in the fictional Republic of Costa Alta": {
        "ar": "نزاع انتخابي في جمهورية كوستا ألتا الافتراضية",
        "es": "Una controversia electoral en la República ficticia de Costa Alta",
        "fr": "Un différend électoral dans la République fictive de Costa Alta",
    },
    "The fictional Republic of Costa Alta, a member of the OAS, has held elections in which the ruling party claims victory by a narrow margin. An OAS electoral observation mission has reported serious irregularities in several districts; a UN-supported electoral assistance project has worked with the electoral commission for two years. Opposition supporters blockade the capital, and a neighbouring country offers to mediate. The government asks the UN to convene talks, while the opposition says it trusts only the OAS.": {
        "ar": "أجرت جمهورية كوستا ألتا الافتراضية، العضو في منظمة الدول الأمريكية، انتخابات يدّعي الحزب الحاكم الفوز فيها بفارق ضئيل. وأفادت بعثة مراقبة انتخابية تابعة لمنظمة الدول الأمريكية بوقوع مخالفات جسيمة في عدة دوائر؛ وكان مشروع للمساعدة الانتخابية تدعمه الأمم المتحدة يعمل مع اللجنة الانتخابية منذ عامين. ويحاصر أنصار المعارضة العاصمة، ويعرض بلد مجاور الوساطة. وتطلب الحكومة من الأمم المتحدة الدعوة إلى محادثات، في حين تقول المعارضة إنها لا تثق إلا بمنظمة الدول الأمريكية.",
        "es": "La República ficticia de Costa Alta, miembro de la OEA, ha celebrado elecciones en las que el partido gobernante se atribuye la victoria por un estrecho margen. Una misión de observación electoral de la OEA ha informado de graves irregularidades en varios distritos; un proyecto de asistencia electoral apoyado por las Naciones Unidas trabaja desde hace dos años con la comisión electoral. Partidarios de la oposición bloquean la capital y un país vecino ofrece su mediación. El gobierno pide a las Naciones Unidas que convoquen conversaciones, mientras que la oposición dice confiar solo en la OEA.",
        "fr": "La République fictive de Costa Alta, membre de l’OEA, a tenu des élections dont le parti au pouvoir revendique la victoire avec une faible marge. Une mission d’observation électorale de l’OEA a signalé de graves irrégularités dans plusieurs districts ; un projet d’assistance électorale appuyé par l’ONU travaille depuis deux ans avec la commission électorale. Des partisans de l’opposition bloquent la capitale, et un pays voisin propose sa médiation. Le gouvernement demande à l’ONU de convoquer des pourparlers, tandis que l’opposition affirme ne faire confiance qu’à l’OEA.",
    },
    "What are the comparative advantages and limitations of the OAS, the UN and the neighbouring country in this situation?": {
        "ar": "ما المزايا النسبية والقيود لكلٍّ من منظمة الدول الأمريكية والأمم المتحدة والبلد المجاور في هذه الحالة؟",
        "es": "¿Cuáles son las ventajas comparativas y las limitaciones de la OEA, las Naciones Unidas y el país vecino en esta situación?",
        "fr": "Quels sont les avantages comparatifs et les limites de l’OEA, de l’ONU et du pays voisin dans cette situation ?",
    },
    "Would you recommend a single lead, co-leadership or a lead-and-support arrangement? Why?": {
        "ar": "هل توصي بقيادة منفردة أم بقيادة مشتركة أم بترتيب قيادة ودعم؟ ولماذا؟",
        "es": "¿Recomendaría un liderazgo único, un liderazgo compartido o un arreglo de liderazgo y apoyo? ¿Por qué?",
        "fr": "Recommanderiez-vous un chef de file unique, une codirection ou un dispositif chef de file et appui ? Pourquoi ?",
    },
    "How should costs and political risks be shared?": {
        "ar": "كيف ينبغي تقاسم التكاليف والمخاطر السياسية؟",
        "es": "¿Cómo deberían repartirse los costos y los riesgos políticos?",
        "fr": "Comment les coûts et les risques politiques devraient-ils être partagés ?",
    },
    "Is there a risk that subsidiarity becomes a way for the wider international community to avoid responsibility?": {
        "ar": "هل ثمة خطر أن يصبح التفريع وسيلةً يتنصّل بها المجتمع الدولي الأوسع من مسؤوليته؟",
        "es": "¿Existe el riesgo de que la subsidiariedad se convierta en una forma de que la comunidad internacional en su conjunto eluda su responsabilidad?",
        "fr": "La subsidiarité risque-t-elle de devenir pour la communauté internationale un moyen d’éluder ses responsabilités ?",
    },
    "How can partners agree on who leads when each has a claim?": {
        "ar": "كيف يتفق الشركاء على من يتولى القيادة حين يطالب بها كلٌّ منهم؟",
        "es": "¿Cómo pueden los asociados ponerse de acuerdo sobre quién lidera cuando cada uno reivindica ese papel?",
        "fr": "Comment des partenaires peuvent-ils convenir de qui mène lorsque chacun y prétend ?",
    },
    "What non-financial forms of burden sharing matter most in prevention and mediation?": {
        "ar": "ما أشكال تقاسم الأعباء غير المالية الأهم في مجالي الوقاية والوساطة؟",
        "es": "¿Qué formas no financieras de reparto de la carga son más importantes en la prevención y la mediación?",
        "fr": "Quelles formes non financières de partage des charges comptent le plus en matière de prévention et de médiation ?",
    },
    "Regional organizations offer proximity, knowledge and norms; the UN offers universality, authority and system-wide capacities.": {
        "ar": "تقدّم المنظمات الإقليمية القرب والمعرفة والمعايير؛ وتقدّم الأمم المتحدة العالمية والسلطة وقدرات على نطاق المنظومة.",
        "es": "Las organizaciones regionales ofrecen proximidad, conocimiento y normas; las Naciones Unidas ofrecen universalidad, autoridad y capacidades en todo el sistema.",
        "fr": "Les organisations régionales offrent la proximité, la connaissance et des normes ; l’ONU offre l’universalité, l’autorité et des capacités à l’échelle du système.",
    },
    "Subsidiarity is a useful presumption, not an automatic rule; complementarity asks who can do what best.": {
        "ar": "التفريع قرينة مفيدة لا قاعدة تلقائية؛ والتكامل يسأل من يستطيع أن يؤدي ماذا على أفضل وجه.",
        "es": "La subsidiariedad es una presunción útil, no una regla automática; la complementariedad pregunta quién puede hacer mejor qué.",
        "fr": "La subsidiarité est une présomption utile, non une règle automatique ; la complémentarité demande qui peut faire quoi le mieux.",
    },
    "Burden sharing covers risk, personnel and responsibility as well as money.": {
        "ar": "يشمل تقاسم الأعباء المخاطر والأفراد والمسؤولية فضلًا عن المال.",
        "es": "El reparto de la carga abarca el riesgo, el personal y la responsabilidad, además del dinero.",
        "fr": "Le partage des charges porte sur le risque, le personnel et la responsabilité autant que sur l’argent.",
    },
    "Agree lead and support roles early and revisit them as the situation evolves.": {
        "ar": "اتفقوا مبكرًا على أدوار القيادة والدعم، وراجعوها مع تطوّر الحالة.",
        "es": "Acordar pronto las funciones de liderazgo y de apoyo, y revisarlas a medida que evoluciona la situación.",
        "fr": "Convenir tôt des rôles de chef de file et d’appui, et les revoir à mesure que la situation évolue.",
    },
    "Report of the African Union-United Nations panel on modalities for support to African Union peacekeeping operations (A/63/666-S/2008/813)": {
        "ar": "تقرير الفريق المشترك بين الاتحاد الأفريقي والأمم المتحدة المعني بطرائق دعم عمليات حفظ السلام التي يضطلع بها الاتحاد الأفريقي (A/63/666-S/2008/813)",
        "es": "Informe del grupo Unión Africana-Naciones Unidas sobre las modalidades de apoyo a las operaciones de mantenimiento de la paz de la Unión Africana (A/63/666-S/2008/813)",
        "fr": "Rapport du Groupe d’experts Union africaine-Organisation des Nations Unies sur les modalités d’appui aux opérations de maintien de la paix de l’Union africaine (A/63/666-S/2008/813)",
    },
    "Uniting our strengths for peace: politics, partnership and people. Report of the High-Level Independent Panel on Peace Operations": {
        "ar": "توحيد قوانا من أجل السلام: السياسة والشراكة والناس. تقرير الفريق المستقل الرفيع المستوى المعني بعمليات السلام",
        "es": "Aunar nuestras ventajas en pro de la paz: política, alianzas y personas. Informe del Grupo Independiente de Alto Nivel sobre las Operaciones de Paz",
        "fr": "Unissons nos forces pour la paix : privilégier la politique, les partenariats et l’action en faveur des populations. Rapport du Groupe indépendant de haut niveau chargé d’étudier les opérations de paix",
    },
    "Inter-American Democratic Charter": {
        "ar": "الميثاق الديمقراطي للبلدان الأمريكية",
        "es": "Carta Democrática Interamericana",
        "fr": "Charte démocratique interaméricaine",
    },
    "Organization of American States": {
        "ar": "منظمة الدول الأمريكية",
        "es": "Organización de los Estados Americanos",
        "fr": "Organisation des États américains",
    },
    "Security Council resolution 2719 (2023)": {
        "ar": "قرار مجلس الأمن 2719 (2023)",
        "es": "Resolución 2719 (2023) del Consejo de Seguridad",
        "fr": "Résolution 2719 (2023) du Conseil de sécurité",
    },
    "Joint analysis, joint missions and lessons from cooperation with the AU, EU, OAS and League of Arab States": {
        "ar": "التحليل المشترك والبعثات المشتركة ودروس التعاون مع الاتحاد الأفريقي والاتحاد الأوروبي ومنظمة الدول الأمريكية وجامعة الدول العربية",
        "es": "Análisis conjunto, misiones conjuntas y lecciones de la cooperación con la UA, la UE, la OEA y la Liga de los Estados Árabes",
        "fr": "Analyse conjointe, missions conjointes et enseignements de la coopération avec l’UA, l’UE, l’OEA et la Ligue des États arabes",
    },
    "joint-analysis-missions-and-lessons": {
        "ar": "joint-analysis-missions-and-lessons",
        "es": "joint-analysis-missions-and-lessons",
        "fr": "joint-analysis-missions-and-lessons",
    },
    "How partners build a shared picture, the spectrum of joint arrangements from envoys to hybrid operations, and what experience has taught.": {
        "ar": "كيف يبني الشركاء صورة مشتركة، وطيف الترتيبات المشتركة من المبعوثين إلى العمليات المختلطة، وما علّمته التجربة.",
        "es": "Cómo los asociados construyen una visión compartida, el abanico de arreglos conjuntos, de los enviados a las operaciones híbridas, y lo que ha enseñado la experiencia.",
        "fr": "Comment les partenaires construisent une vision commune, l’éventail des dispositifs conjoints, des envoyés aux opérations hybrides, et ce que l’expérience a enseigné.",
    },
    "Explain methods for joint analysis and joint assessment missions.": {
        "ar": "شرح أساليب التحليل المشترك وبعثات التقييم المشتركة.",
        "es": "Explicar los métodos de análisis conjunto y de misiones de evaluación conjuntas.",
        "fr": "Expliquer les méthodes d’analyse conjointe et de missions d’évaluation conjointes.",
    },
    "Describe the spectrum of joint arrangements, from joint envoys to hybrid operations and transitions.": {
        "ar": "وصف طيف الترتيبات المشتركة، من المبعوثين المشتركين إلى العمليات المختلطة والمراحل الانتقالية.",
        "es": "Describir el abanico de arreglos conjuntos, de los enviados conjuntos a las operaciones híbridas y las transiciones.",
        "fr": "Décrire l’éventail des dispositifs conjoints, des envoyés conjoints aux opérations hybrides et aux transitions.",
    },
    "Draw lessons from UN cooperation with the AU, EU, OAS and League of Arab States.": {
        "ar": "استخلاص الدروس من تعاون الأمم المتحدة مع الاتحاد الأفريقي والاتحاد الأوروبي ومنظمة الدول الأمريكية وجامعة الدول العربية.",
        "es": "Extraer lecciones de la cooperación de las Naciones Unidas con la UA, la UE, la OEA y la Liga de los Estados Árabes.",
        "fr": "Tirer les enseignements de la coopération de l’ONU avec l’UA, l’UE, l’OEA et la Ligue des États arabes.",
    },
    "Apply these lessons to the design of a joint initiative.": {
        "ar": "تطبيق هذه الدروس على تصميم مبادرة مشتركة.",
        "es": "Aplicar estas lecciones al diseño de una iniciativa conjunta.",
        "fr": "Appliquer ces enseignements à la conception d’une initiative conjointe.",
    },
    "Joint analysis: seeing the same picture": {
        "ar": "التحليل المشترك: رؤية الصورة نفسها",
        "es": "Análisis conjunto: ver el mismo panorama",
        "fr": "L’analyse conjointe : voir la même situation",
    },
    "Cooperation begins with a shared understanding of the situation. Partners use several tools: exchanges of early-warning and conflict analysis between secretariats; <strong>joint horizon scanning</strong>, as practised between the UN and the AU; <strong>joint assessment missions</strong> that travel together, meet the same interlocutors and draft a common report; and joint strategic reviews of ongoing engagements. Joint analysis does not require identical conclusions, but it should make differences explicit so that they can be managed.": {
        "ar": "يبدأ التعاون بفهم مشترك للحالة. ويستخدم الشركاء أدوات عدة: تبادل معلومات الإنذار المبكر وتحليل النزاعات بين الأمانات؛ و<strong>الاستشراف المشترك</strong> كما تمارسه الأمم المتحدة والاتحاد الأفريقي؛ و<strong>بعثات التقييم المشتركة</strong> التي تسافر معًا وتلتقي المحاورين أنفسهم وتصوغ تقريرًا موحّدًا؛ والاستعراضات الاستراتيجية المشتركة للأنشطة الجارية. ولا يشترط التحليل المشترك استنتاجات متطابقة، لكنه ينبغي أن يُظهر الخلافات صراحةً كي يمكن إدارتها.",
        "es": "La cooperación empieza por un entendimiento compartido de la situación. Los asociados utilizan varias herramientas: intercambios de alerta temprana y de análisis de conflictos entre secretarías; <strong>la exploración conjunta del horizonte</strong>, como la que practican las Naciones Unidas y la UA; <strong>las misiones de evaluación conjuntas</strong>, que viajan juntas, se reúnen con los mismos interlocutores y redactan un informe común; y los exámenes estratégicos conjuntos de los compromisos en curso. El análisis conjunto no exige conclusiones idénticas, pero debe hacer explícitas las diferencias para que puedan gestionarse.",
        "fr": "La coopération commence par une compréhension commune de la situation. Les partenaires disposent de plusieurs outils : les échanges d’alerte rapide et d’analyse des conflits entre secrétariats ; <strong>l’analyse prospective conjointe</strong>, pratiquée entre l’ONU et l’UA ; les <strong>missions d’évaluation conjointes</strong>, qui voyagent ensemble, rencontrent les mêmes interlocuteurs et rédigent un rapport commun ; et les examens stratégiques conjoints des engagements en cours. L’analyse conjointe n’exige pas des conclusions identiques, mais elle doit rendre les divergences explicites pour qu’elles puissent être gérées.",
    },
    "Obstacles are familiar: different information-handling rules, different planning cycles, sensitivities of member States about being analysed, and limited analytical capacity in some secretariats. Starting with a jointly agreed set of questions, rather than merging two finished reports, usually works better.": {
        "ar": "والعقبات معروفة: قواعد مختلفة لتداول المعلومات، ودورات تخطيط مختلفة، وحساسية الدول الأعضاء من أن تكون موضع تحليل، وقدرات تحليلية محدودة في بعض الأمانات. وعادةً ما يكون الانطلاق من مجموعة أسئلة متفق عليها بصورة مشتركة أنجع من دمج تقريرين مكتملين.",
        "es": "Los obstáculos son conocidos: normas distintas de tratamiento de la información, ciclos de planificación diferentes, la sensibilidad de los Estados miembros ante el hecho de ser analizados y una capacidad analítica limitada en algunas secretarías. Partir de un conjunto de preguntas acordado en común, en lugar de fusionar dos informes terminados, suele dar mejores resultados.",
        "fr": "Les obstacles sont connus : des règles différentes de traitement de l’information, des cycles de planification différents, la sensibilité des États membres à l’idée d’être analysés, et une capacité d’analyse limitée dans certains secrétariats. Partir d’un ensemble de questions convenu en commun, plutôt que de fusionner deux rapports achevés, donne en général de meilleurs résultats.",
    },
    "The spectrum of joint arrangements": {
        "ar": "طيف الترتيبات المشتركة",
        "es": "El abanico de arreglos conjuntos",
        "fr": "L’éventail des dispositifs conjoints",
    },
    "Experience offers a wide range of models:": {
        "ar": "تقدّم التجربة مجموعة واسعة من النماذج:",
        "es": "La experiencia ofrece una amplia gama de modelos:",
        "fr": "L’expérience offre une grande variété de modèles :",
    },
    "<strong>Joint envoys and mediators</strong>, such as the joint AU–UN Chief Mediator for Darfur appointed in 2008, and the joint envoy of the UN and the League of Arab States for Syria appointed in 2012.": {
        "ar": "<strong>المبعوثون والوسطاء المشتركون</strong>، مثل كبير الوسطاء المشترك بين الاتحاد الأفريقي والأمم المتحدة لدارفور المعيَّن في عام 2008، والمبعوث الخاص المشترك للأمم المتحدة وجامعة الدول العربية إلى سوريا المعيَّن في عام 2012.",
        "es": "<strong>Enviados y mediadores conjuntos</strong>, como el Mediador Principal Conjunto UA-Naciones Unidas para Darfur, nombrado en 2008, y el Enviado Especial Conjunto de las Naciones Unidas y la Liga de los Estados Árabes para Siria, nombrado en 2012.",
        "fr": "<strong>Les envoyés et médiateurs conjoints</strong>, comme le Médiateur en chef conjoint UA-ONU pour le Darfour nommé en 2008, et l’envoyé spécial conjoint de l’ONU et de la Ligue des États arabes pour la Syrie nommé en 2012.",
    },
    "<strong>Joint civilian missions</strong>, such as the International Civilian Mission in Haiti (MICIVIH), deployed jointly by the UN and the OAS from 1993 to monitor human rights.": {
        "ar": "<strong>البعثات المدنية المشتركة</strong>، مثل البعثة المدنية الدولية في هايتي التي نشرتها الأمم المتحدة ومنظمة الدول الأمريكية معًا اعتبارًا من عام 1993 لرصد حقوق الإنسان.",
        "es": "<strong>Misiones civiles conjuntas</strong>, como la Misión Civil Internacional en Haití (MICIVIH), desplegada conjuntamente por las Naciones Unidas y la OEA desde 1993 para vigilar los derechos humanos.",
        "fr": "<strong>Les missions civiles conjointes</strong>, comme la Mission civile internationale en Haïti (MICIVIH), déployée conjointement par l’ONU et l’OEA à partir de 1993 pour surveiller les droits de l’homme.",
    },
    "<strong>Hybrid operations</strong>, notably the AU–UN Hybrid Operation in Darfur (UNAMID), authorized in 2007.": {
        "ar": "<strong>العمليات المختلطة</strong>، ولا سيما العملية المختلطة للاتحاد الأفريقي والأمم المتحدة في دارفور (يوناميد) التي أُذن بها في عام 2007.",
        "es": "<strong>Operaciones híbridas</strong>, en particular la Operación Híbrida de la Unión Africana y las Naciones Unidas en Darfur (UNAMID), autorizada en 2007.",
        "fr": "<strong>Les opérations hybrides</strong>, notamment l’Opération hybride Union africaine-Nations Unies au Darfour (MINUAD), autorisée en 2007.",
    },
    "<strong>Support arrangements</strong>, in which the UN provides logistical support to a regional operation, as it did for the AU mission in Somalia.": {
        "ar": "<strong>ترتيبات الدعم</strong>، التي تقدّم فيها الأمم المتحدة الدعم اللوجستي لعملية إقليمية، كما فعلت مع بعثة الاتحاد الأفريقي في الصومال.",
        "es": "<strong>Arreglos de apoyo</strong>, en los que las Naciones Unidas prestan apoyo logístico a una operación regional, como hicieron con la misión de la UA en Somalia.",
        "fr": "<strong>Les dispositifs d’appui</strong>, dans lesquels l’ONU fournit un appui logistique à une opération régionale, comme elle l’a fait pour la mission de l’UA en Somalie.",
    },
    "<strong>Bridging and transitions</strong>, such as the EU's Operation Artemis in Ituri in 2003 ahead of a strengthened UN presence, or the transfer of authority from AU-led missions in Mali and the Central African Republic to UN peacekeeping operations in 2013 and 2014.": {
        "ar": "<strong>عمليات الجسر والمراحل الانتقالية</strong>، مثل عملية أرتميس التي نفّذها الاتحاد الأوروبي في إيتوري عام 2003 تمهيدًا لوجود معزَّز للأمم المتحدة، أو نقل السلطة من البعثات التي قادها الاتحاد الأفريقي في مالي وجمهورية أفريقيا الوسطى إلى عمليات الأمم المتحدة لحفظ السلام في عامي 2013 و2014.",
        "es": "<strong>Operaciones puente y transiciones</strong>, como la Operación Artemis de la UE en Ituri en 2003, a la espera de una presencia reforzada de las Naciones Unidas, o el traspaso de autoridad de las misiones dirigidas por la UA en Malí y la República Centroafricana a operaciones de mantenimiento de la paz de las Naciones Unidas en 2013 y 2014.",
        "fr": "<strong>Les opérations relais et les transitions</strong>, comme l’opération Artémis de l’UE en Ituri en 2003, dans l’attente d’une présence renforcée de l’ONU, ou le transfert d’autorité des missions dirigées par l’UA au Mali et en République centrafricaine à des opérations de maintien de la paix des Nations Unies en 2013 et 2014.",
    },
    "Lessons from practice": {
        "ar": "دروس من الممارسة",
        "es": "Lecciones de la práctica",
        "fr": "Les enseignements de la pratique",
    },
    "Reviews of these experiences point to recurring lessons. <strong>Clarity of mandate and reporting lines</strong> matters: joint envoys and hybrid missions answer to two sets of member States, and when those bodies disagree, the space for the envoy or mission shrinks and parties may exploit the gap. <strong>Shared strategy</strong> should precede joint structures. <strong>Predictable financing</strong> and agreed standards, including the UN Human Rights Due Diligence Policy for support to non-UN security forces, reduce friction. <strong>Transitions</strong> work better when planned jointly from the outset, with attention to the standards and capabilities of re-hatted personnel. Finally, <strong>joint communications</strong> and <strong>joint lessons-learning</strong> help the partnership survive changes of leadership.": {
        "ar": "تشير مراجعات هذه التجارب إلى دروس متكررة. فـ<strong>وضوح الولاية وخطوط الإبلاغ</strong> أمر مهم: إذ يخضع المبعوثون المشتركون والبعثات المختلطة للمساءلة أمام مجموعتين من الدول الأعضاء، وحين تختلف هاتان الهيئتان يضيق هامش المبعوث أو البعثة وقد تستغل الأطراف هذه الفجوة. وينبغي أن تسبق <strong>الاستراتيجيةُ المشتركة</strong> الهياكلَ المشتركة. ويقلّل <strong>التمويل القابل للتنبؤ</strong> والمعايير المتفق عليها، ومنها سياسة الأمم المتحدة لبذل العناية الواجبة في مراعاة حقوق الإنسان عند تقديم الدعم إلى قوات أمن غير تابعة للأمم المتحدة، من الاحتكاك. وتنجح <strong>المراحل الانتقالية</strong> أكثر حين يُخطَّط لها بصورة مشتركة منذ البداية، مع الاهتمام بمعايير وقدرات الأفراد الذين يغيّرون خوذهم. وأخيرًا، يساعد <strong>التواصل المشترك</strong> و<strong>استخلاص الدروس المشترك</strong> الشراكةَ على الصمود أمام تغيّر القيادات.",
        "es": "Los exámenes de estas experiencias señalan lecciones recurrentes. <strong>La claridad del mandato y de las líneas jerárquicas</strong> es importante: los enviados conjuntos y las misiones híbridas rinden cuentas a dos conjuntos de Estados miembros, y cuando esos órganos discrepan, el margen del enviado o de la misión se reduce y las partes pueden aprovechar la brecha. <strong>Una estrategia compartida</strong> debe preceder a las estructuras conjuntas. <strong>Una financiación previsible</strong> y normas acordadas, entre ellas la Política de Diligencia Debida en materia de Derechos Humanos de las Naciones Unidas para el apoyo a fuerzas de seguridad ajenas a la Organización, reducen las fricciones. <strong>Las transiciones</strong> funcionan mejor cuando se planifican conjuntamente desde el principio, prestando atención a las normas y capacidades del personal que cambia de casco. Por último, <strong>la comunicación conjunta</strong> y <strong>el aprendizaje conjunto de lecciones</strong> ayudan a que la asociación sobreviva a los cambios de liderazgo.",
        "fr": "Les bilans de ces expériences font ressortir des enseignements récurrents. <strong>La clarté du mandat et de la chaîne hiérarchique</strong> compte : les envoyés conjoints et les missions hybrides rendent compte à deux ensembles d’États membres, et lorsque ces organes sont en désaccord, la marge de manœuvre de l’envoyé ou de la mission se réduit et les parties peuvent exploiter ce décalage. <strong>Une stratégie commune</strong> doit précéder les structures conjointes. <strong>Un financement prévisible</strong> et des normes convenues, dont la politique de diligence voulue en matière de droits de l’homme de l’ONU pour l’appui aux forces de sécurité non onusiennes, réduisent les frictions. <strong>Les transitions</strong> se passent mieux lorsqu’elles sont planifiées conjointement dès le départ, en veillant aux normes et aux capacités du personnel qui change de casque. Enfin, <strong>la communication conjointe</strong> et <strong>l’apprentissage conjoint des enseignements</strong> aident le partenariat à survivre aux changements de direction.",
    },
    "Each partnership also has its own texture. With the AU, cooperation is dense and institutionalised, from leadership conferences to desk-to-desk exchanges. With the EU, a steering committee on crisis management and successive sets of joint priorities on peace operations and crisis management have structured cooperation, alongside the EU's own diplomatic and financial instruments. With the OAS, cooperation has often centred on electoral processes, democratic governance and political crises in the Americas. With the League of Arab States, cooperation has focused on crises where the League's regional legitimacy and the UN's universal role are both needed, and where divisions among member States in both organizations shape what is possible.": {
        "ar": "ولكل شراكة أيضًا طابعها الخاص. فمع الاتحاد الأفريقي، التعاون كثيف ومؤسسي، من مؤتمرات القيادات إلى التبادلات بين المكاتب النظيرة. ومع الاتحاد الأوروبي، نظّمت التعاونَ لجنةٌ توجيهية معنية بإدارة الأزمات ومجموعاتٌ متتالية من الأولويات المشتركة بشأن عمليات السلام وإدارة الأزمات، إلى جانب الأدوات الدبلوماسية والمالية الخاصة بالاتحاد الأوروبي. ومع منظمة الدول الأمريكية، تركّز التعاون في الغالب على العمليات الانتخابية والحوكمة الديمقراطية والأزمات السياسية في الأمريكتين. ومع جامعة الدول العربية، انصبّ التعاون على الأزمات التي تحتاج إلى الشرعية الإقليمية للجامعة وإلى الدور العالمي للأمم المتحدة معًا، والتي تحدّد فيها الانقساماتُ بين الدول الأعضاء في المنظمتين ما هو ممكن.",
        "es": "Cada asociación tiene además su propia textura. Con la UA, la cooperación es densa e institucionalizada, desde las conferencias de dirigentes hasta los intercambios entre oficinas homólogas. Con la UE, un comité directivo sobre gestión de crisis y sucesivos conjuntos de prioridades comunes sobre operaciones de paz y gestión de crisis han estructurado la cooperación, junto a los instrumentos diplomáticos y financieros propios de la UE. Con la OEA, la cooperación se ha centrado a menudo en los procesos electorales, la gobernanza democrática y las crisis políticas en las Américas. Con la Liga de los Estados Árabes, se ha centrado en crisis en las que se necesitan a la vez la legitimidad regional de la Liga y el papel universal de las Naciones Unidas, y en las que las divisiones entre los Estados miembros de ambas organizaciones determinan lo que es posible.",
        "fr": "Chaque partenariat a aussi sa propre texture. Avec l’UA, la coopération est dense et institutionnalisée, des conférences des dirigeants aux échanges entre services homologues. Avec l’UE, un comité directeur sur la gestion des crises et des ensembles successifs de priorités communes pour les opérations de paix et la gestion des crises ont structuré la coopération, aux côtés des instruments diplomatiques et financiers propres à l’UE. Avec l’OEA, la coopération s’est souvent concentrée sur les processus électoraux, la gouvernance démocratique et les crises politiques dans les Amériques. Avec la Ligue des États arabes, elle a porté sur les crises où la légitimité régionale de la Ligue et le rôle universel de l’ONU sont tous deux nécessaires, et où les divisions entre États membres dans les deux organisations déterminent ce qui est possible.",
    },
    "Designing a joint envoy for the fictional State of Zahran": {
        "ar": "تصميم ولاية مبعوث مشترك إلى دولة زهران الافتراضية",
        "es": "Diseñar un enviado conjunto para el Estado ficticio de Zahran",
        "fr": "Concevoir le mandat d’un envoyé conjoint pour l’État fictif de Zahran",
    },
    "In the fictional State of Zahran, fighting between the government and an alliance of opposition groups has displaced hundreds of thousands. The League of Arab States and the UN are considering appointing a joint envoy. Members of the League's Council are divided on whether the government should remain part of any transition; Security Council members are also divided. The UN has a humanitarian presence in Zahran; the League has stronger access to regional governments. You are asked to draft the main elements of the envoy's terms of reference.": {
        "ar": "في دولة زهران الافتراضية، أدى القتال بين الحكومة وتحالف من جماعات المعارضة إلى تشريد مئات الآلاف. وتدرس جامعة الدول العربية والأمم المتحدة تعيين مبعوث مشترك. وينقسم أعضاء مجلس الجامعة حول ما إذا كان ينبغي أن تبقى الحكومة جزءًا من أي مرحلة انتقالية؛ وينقسم أعضاء مجلس الأمن كذلك. وللأمم المتحدة وجود إنساني في زهران؛ وللجامعة قدرة أكبر على الوصول إلى حكومات المنطقة. ويُطلب منك صياغة العناصر الرئيسية لاختصاصات المبعوث.",
        "es": "En el Estado ficticio de Zahran, los combates entre el gobierno y una alianza de grupos de oposición han desplazado a cientos de miles de personas. La Liga de los Estados Árabes y las Naciones Unidas estudian nombrar un enviado conjunto. Los miembros del Consejo de la Liga están divididos sobre si el gobierno debe formar parte de una eventual transición; los miembros del Consejo de Seguridad también lo están. Las Naciones Unidas tienen presencia humanitaria en Zahran; la Liga tiene mejor acceso a los gobiernos de la región. Se le pide que redacte los elementos principales del mandato del enviado.",
        "fr": "Dans l’État fictif de Zahran, les combats entre le gouvernement et une alliance de groupes d’opposition ont déplacé des centaines de milliers de personnes. La Ligue des États arabes et l’ONU envisagent de nommer un envoyé conjoint. Les membres du Conseil de la Ligue sont divisés sur la question de savoir si le gouvernement doit prendre part à une éventuelle transition ; les membres du Conseil de sécurité le sont également. L’ONU a une présence humanitaire à Zahran ; la Ligue a un meilleur accès aux gouvernements de la région. Il vous est demandé de rédiger les principaux éléments du mandat de l’envoyé.",
    },
    "To whom should the joint envoy report, and how should disagreements between the two organizations be handled?": {
        "ar": "إلى من ينبغي أن يرفع المبعوث المشترك تقاريره، وكيف تُعالج الخلافات بين المنظمتين؟",
        "es": "¿Ante quién debería rendir cuentas el enviado conjunto, y cómo deberían gestionarse los desacuerdos entre las dos organizaciones?",
        "fr": "À qui l’envoyé conjoint devrait-il rendre compte, et comment traiter les désaccords entre les deux organisations ?",
    },
    "Where should the envoy's office be based, and how should it be staffed and funded?": {
        "ar": "أين ينبغي أن يكون مقر مكتب المبعوث، وكيف يُزوَّد بالموظفين ويُموَّل؟",
        "es": "¿Dónde debería tener su sede la oficina del enviado, y cómo debería dotarse de personal y financiarse?",
        "fr": "Où le bureau de l’envoyé devrait-il être établi, et comment devrait-il être doté en personnel et financé ?",
    },
    "What joint analysis should precede the appointment, and what exit or review points would you build in?": {
        "ar": "ما التحليل المشترك الذي ينبغي أن يسبق التعيين، وما نقاط الخروج أو المراجعة التي تدرجها؟",
        "es": "¿Qué análisis conjunto debería preceder al nombramiento, y qué puntos de salida o de revisión incorporaría?",
        "fr": "Quelle analyse conjointe devrait précéder la nomination, et quels points de sortie ou d’examen prévoiriez-vous ?",
    },
    "When is a joint envoy preferable to two coordinated envoys?": {
        "ar": "متى يكون المبعوث المشترك أفضل من مبعوثَين ينسّقان فيما بينهما؟",
        "es": "¿Cuándo es preferible un enviado conjunto a dos enviados coordinados?",
        "fr": "Quand un envoyé conjoint est-il préférable à deux envoyés qui se coordonnent ?",
    },
    "What made past transitions from regional to UN operations smoother or harder?": {
        "ar": "ما الذي جعل المراحل الانتقالية السابقة من العمليات الإقليمية إلى عمليات الأمم المتحدة أيسر أو أصعب؟",
        "es": "¿Qué facilitó o dificultó las transiciones anteriores de operaciones regionales a operaciones de las Naciones Unidas?",
        "fr": "Qu’est-ce qui a facilité ou compliqué les transitions passées d’opérations régionales à des opérations de l’ONU ?",
    },
    "How can organizations learn jointly without assigning blame?": {
        "ar": "كيف يمكن للمنظمات أن تتعلّم معًا من دون البحث عن مذنب؟",
        "es": "¿Cómo pueden las organizaciones aprender conjuntamente sin buscar culpables?",
        "fr": "Comment des organisations peuvent-elles tirer ensemble les enseignements sans chercher de coupable ?",
    },
    "Joint analysis should surface differences explicitly, not paper over them.": {
        "ar": "ينبغي أن يُظهر التحليل المشترك الخلافات صراحةً لا أن يُخفيها.",
        "es": "El análisis conjunto debe sacar a la luz las diferencias de forma explícita, no disimularlas.",
        "fr": "L’analyse conjointe doit faire apparaître explicitement les divergences, non les masquer.",
    },
    "Joint arrangements range from envoys and civilian missions to hybrid operations, support packages and transitions.": {
        "ar": "تتراوح الترتيبات المشتركة بين المبعوثين والبعثات المدنية والعمليات المختلطة وحزم الدعم والمراحل الانتقالية.",
        "es": "Los arreglos conjuntos van desde enviados y misiones civiles hasta operaciones híbridas, paquetes de apoyo y transiciones.",
        "fr": "Les dispositifs conjoints vont des envoyés et des missions civiles aux opérations hybrides, aux dispositifs d’appui et aux transitions.",
    },
    "Clear mandates, reporting lines, financing and standards are preconditions for effective joint action.": {
        "ar": "وضوح الولايات وخطوط الإبلاغ والتمويل والمعايير شروط مسبقة للعمل المشترك الفعّال.",
        "es": "Mandatos, líneas jerárquicas, financiación y normas claros son condiciones previas para una acción conjunta eficaz.",
        "fr": "Des mandats, des chaînes hiérarchiques, des financements et des normes clairs sont les conditions préalables d’une action conjointe efficace.",
    },
    "Shared strategy should come before shared structures.": {
        "ar": "ينبغي أن تسبق الاستراتيجيةُ المشتركة الهياكلَ المشتركة.",
        "es": "La estrategia compartida debe preceder a las estructuras compartidas.",
        "fr": "La stratégie commune doit précéder les structures communes.",
    },
    "Human Rights Due Diligence Policy on United Nations Support to Non-United Nations Security Forces": {
        "ar": "سياسة بذل العناية الواجبة في مراعاة حقوق الإنسان عند تقديم الأمم المتحدة الدعم إلى قوات أمن غير تابعة لها",
        "es": "Política de Diligencia Debida en materia de Derechos Humanos en el Contexto del Apoyo de las Naciones Unidas a Fuerzas de Seguridad Ajenas a la Organización",
        "fr": "Politique de diligence voulue en matière de droits de l’homme en cas d’appui de l’ONU à des forces de sécurité non onusiennes",
    },
    "Joint United Nations-African Union Framework for Enhanced Partnership in Peace and Security": {
        "ar": "الإطار المشترك بين الأمم المتحدة والاتحاد الأفريقي لتعزيز الشراكة في مجال السلام والأمن",
        "es": "Marco Conjunto Naciones Unidas-Unión Africana para una Alianza Reforzada en materia de Paz y Seguridad",
        "fr": "Cadre commun Organisation des Nations Unies-Union africaine pour un partenariat renforcé en matière de paix et de sécurité",
    },
    "United Nations and African Union": {
        "ar": "الأمم المتحدة والاتحاد الأفريقي",
        "es": "Naciones Unidas y Unión Africana",
        "fr": "Organisation des Nations Unies et Union africaine",
    },
    "Pact of the League of Arab States": {
        "ar": "ميثاق جامعة الدول العربية",
        "es": "Pacto de la Liga de los Estados Árabes",
        "fr": "Pacte de la Ligue des États arabes",
    },
    "League of Arab States": {
        "ar": "جامعة الدول العربية",
        "es": "Liga de los Estados Árabes",
        "fr": "Ligue des États arabes",
    },
    "Charter of the Organization of American States": {
        "ar": "ميثاق منظمة الدول الأمريكية",
        "es": "Carta de la Organización de los Estados Americanos",
        "fr": "Charte de l’Organisation des États américains",
    },
}
