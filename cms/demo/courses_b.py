# ruff: noqa: E501, RUF001
"""Demo courses (batch B) for seed_demo: AU policy organs, preventive diplomacy, dialogue facilitation, Chapter VIII partnerships."""

COURSES = [
    {
        "slug": "supporting-au-policy-organs",
        "title": "Supporting AU Policy Organs",
        "summary": "A practical course for staff who support the African Union Peace and Security Council and related organs, from the architecture of APSA to drafting communiqués and making the UN–AU partnership work day to day.",
        "learning_outcomes": [
            "Participants can explain the structure of the African Peace and Security Architecture and the mandate, composition and decision-making rules of the Peace and Security Council.",
            "Participants can prepare concise, options-based briefing notes and draft communiqué language that is clear, implementable and consistent with earlier decisions.",
            "Participants can describe the role of the Panel of the Wise and its networks and support preparations for the annual joint consultative meeting between the UN Security Council and the AU Peace and Security Council.",
            "Participants can identify the mechanisms of the Joint UN-AU Framework for Enhanced Partnership in Peace and Security and use them to coordinate analysis, messaging and action.",
            "Participants can work effectively across the AU Commission, the Regional Economic Communities and the UN system while respecting each institution's mandate.",
        ],
        "target_audience": "<p>Officers of the African Union Commission, in particular the Department of Political Affairs, Peace and Security and the Secretariat of the Peace and Security Council; staff of the United Nations Office to the African Union and of DPPA regional divisions; and diplomats of AU member States serving on, or preparing to join, the Peace and Security Council.</p><p>Staff of Regional Economic Communities and Regional Mechanisms who liaise with the AU on peace and security matters are also welcome.</p>",
        "prerequisites": "<p>At least two years of professional experience in political affairs, diplomacy or peace and security. Participants should be familiar with the basic institutions of the African Union and the United Nations.</p><p>Before the course, participants are asked to read the Protocol Relating to the Establishment of the Peace and Security Council and one recent PSC communiqué of their choice.</p>",
        "duration_hours": 28,
        "languages": ["en", "fr", "ar"],
        "delivery_mode": "in_person",
        "thematic_areas": ["policy-organs", "conflict-prevention"],
        "partners": ["DPPA", "AUC"],
        "featured": True,
        "modules": [
            {
                "slug": "apsa-and-the-peace-and-security-council",
                "title": "The African Peace and Security Architecture and the Peace and Security Council",
                "summary": "How APSA is built, how the Peace and Security Council is composed and takes decisions, and where the RECs and the UN fit in.",
                "estimated_minutes": 120,
                "learning_objectives": [
                    "Describe the components of APSA and the legal instruments that establish them.",
                    "Explain the composition, membership criteria and decision-making rules of the Peace and Security Council.",
                    "Outline the relationship between the PSC, the Regional Economic Communities and the UN Security Council.",
                    "Identify the entry points through which Secretariat staff support the Council's work.",
                ],
                "body": [
                    ("heading", "From non-interference to non-indifference"),
                    (
                        "paragraph",
                        "<p>When the Organization of African Unity was transformed into the African Union, member States deliberately moved away from a strict reading of non-interference. The <strong>Constitutive Act of the African Union</strong> (2000) affirms the right of the Union to intervene in a member State in respect of grave circumstances, namely war crimes, genocide and crimes against humanity (Article 4(h)). This shift is often summarised as a move from non-interference to <em>non-indifference</em>.</p><p>The <strong>Protocol Relating to the Establishment of the Peace and Security Council</strong>, adopted in Durban in July 2002 and in force since December 2003, gave this ambition institutional form. The Council, launched in May 2004, is described in the Protocol as a standing decision-making organ for the prevention, management and resolution of conflicts, and as a collective security and early-warning arrangement to facilitate timely and efficient response to conflict and crisis situations in Africa.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Around the Council, the Protocol builds what is now called the <strong>African Peace and Security Architecture (APSA)</strong>:</p><ul><li>the <strong>Chairperson of the Commission</strong>, who brings situations to the Council's attention and implements its decisions;</li><li>the <strong>Panel of the Wise</strong>, which supports preventive diplomacy;</li><li>the <strong>Continental Early Warning System</strong>, linked to the early-warning units of the regional mechanisms;</li><li>the <strong>African Standby Force</strong>, supported by a Military Staff Committee that advises the Council on military and security matters;</li><li>the <strong>Peace Fund</strong>.</li></ul><p>The Regional Economic Communities and Regional Mechanisms (RECs/RMs) are considered building blocks of APSA. Their relationship with the AU is governed by Article 16 of the Protocol and by the 2008 Memorandum of Understanding on cooperation in the area of peace and security.</p>",
                    ),
                    ("heading", "How the Council is composed and how it decides"),
                    (
                        "paragraph",
                        "<p>The Council has fifteen members with equal rights. Ten are elected for two-year terms and five for three-year terms, with equitable regional representation and rotation. Candidates are assessed against criteria in Article 5 of the Protocol, including contribution to peace and security in Africa, capacity to shoulder the responsibilities of membership, and respect for constitutional governance and human rights. The chair rotates monthly among members in the English alphabetical order of their names.</p><p>Decisions are generally guided by consensus. Where consensus cannot be reached, procedural matters are decided by a simple majority and substantive matters by a two-thirds majority of members eligible to vote. A member that is party to a conflict under consideration does not participate in the discussion and decision-making on that situation. The Council meets at the level of permanent representatives, ministers or Heads of State and Government.</p>",
                    ),
                    ("heading", "Where the RECs and the United Nations fit"),
                    (
                        "paragraph",
                        "<p>Article 17 of the Protocol recognises that the UN Security Council has primary responsibility for the maintenance of international peace and security, and commits the PSC to cooperate closely with it and with other relevant UN bodies. In practice the relationship is layered: the REC often leads mediation in its neighbourhood, the PSC adds continental weight, and the UN Security Council provides global legitimacy and, where relevant, mandates and resources. Questions of <em>subsidiarity</em>, <em>complementarity</em> and <em>comparative advantage</em> therefore arise in almost every file.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A disputed election in the fictional Republic of Tamaru",
                            "context": "<p>The fictional Republic of Tamaru has held presidential elections that the opposition rejects. Protests have turned violent in two provinces and the regional economic community has dispatched a mediation mission led by a former head of state. The PSC chair for the month, a neighbouring country with close trade ties to Tamaru, asks the Secretariat to schedule a session within a week.</p><p>Some members want to signal strong concern; others argue that the REC must be given space. A UN regional envoy has asked the UN Office to the AU to share the UN's analysis with the Commission.</p>",
                            "questions": [
                                "Which provisions of the PSC Protocol are relevant to the chair's role and to the REC's lead on mediation?",
                                "What should the Secretariat's briefing say about the division of labour between the REC, the AU and the UN?",
                                "How can UN analysis be shared with the Commission in a way that respects both organisations' procedures?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "In your experience, how has the principle of non-indifference been applied in practice, and where has it met its limits?",
                            "Which APSA component is most underused in your region, and why?",
                            "How should the PSC balance consensus-seeking with the need for timely decisions?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "APSA is a system: the PSC works through the Commission, the Panel of the Wise, early warning, the African Standby Force, the Peace Fund and the RECs/RMs.",
                            "The Council's composition and rules, including the monthly rotating chair and the exclusion of parties to a conflict, shape what is politically possible.",
                            "Subsidiarity and complementarity with the RECs and the UN Security Council are live questions in almost every situation.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Constitutive Act of the African Union",
                                "publisher": "African Union",
                                "year": 2000,
                                "url": "",
                            },
                            {
                                "title": "Protocol Relating to the Establishment of the Peace and Security Council of the African Union",
                                "publisher": "African Union",
                                "year": 2002,
                                "url": "",
                            },
                            {
                                "title": "Memorandum of Understanding on Cooperation in the Area of Peace and Security between the African Union, the Regional Economic Communities and the Coordinating Mechanisms of the Regional Standby Brigades of Eastern Africa and Northern Africa",
                                "publisher": "African Union",
                                "year": 2008,
                                "url": "",
                            },
                            {
                                "title": "African Union Handbook",
                                "publisher": "African Union Commission and New Zealand Ministry of Foreign Affairs and Trade",
                                "year": 2024,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "briefings-communiques-and-decisions",
                "title": "Preparing briefings, communiqués and decisions",
                "summary": "The document cycle of a PSC session and the craft of writing briefings and outcome texts that members can agree and the Commission can implement.",
                "estimated_minutes": 150,
                "learning_objectives": [
                    "Map the documents produced before, during and after a Council session.",
                    "Write a briefing note that leads with the bottom line and presents realistic options.",
                    "Draft operative paragraphs that assign clear responsibilities, timelines and reporting obligations.",
                    "Anticipate and manage common drafting disputes.",
                ],
                "body": [
                    ("heading", "The document cycle of a Council session"),
                    (
                        "paragraph",
                        "<p>Every session of the Peace and Security Council rests on a sequence of documents. The monthly <strong>provisional programme of work</strong>, prepared under the responsibility of the chair with Secretariat support, sets the agenda. For each item, the Secretariat typically prepares a <strong>concept note</strong> or background note, the Commission prepares a statement or a report of the Chairperson of the Commission, and invited parties such as the country concerned, the relevant REC or the United Nations may be asked to brief.</p><p>After the session, members negotiate an outcome, usually a <strong>communiqué</strong> containing decisions, or a lighter <strong>press statement</strong>. Negotiations are often conducted at expert level before adoption. Once adopted, the outcome becomes the reference for the Commission's follow-up and for future sessions, which will recall it. Errors or ambiguities therefore have a long life.</p>",
                    ),
                    ("heading", "Briefings that help members decide"),
                    (
                        "paragraph",
                        "<p>A good briefing note is short, accurate and useful to people who must make decisions under time pressure. Practitioners recommend:</p><ul><li><strong>Bottom line up front.</strong> State in two or three sentences what has changed, why it matters and what the Council is being asked to consider.</li><li><strong>Facts separated from assessment.</strong> Indicate sources and levels of confidence, especially where information is contested.</li><li><strong>Realistic options.</strong> Present two to four options with their likely consequences, including the option of waiting, rather than a single recommendation dressed up as analysis.</li><li><strong>Institutional context.</strong> Recall relevant previous decisions, REC positions and UN Security Council action so members can judge coherence.</li><li><strong>Sensitivities.</strong> Flag issues where members are known to differ, without attributing positions in writing where this could cause harm.</li></ul>",
                    ),
                    ("heading", "Drafting a communiqué that can be agreed and implemented"),
                    (
                        "paragraph",
                        "<p>PSC communiqués follow a recognisable structure: paragraphs that recall earlier decisions and take note of briefings, followed by operative paragraphs introduced by verbs such as <em>welcomes</em>, <em>expresses deep concern</em>, <em>condemns</em>, <em>urges</em>, <em>requests the Chairperson of the Commission</em> and <em>decides</em>. Most end with the Council deciding to remain actively seized of the matter.</p><p>The Secretariat's zero draft shapes the negotiation. Strong drafts use the strongest verb that is likely to be accepted, assign each task to a named actor, attach timelines and reporting obligations, and avoid lists of generic concerns that dilute priorities. Drafters should check every paragraph against three questions: is it consistent with previous decisions and with the REC's position, can the Commission actually implement it with its resources, and will the parties on the ground understand what is being asked of them? Where the UN Security Council is also seized of the situation, alignment of key messages strengthens both bodies.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A 24-hour deadline on the fictional Koru–Lenda border crisis",
                            "context": "<p>Troops of two fictional neighbouring States, Koru and Lenda, have clashed over a disputed border town, displacing several thousand civilians. The REC held an extraordinary summit that called for a ceasefire and a verification mechanism. The PSC meets tomorrow and the Secretariat must circulate a zero draft tonight.</p><p>One member insists the communiqué must <em>condemn</em> Lenda by name; another, close to Lenda, will only accept language expressing <em>concern</em> at the clashes. The UN, which has offered technical support for ceasefire verification, has asked that the communiqué reference a possible joint AU–REC–UN assessment mission. The Commission's own budget for a verification mechanism is not yet secured.</p>",
                            "questions": [
                                "How would you draft the paragraph on responsibility for the clashes so that it is both principled and likely to be adopted?",
                                "How should the REC summit decision be reflected so the PSC reinforces rather than replaces it?",
                                "What operative language on the joint assessment mission would be implementable given the funding gap?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What makes a communiqué paragraph unimplementable, and how can drafters spot this early?",
                            "When is a press statement a better outcome than a communiqué?",
                            "How should the Secretariat handle a request from the chair to present a one-sided draft?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The zero draft and the briefing note frame the Council's deliberations; invest in them.",
                            "Operative paragraphs should name who does what, by when, and how the Council will be informed.",
                            "Consistency with previous PSC decisions, REC positions and UN Security Council action is a core quality test.",
                            "Options-based briefings respect members' role as decision-makers while keeping analysis honest.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Protocol Relating to the Establishment of the Peace and Security Council of the African Union",
                                "publisher": "African Union",
                                "year": 2002,
                                "url": "",
                            },
                            {
                                "title": "African Union Handbook",
                                "publisher": "African Union Commission and New Zealand Ministry of Foreign Affairs and Trade",
                                "year": 2024,
                                "url": "",
                            },
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "panel-of-the-wise-and-annual-consultations",
                "title": "The Panel of the Wise and the annual UN Security Council–AU PSC consultations",
                "summary": "How the Panel of the Wise and its networks support preventive diplomacy, and how the two Councils prepare and conduct their annual joint consultative meeting.",
                "estimated_minutes": 120,
                "learning_objectives": [
                    "Explain the mandate, composition and working methods of the Panel of the Wise.",
                    "Describe PanWise and FemWise-Africa and how they extend the Panel's reach.",
                    "Outline the history, format and preparation of the annual joint consultative meeting between the two Councils.",
                    "Identify practical ways for Secretariat staff to support both mechanisms.",
                ],
                "body": [
                    ("heading", "The Panel of the Wise: quiet authority"),
                    (
                        "paragraph",
                        "<p>Article 11 of the PSC Protocol establishes the <strong>Panel of the Wise</strong> to support the efforts of the Council and the Chairperson of the Commission, particularly in conflict prevention. It is composed of five highly respected African personalities who have made outstanding contributions to peace, security and development, one from each of the continent's five regions, appointed by the Assembly for a three-year term. The first Panel was inaugurated in December 2007.</p><p>The Panel may act at the request of the Council or the Chairperson of the Commission, or on its own initiative. It can facilitate channels of communication between parties, undertake fact-finding, carry out shuttle diplomacy and issue pronouncements. It has also developed thematic work, for example on election-related conflict and on impunity and reconciliation. Its value lies in moral authority and discretion rather than in coercive power.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Over time the Panel's reach has been extended. A group of <em>Friends of the Panel</em> was added in 2010. The <strong>Pan-African Network of the Wise (PanWise)</strong> links the Panel with similar structures in the RECs and other mediation actors. <strong>FemWise-Africa</strong>, the Network of African Women in Conflict Prevention and Mediation, was established in 2017 to strengthen the participation of women in preventive diplomacy and mediation, from the high-level track to the community level. For Secretariat staff, these networks are a pool of expertise and access that can be mobilised for early engagement.</p>",
                    ),
                    ("heading", "The annual joint consultative meeting of the two Councils"),
                    (
                        "paragraph",
                        "<p>Members of the UN Security Council and the AU Peace and Security Council have held an <strong>annual joint consultative meeting</strong> since 2007, alternating between Addis Ababa and New York. Since 2016 it has usually been preceded by an informal joint seminar that allows a freer exchange on the partnership itself. The meeting typically focuses on a small number of country or regional situations and on cross-cutting issues such as the financing of AU-led peace support operations.</p><p>The practice has been to adopt a joint communiqué. Outcome texts are negotiated by experts of both Councils, including the PSC's Committee of Experts, and agreement has not always come easily; the negotiation itself reveals where the two Councils' perspectives converge and diverge. On the UN side, the Security Council's Ad Hoc Working Group on Conflict Prevention and Resolution in Africa and the African members of the Council, often referred to as the A3, play important roles in preparation. The UN Office to the AU and the PSC Secretariat support logistics, agenda-setting and background papers.</p>",
                    ),
                    ("heading", "Supporting both mechanisms well"),
                    (
                        "paragraph",
                        "<p>Good support includes early agreement on a short agenda, shared background notes that draw on both organisations' analysis, careful attention to protocol, and a realistic plan for negotiating the outcome document before members arrive. After the meeting, tracking follow-up to the communiqué turns an annual event into a working relationship.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Preparing consultations amid a pre-electoral crisis in fictional Mavenia",
                            "context": "<p>The annual consultations are eight weeks away. The PSC wants to include the situation in the fictional State of Mavenia, where a contested constitutional amendment has triggered protests ahead of elections. Several Security Council members consider Mavenia an internal matter and prefer an agenda focused on peace support operation financing.</p><p>Meanwhile, the Panel of the Wise is considering a discreet visit to Mavenia, and FemWise-Africa members based in the country have reported rising intimidation of women candidates. You work in the UN Office to the AU and have been asked to prepare a joint options paper with the PSC Secretariat.</p>",
                            "questions": [
                                "How could the agenda be framed so that Mavenia is discussed without blocking agreement?",
                                "How should the Panel's visit be sequenced with the consultations to avoid undermining its discretion?",
                                "What role could FemWise-Africa information play in the joint options paper?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What conditions make the Panel of the Wise most effective?",
                            "How can the annual consultations move beyond exchanging statements towards joint action?",
                            "What are the risks of negotiating a joint communiqué, and are they worth taking?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The Panel of the Wise draws on moral authority and discretion; its networks PanWise and FemWise-Africa extend its reach.",
                            "The two Councils have met annually since 2007, alternating between Addis Ababa and New York, with informal seminars since 2016.",
                            "Outcome documents require early expert-level negotiation and careful agenda design.",
                            "Follow-up to joint communiqués is what turns annual meetings into a partnership.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Protocol Relating to the Establishment of the Peace and Security Council of the African Union",
                                "publisher": "African Union",
                                "year": 2002,
                                "url": "",
                            },
                            {
                                "title": "Security Council resolution 2033 (2012) on cooperation between the United Nations and regional and subregional organizations",
                                "publisher": "United Nations Security Council",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "Toward a More Effective UN-AU Partnership on Conflict Prevention and Crisis Management",
                                "publisher": "International Peace Institute and Institute for Security Studies",
                                "year": 2019,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "joint-un-au-framework-in-practice",
                "title": "The Joint UN-AU Framework for Enhanced Partnership in Peace and Security (2017) in practice",
                "summary": "What the 2017 Joint Framework commits the two organisations to, which mechanisms give it life, and how staff can use them.",
                "estimated_minutes": 120,
                "learning_objectives": [
                    "Summarise the origins, principles and areas of cooperation of the 2017 Joint Framework.",
                    "Identify the main mechanisms of UN–AU cooperation at leadership, senior and working levels.",
                    "Apply the Framework to a concrete situation requiring joint analysis and messaging.",
                    "Recognise recurring obstacles to joint action and ways to address them.",
                ],
                "body": [
                    ("heading", "From capacity-building to strategic partnership"),
                    (
                        "paragraph",
                        "<p>UN support to the AU was first organised under the <strong>Ten-Year Capacity-Building Programme for the African Union</strong>, signed in 2006. Over the following decade the relationship changed character: the AU developed its own institutions and operational experience, and the two organisations increasingly worked side by side in the same crises. In April 2017 the Secretary-General and the Chairperson of the African Union Commission signed the <strong>Joint UN-AU Framework for Enhanced Partnership in Peace and Security</strong>, the first agreement of its kind signed at the level of the Secretary-General.</p><p>The Framework is built on mutual respect, comparative advantage, complementarity and shared responsibility. It commits the two organisations to cooperate systematically across the conflict cycle: preventing and mediating conflict and sustaining peace; responding to conflict; addressing root causes; and keeping the partnership under continuous review. A companion framework for implementing Agenda 2063 and the 2030 Agenda for Sustainable Development followed in 2018, reflecting the link between peace and development.</p>",
                    ),
                    ("heading", "The mechanisms that give the Framework life"),
                    (
                        "paragraph",
                        "<p>The Framework works through layered mechanisms:</p><ul><li>an <strong>annual UN–AU conference</strong> between the Secretary-General and the Chairperson of the Commission;</li><li>the <strong>Joint Task Force on Peace and Security</strong>, which brings together senior officials of both organisations to review priority situations;</li><li>the <strong>UN Office to the AU (UNOAU)</strong> in Addis Ababa, established in 2010, and the AU Permanent Observer Mission in New York;</li><li>working-level <strong>desk-to-desk</strong> exchanges, joint horizon-scanning and regular contact between country and regional teams;</li><li><strong>joint assessment and field missions</strong>, including joint high-level visits on women, peace and security.</li></ul><p>At the Council level, the annual joint consultative meeting complements these Secretariat mechanisms. Questions of predictable financing for AU-led peace support operations, addressed by the Security Council in resolution 2719 (2023), remain an important part of the political agenda.</p>",
                    ),
                    ("heading", "Making it work: habits, not just structures"),
                    (
                        "paragraph",
                        "<p>Experience shows that formal mechanisms are necessary but not sufficient. What makes the Framework work is a set of habits: calling the counterpart before a public statement rather than after; sharing draft analysis early; agreeing who speaks first and on what; and being honest about institutional limits. Obstacles include different planning and budget cycles, differing views among member States of each organisation, uneven information-sharing rules, and staff turnover that erodes personal relationships. Documenting agreements, building joint calendars and maintaining contact lists across both secretariats reduce these risks.</p><p>It also helps to treat the RECs as full partners rather than as an afterthought. Many situations are first handled by a REC, and joint UN–AU steps that ignore the REC's process can create confusion about who leads. Where possible, trilateral consultations at working level, shared analysis of the regional dynamics and agreed public messages make the partnership visible to the parties and harder to play off against itself.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "An unconstitutional change of government in fictional Sorvana",
                            "context": "<p>Military officers in the fictional State of Sorvana have seized power and suspended the constitution. Under its norms on unconstitutional changes of government, the AU is expected to suspend Sorvana's participation in its activities. The REC has called for a rapid return to constitutional order; the UN Secretary-General has issued a statement of concern; the UN country team is worried about access for humanitarian programmes.</p><p>The Joint Task Force is due to meet in three weeks. Staff in the UN Office to the AU and the Commission are asked to propose joint steps, including whether a joint AU–REC–UN mission should travel to Sorvana to engage the authorities on a transition timetable.</p>",
                            "questions": [
                                "Which Framework mechanisms should be used first, and in what sequence?",
                                "How can the organisations align messages while respecting different mandates on sanctions and engagement?",
                                "What would a realistic terms of reference for a joint mission include?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Which Framework mechanism has the most impact in your experience, and which is underused?",
                            "How should disagreements between the two organisations be managed without public rupture?",
                            "What would a good review of the partnership measure?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The 2017 Joint Framework moved UN–AU relations from capacity-building to strategic partnership across the conflict cycle.",
                            "It operates through leadership conferences, the Joint Task Force, liaison offices, desk-to-desk exchanges and joint missions.",
                            "Early, routine coordination habits matter as much as formal structures.",
                            "Financing, mandates and information-sharing rules are recurrent friction points to anticipate.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Joint United Nations-African Union Framework for Enhanced Partnership in Peace and Security",
                                "publisher": "United Nations and African Union",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Report of the African Union-United Nations panel on modalities for support to African Union peacekeeping operations (A/63/666-S/2008/813)",
                                "publisher": "United Nations",
                                "year": 2008,
                                "url": "",
                            },
                            {
                                "title": "Uniting our strengths for peace: politics, partnership and people. Report of the High-Level Independent Panel on Peace Operations",
                                "publisher": "United Nations",
                                "year": 2015,
                                "url": "",
                            },
                            {
                                "title": "Toward a More Effective UN-AU Partnership on Conflict Prevention and Crisis Management",
                                "publisher": "International Peace Institute and Institute for Security Studies",
                                "year": 2019,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "preventive-diplomacy-in-practice",
        "title": "Preventive Diplomacy in Practice",
        "summary": "An online course on how the UN and regional organizations prevent disputes from escalating: the Charter basis, good offices and envoys, regional tools in the OSCE and ASEAN areas, and day-to-day cooperation between secretariats.",
        "learning_outcomes": [
            "Participants can define preventive diplomacy and situate it within Chapters VI and VIII of the UN Charter and the broader prevention agenda.",
            "Participants can explain how good offices, envoys and quiet diplomacy work, and judge when discretion or public engagement is more appropriate.",
            "Participants can compare the preventive tools of the OSCE and the ASEAN Regional Forum with those of the United Nations.",
            "Participants can plan and contribute to a desk-to-desk dialogue and share information responsibly across institutions.",
        ],
        "target_audience": "<p>Political affairs officers, desk officers and analysts in the United Nations, the OSCE, the ASEAN Secretariat and other regional and sub-regional organizations, as well as diplomats of member States working on conflict prevention.</p><p>The course is also suitable for staff of regional offices and special political missions who support envoys and good offices mandates.</p>",
        "prerequisites": "<p>A working knowledge of international relations and of the organization in which the participant works. No prior training in mediation is required.</p><p>Participants need a stable internet connection for the weekly live sessions and should plan for about four hours of self-paced study per module.</p>",
        "duration_hours": 20,
        "languages": ["en", "ru", "zh"],
        "delivery_mode": "online",
        "thematic_areas": ["preventive-diplomacy", "conflict-prevention"],
        "partners": ["DPPA", "OSCE", "ASEAN"],
        "featured": True,
        "modules": [
            {
                "slug": "what-is-preventive-diplomacy",
                "title": "What preventive diplomacy is: Chapters VI and VIII of the UN Charter",
                "summary": "The concept of preventive diplomacy, its Charter foundations and its place in the wider prevention agenda.",
                "estimated_minutes": 90,
                "learning_objectives": [
                    "Define preventive diplomacy and distinguish it from structural prevention and crisis management.",
                    "Identify the provisions of Chapters VI and VIII of the Charter that underpin preventive action.",
                    "Explain how regional arrangements and the UN share responsibility for the peaceful settlement of disputes.",
                ],
                "body": [
                    ("heading", "Defining preventive diplomacy"),
                    (
                        "paragraph",
                        "<p>The term is associated with Dag Hammarskjöld, who used it around 1960 to describe efforts to keep local conflicts from being drawn into the rivalry of the great powers. Secretary-General Boutros Boutros-Ghali gave it its best-known definition in <em>An Agenda for Peace</em> (1992): action to prevent disputes from arising between parties, to prevent existing disputes from escalating into conflicts and to limit the spread of the latter when they occur.</p><p>Preventive diplomacy is the diplomatic core of a wider field. <strong>Operational prevention</strong> responds to an imminent crisis through diplomacy, fact-finding, confidence-building or preventive deployment. <strong>Structural prevention</strong> addresses root causes such as exclusion, inequality and weak institutions over the longer term. The two reinforce each other: quiet diplomacy may defuse an electoral crisis, but only institutional reform keeps the next one from arising. Since the twin resolutions on sustaining peace adopted by the General Assembly (70/262) and the Security Council (2282) in 2016, the UN has emphasised that prevention runs across the whole conflict cycle.</p>",
                    ),
                    ("heading", "The Charter basis: Chapter VI"),
                    (
                        "paragraph",
                        "<p>Chapter VI of the Charter deals with the pacific settlement of disputes. Article 33 obliges parties to any dispute likely to endanger international peace and security to seek a solution first of all by <em>negotiation, enquiry, mediation, conciliation, arbitration, judicial settlement, resort to regional agencies or arrangements, or other peaceful means of their own choice</em>. Articles 34 to 38 allow the Security Council to investigate disputes and recommend procedures or terms of settlement, and any member State may bring a dispute to its attention.</p><p>Outside Chapter VI, Article 99 allows the Secretary-General to bring to the attention of the Security Council any matter which in his or her opinion may threaten international peace and security. This authority underpins the Secretary-General's independent role in early warning and good offices, even when it is not formally invoked.</p>",
                    ),
                    ("heading", "Chapter VIII: regional arrangements first, but not alone"),
                    (
                        "paragraph",
                        "<p>Chapter VIII recognises regional arrangements and agencies. Article 52 asks their members to make every effort to achieve pacific settlement of local disputes through them before referring them to the Security Council, and asks the Council to encourage such efforts. Article 53 allows the Council to utilise regional arrangements for enforcement under its authority, but no enforcement action may be taken by them without the Council's authorization. Article 54 requires that the Council be kept fully informed of activities undertaken or contemplated by regional bodies.</p><p>For preventive diplomacy, this creates a cooperative rather than hierarchical relationship. A regional organization often has proximity, knowledge and legitimacy with the parties; the UN brings universality, the Secretary-General's good offices and the Security Council's authority. The Secretary-General's 2011 report <em>Preventive Diplomacy: Delivering Results</em> noted the growing importance of these partnerships.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Rising tension over a shared river between fictional Arlenia and Beskova",
                            "context": "<p>The fictional State of Arlenia is completing a large dam on a river that flows into neighbouring Beskova. Beskova's parliament has passed a motion calling the project a threat to national survival, and there have been two incidents between border guards. Both States are members of the same regional organization, whose Secretary General has offered to convene technical talks. Arlenia has accepted in principle; Beskova has asked the UN Secretary-General to raise the matter with the Security Council.</p>",
                            "questions": [
                                "Which means listed in Article 33 seem most promising at this stage, and why?",
                                "How should the regional organization and the UN divide roles without giving either party the chance to forum-shop?",
                                "What would be lost and gained by taking the issue to the Security Council now?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Is preventive diplomacy more effective when it is invisible, and how then can its success be demonstrated?",
                            "What are the practical consequences of Article 52 for the sequencing of regional and UN engagement?",
                            "Where does preventive diplomacy end and structural prevention begin in your own work?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Preventive diplomacy aims to stop disputes arising, escalating or spreading; it is the diplomatic core of wider prevention.",
                            "Article 33 lists the peaceful means open to parties, including resort to regional agencies or arrangements.",
                            "Chapter VIII encourages regional settlement of local disputes while preserving the Security Council's authority.",
                            "Article 99 and good offices give the Secretary-General an independent preventive role.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Charter of the United Nations",
                                "publisher": "United Nations",
                                "year": 1945,
                                "url": "",
                            },
                            {
                                "title": "An Agenda for Peace: Preventive Diplomacy, Peacemaking and Peace-keeping (A/47/277-S/24111)",
                                "publisher": "United Nations",
                                "year": 1992,
                                "url": "",
                            },
                            {
                                "title": "Preventive Diplomacy: Delivering Results. Report of the Secretary-General (S/2011/552)",
                                "publisher": "United Nations",
                                "year": 2011,
                                "url": "",
                            },
                            {
                                "title": "Pathways for Peace: Inclusive Approaches to Preventing Violent Conflict",
                                "publisher": "United Nations and World Bank",
                                "year": 2018,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "good-offices-envoys-quiet-diplomacy",
                "title": "Good offices, envoys and quiet diplomacy",
                "summary": "How the Secretary-General's good offices and the envoys of the UN and regional organizations work, and when discretion serves prevention best.",
                "estimated_minutes": 90,
                "learning_objectives": [
                    "Explain the basis and characteristics of good offices.",
                    "Distinguish the main types of UN and regional envoys and the support structures behind them.",
                    "Assess the advantages and limits of quiet diplomacy in a given situation.",
                    "Identify practical steps to coordinate envoys from different organizations.",
                ],
                "body": [
                    ("heading", "What good offices are"),
                    (
                        "paragraph",
                        "<p><strong>Good offices</strong> are the use of an impartial actor's standing, access and reputation to help parties communicate, reduce tension and find a way forward, without imposing a solution. The Secretary-General's good offices rest on the Charter and on decades of practice: they may be exercised at the request of the Security Council or General Assembly, at the request of the parties, or on the Secretary-General's own initiative. Their currency is trust. Good offices can open channels that official negotiations cannot, and they can be withdrawn quietly if they are not useful.</p><p>Regional organizations exercise comparable functions. The Chairperson of the AU Commission, the OSCE Chairperson-in-Office and Secretary General, the Secretary-General of the League of Arab States and the Secretary General of the OAS all use their offices to defuse crises, sometimes alongside the UN.</p>",
                    ),
                    ("heading", "Envoys and the structures behind them"),
                    (
                        "paragraph",
                        "<p>Good offices are often delegated to envoys. In the UN system these include Special Representatives leading field missions, Special and Personal Envoys appointed for a specific conflict or region, and the heads of regional offices such as the UN Office for West Africa and the Sahel, the UN Regional Office for Central Africa and the UN Regional Centre for Preventive Diplomacy for Central Asia. Regional organizations appoint their own high representatives, special representatives of the chairpersonship or special envoys.</p><p>Envoys rarely work alone. In DPPA, the <strong>Mediation Support Unit</strong> and the <strong>Standby Team of Senior Mediation Advisers</strong> can deploy expertise at short notice on process design, constitution-making, power-sharing, security arrangements and gender and inclusion. Regional divisions provide political analysis, and partners such as the AU, the EU and the OSCE have developed their own mediation support capacities. Matching an envoy's profile, mandate and team to the situation is itself a preventive decision.</p>",
                    ),
                    ("heading", "The case for, and limits of, quiet diplomacy"),
                    (
                        "paragraph",
                        "<p>Much preventive work is deliberately discreet. The OSCE High Commissioner on National Minorities, created in 1992, built its reputation on quiet diplomacy: confidential engagement with governments and minority representatives to address tensions before they became public confrontations. Discretion allows leaders to change course without losing face, protects interlocutors and keeps options open.</p><p>Quiet diplomacy also has limits. Where parties use confidentiality to buy time, where serious human rights violations are under way, or where the public believes nothing is being done, silence can damage credibility. Envoys must therefore decide, and periodically revisit, the balance between private engagement and public messaging, and agree this balance with partners. Common practical rules include:</p><ul><li>agree a single narrative with partner organizations before any public statement;</li><li>keep a clear record of commitments made in private;</li><li>tell parties in advance what would trigger public comment;</li><li>never trade away the normative framework, including on human rights and gender equality, for access.</li></ul>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Two envoys, one crisis in the fictional Federation of Ostrava",
                            "context": "<p>The fictional Federation of Ostrava faces a standoff between the central government and the leadership of an autonomous province over revenue sharing. The UN regional office head and a special representative of the regional organization's chairpersonship have each been shuttling between the capital and the province. The provincial leaders prefer the UN; the government prefers the regional organization.</p><p>A newspaper publishes leaked notes from one of the private meetings, and both sides accuse the envoys of bias. Opposition parliamentarians demand that the envoys make their proposals public.</p>",
                            "questions": [
                                "How should the two envoys respond to the leak, jointly or separately?",
                                "What arrangement between the two organizations could prevent the parties from playing one envoy against the other?",
                                "Is this the moment to move from quiet to public diplomacy? What would you say publicly?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What gives an envoy credibility with parties who did not choose them?",
                            "When should an organization decline a request to provide good offices?",
                            "How can the outcomes of quiet diplomacy be documented for institutional learning without breaching confidentiality?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Good offices rely on impartiality, access and trust, and can be initiated by the Secretary-General or regional leaders.",
                            "Envoys are effective when mandate, profile and support team match the situation.",
                            "Quiet diplomacy protects options but must be balanced against credibility and normative obligations.",
                            "Envoys from different organizations need a shared narrative and a clear division of roles.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "Preventive Diplomacy: Delivering Results. Report of the Secretary-General (S/2011/552)",
                                "publisher": "United Nations",
                                "year": 2011,
                                "url": "",
                            },
                            {
                                "title": "Helsinki Document 1992: The Challenges of Change",
                                "publisher": "Conference on Security and Co-operation in Europe",
                                "year": 1992,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "regional-tools-osce-and-arf",
                "title": "Regional tools: the OSCE Conflict Prevention Centre and the ASEAN Regional Forum",
                "summary": "Two very different regional approaches to prevention, and what the UN can learn from and contribute to each.",
                "estimated_minutes": 100,
                "learning_objectives": [
                    "Describe the OSCE's conflict prevention instruments, including the Conflict Prevention Centre and the High Commissioner on National Minorities.",
                    "Explain the ASEAN Regional Forum's gradual approach to confidence-building and preventive diplomacy.",
                    "Compare the strengths and constraints of institutionalised and dialogue-based regional approaches.",
                    "Identify entry points for UN cooperation with each.",
                ],
                "body": [
                    ("heading", "The OSCE: a comprehensive, institutionalised approach"),
                    (
                        "paragraph",
                        "<p>The <strong>Helsinki Final Act</strong> of 1975 set out ten principles guiding relations between participating States, including the peaceful settlement of disputes, non-intervention in internal affairs and respect for human rights. The OSCE's concept of comprehensive security links politico-military, economic and environmental, and human dimensions. At the 1992 Helsinki Summit, participating States declared the organization a regional arrangement in the sense of Chapter VIII of the UN Charter.</p><p>The <strong>Conflict Prevention Centre</strong> (CPC), created by the Charter of Paris for a New Europe in 1990 and based in the OSCE Secretariat in Vienna, supports the Chairpersonship and participating States across the conflict cycle. It provides early warning and analysis, supports field operations, and hosts a mediation support capacity strengthened by Ministerial Council Decision No. 3/11 on elements of the conflict cycle (Vilnius, 2011). Alongside the CPC, the High Commissioner on National Minorities provides early warning and early action on minority-related tensions, and the Office for Democratic Institutions and Human Rights works on elections and human rights. Decisions are taken by consensus of the participating States, which gives them legitimacy but can slow or block action.</p>",
                    ),
                    ("heading", "The ASEAN Regional Forum: building comfort before mechanisms"),
                    (
                        "paragraph",
                        "<p>The <strong>ASEAN Regional Forum</strong> (ARF) was established in 1994 as a forum for dialogue on political and security issues in the Asia-Pacific, with ASEAN as its driving force and participants that include the major powers of the region. Its 1995 Concept Paper envisaged a gradual, three-stage evolution: promotion of confidence-building measures, development of preventive diplomacy, and elaboration of approaches to conflicts. Progress is deliberately paced so that all participants remain comfortable, and decisions are taken by consensus.</p><p>In 2001 the ARF adopted its <strong>Concept and Principles of Preventive Diplomacy</strong>, which stress that preventive diplomacy is diplomatic and political, non-coercive, voluntary, based on the consent of the parties and on international law, and timely. A Preventive Diplomacy Work Plan followed in 2011. Within ASEAN itself, the Treaty of Amity and Cooperation in Southeast Asia (1976) commits parties to the peaceful settlement of disputes, and the ASEAN Institute for Peace and Reconciliation, established in 2012, promotes research and capacity-building. ASEAN and the UN deepened cooperation through their 2011 Joint Declaration on Comprehensive Partnership.</p>",
                    ),
                    ("heading", "Comparing approaches and finding entry points"),
                    (
                        "paragraph",
                        "<p>The OSCE offers dense institutions, field presences and explicit normative commitments; the ARF offers inclusive dialogue among States with very different political systems, valued precisely because it does not impose. Neither model is simply better, and both face the same underlying dilemma: consensus confers legitimacy and ownership, but allows any participant to block early action on a situation that concerns it. Informal tools, such as the good offices of a chair, expert groups or track-two meetings, are often where prevention actually happens. UN staff add most value by understanding each organization's culture: offering analysis and technical support to OSCE structures, and supporting ARF and ASEAN workshops, expert exchanges and capacity-building on preventive diplomacy and mediation.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A fishing incident in the fictional Kelam Strait",
                            "context": "<p>A coast guard vessel of the fictional State of Tarlen detains a fishing boat from neighbouring Marisia in waters both claim. A crew member is injured, and nationalist protests break out in Marisia's capital. Both States participate in a regional security forum that works by consensus and has adopted principles of preventive diplomacy, but it has never deployed a preventive mission. The forum's chair has asked for informal advice from the UN and from a European regional organization with mediation experience.</p>",
                            "questions": [
                                "Which preventive tools would be consistent with the forum's principles of consent and non-coercion?",
                                "What could the chair do informally in the next 72 hours?",
                                "How could the European organization's experience be shared without appearing to impose an external model?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What are the costs and benefits of consensus decision-making for prevention?",
                            "How transferable are OSCE instruments, such as the High Commissioner on National Minorities, to other regions?",
                            "How can the UN support regional forums without crowding out regional ownership?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The OSCE combines comprehensive security norms with institutions such as the Conflict Prevention Centre and the High Commissioner on National Minorities.",
                            "The ARF follows a gradual, consensus-based path from confidence-building towards preventive diplomacy.",
                            "Regional tools reflect regional political cultures; effective partners adapt to them.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Conference on Security and Co-operation in Europe Final Act (Helsinki Final Act)",
                                "publisher": "CSCE",
                                "year": 1975,
                                "url": "",
                            },
                            {
                                "title": "Charter of Paris for a New Europe",
                                "publisher": "CSCE",
                                "year": 1990,
                                "url": "",
                            },
                            {
                                "title": "Ministerial Council Decision No. 3/11: Elements of the Conflict Cycle",
                                "publisher": "OSCE",
                                "year": 2011,
                                "url": "",
                            },
                            {
                                "title": "ASEAN Regional Forum Concept and Principles of Preventive Diplomacy",
                                "publisher": "ASEAN Regional Forum",
                                "year": 2001,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "desk-to-desk-dialogues-and-information-sharing",
                "title": "Desk-to-desk dialogues and information sharing between the UN and regional organizations",
                "summary": "How staff-level dialogues between the UN and regional partners are prepared and run, and how to share information responsibly.",
                "estimated_minutes": 90,
                "learning_objectives": [
                    "Explain the purpose and format of desk-to-desk dialogues.",
                    "Prepare an agenda, briefing pack and follow-up matrix for a dialogue.",
                    "Apply principles for sharing sensitive information across institutions.",
                ],
                "body": [
                    ("heading", "Why desk-to-desk dialogues matter"),
                    (
                        "paragraph",
                        "<p>High-level meetings set direction, but cooperation is made by the officers who follow situations every day. DPPA has developed with partner organizations a series of regular <strong>desk-to-desk dialogues</strong> designed to improve understanding of how the different institutions work, improve channels of cooperation and develop recommendations. Such dialogues take place with the African Union, the European Union and the Organization of American States, and a similar annual staff-level meeting is held with the OSCE.</p><p>A typical dialogue reviews a set of country and regional situations of mutual concern, compares analysis and planned engagement, and identifies concrete joint or complementary steps. Just as important are the relationships it builds: after a dialogue, a desk officer knows whom to call when a crisis breaks. Liaison arrangements, such as the UN Office to the AU in Addis Ababa and the UN liaison presence in Brussels for cooperation with the EU, help sustain contact between meetings.</p>",
                    ),
                    ("heading", "Preparing and running a productive dialogue"),
                    (
                        "paragraph",
                        "<p>Good dialogues share some features:</p><ol><li><strong>A short, jointly agreed agenda</strong> of situations where both sides are active or expect to be, plus one thematic issue.</li><li><strong>Brief written inputs</strong> exchanged in advance, focusing on analysis, planned engagement and questions for the partner.</li><li><strong>The right participants</strong>: desk officers and team leaders who follow the files, with mediation, electoral or gender expertise where relevant.</li><li><strong>A frank, off-the-record discussion</strong>, followed by an agreed summary of conclusions rather than a negotiated text.</li><li><strong>A follow-up matrix</strong> listing actions, owners and dates, reviewed at the next dialogue.</li></ol><p>Timing matters too. A dialogue held a few weeks before a leadership meeting, such as the annual UN–AU conference or a Joint Task Force session, can feed agreed analysis and proposals upward, and gives desk officers a reason to keep their follow-up matrix current. Between dialogues, short virtual consultations on fast-moving situations, joint analysis papers and occasional staff exchanges keep the channel warm.</p><p>Common pitfalls include agendas that try to cover every country, presentations that repeat public statements, and conclusions that nobody owns. Another is treating the dialogue as a one-way briefing: regional partners are often better informed about their neighbourhood than UN Headquarters, and the exchange works best when both sides come ready to learn.</p>",
                    ),
                    ("heading", "Sharing information responsibly"),
                    (
                        "paragraph",
                        "<p>Information sharing is the heart of the exercise and its most sensitive part. Each organization has its own rules on classification and handling; in the UN Secretariat, these are set out in the Secretary-General's bulletin on information sensitivity, classification and handling (ST/SGB/2007/6). Some principles help officers navigate differences:</p><ul><li>share analysis and assessments more readily than raw information;</li><li>respect the originator's control over onward dissemination;</li><li>protect sources, especially individuals at risk, and apply a do-no-harm test;</li><li>be clear about what can be said in a joint summary and what stays in the room;</li><li>when in doubt, consult the focal point for information management rather than deciding alone.</li></ul>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A sensitive report ahead of a dialogue on fictional Valdoria",
                            "context": "<p>UN and regional organization desk officers are preparing their annual dialogue. The top agenda item is the fictional State of Valdoria, where a ceasefire with an armed group is fraying. The regional organization's officer has received, from a member State, a confidential report alleging that a senior Valdorian official is facilitating arms transfers to the group. The UN officer has human rights monitoring information from local civil society that partly corroborates it. Both want a joint approach to the Valdorian government, but neither is authorised to share its material in full.</p>",
                            "questions": [
                                "What could each officer share, and in what form, without breaching their organization's rules?",
                                "How should the risks to local civil society sources be weighed?",
                                "What would a useful follow-up action look like if full information cannot be exchanged?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What has made desk-to-desk dialogues you have attended useful or frustrating?",
                            "How can organizations build enough trust to share sensitive analysis?",
                            "Should dialogue conclusions be shared with member States, and if so how?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Desk-to-desk dialogues build shared understanding, practical channels and personal relationships between secretariats.",
                            "Focused agendas, advance inputs and follow-up matrices make dialogues productive.",
                            "Share assessments rather than raw data, respect originator control and protect sources.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Secretary-General's bulletin: Information sensitivity, classification and handling (ST/SGB/2007/6)",
                                "publisher": "United Nations",
                                "year": 2007,
                                "url": "",
                            },
                            {
                                "title": "Preventive Diplomacy: Delivering Results. Report of the Secretary-General (S/2011/552)",
                                "publisher": "United Nations",
                                "year": 2011,
                                "url": "",
                            },
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "dialogue-facilitation-and-negotiation-skills",
        "title": "Dialogue Facilitation and Negotiation Skills",
        "summary": "A five-day, practice-oriented workshop on the core skills of negotiation and dialogue facilitation: interests and alternatives, listening and reframing, multi-stakeholder process design, power and spoilers, and the ethics and self-care of facilitators.",
        "learning_outcomes": [
            "Participants can analyse a negotiation in terms of positions, interests, alternatives and the zone of possible agreement.",
            "Participants can use active listening, summarising and reframing to de-escalate tense exchanges.",
            "Participants can design and facilitate an inclusive multi-stakeholder dialogue session.",
            "Participants can identify power asymmetries and spoiling behaviour and choose proportionate responses.",
            "Participants can apply ethical standards and self-care practices in demanding facilitation work.",
        ],
        "target_audience": "<p>Staff of the United Nations, IGAD and other regional and sub-regional organizations who facilitate or support dialogue and negotiation processes, including political affairs, civil affairs and mediation support officers.</p><p>Insider mediators, members of national and local peace committees, and civil society practitioners working on dialogue in the IGAD region are also encouraged to apply.</p>",
        "prerequisites": "<p>No formal prerequisites. The course is highly interactive and relies on role-plays and simulations, so participants should be ready to practise in front of peers and to give and receive feedback.</p><p>Sessions run in English with interpretation into French and Kiswahili; participants should indicate their working language when applying.</p>",
        "duration_hours": 35,
        "languages": ["en", "fr", "sw"],
        "delivery_mode": "in_person",
        "thematic_areas": ["mediation", "peacebuilding"],
        "partners": ["UNSSC", "IGAD"],
        "featured": False,
        "modules": [
            {
                "slug": "interests-positions-and-batna",
                "title": "Interests, positions and BATNA",
                "summary": "The core concepts of principled negotiation and how mediators use them to help parties move from demands to workable options.",
                "estimated_minutes": 180,
                "learning_objectives": [
                    "Distinguish positions from underlying interests and needs.",
                    "Explain BATNA, reservation points and the zone of possible agreement.",
                    "Use questioning techniques to uncover interests.",
                    "Help parties test their alternatives realistically.",
                ],
                "body": [
                    ("heading", "Positions and interests"),
                    (
                        "paragraph",
                        "<p>A <strong>position</strong> is what a party says it wants: a ministry, a boundary, the withdrawal of troops, the release of detainees. An <strong>interest</strong> is why it wants it: security, recognition, livelihood, political survival, dignity or fear of what happens if it concedes. Positions are usually incompatible; interests often are not. Two communities demanding exclusive control of a water point may both be seeking reliable access for their animals during the dry season, which can be met through a shared schedule.</p><p>This insight is at the heart of the principled negotiation method developed by Roger Fisher and William Ury in <em>Getting to Yes</em>: separate the people from the problem; focus on interests, not positions; invent options for mutual gain; and insist on objective criteria. Beneath interests lie basic human needs such as identity, security and recognition, which are not negotiable in themselves but can be satisfied in different ways.</p><p>Remember that delegations are not monoliths. A negotiator may share the other side's interest in a deal yet face hardliners at home, so a proposal must also be defensible to constituencies who are not in the room. Mapping these internal interests is often as important as mapping the interests across the table.</p>",
                    ),
                    ("heading", "BATNA and the zone of possible agreement"),
                    (
                        "paragraph",
                        "<p>Every party compares a proposed agreement with what it expects to happen without one. Its <strong>best alternative to a negotiated agreement (BATNA)</strong> sets the point below which it should walk away, often called the <em>reservation point</em>. Where the reservation points of the parties overlap, there is a <strong>zone of possible agreement</strong>; where they do not, no deal is possible until something changes.</p><p>In political and armed conflicts, BATNAs are shaped by perceptions as much as facts. A party convinced it can win militarily, or that external allies will rescue it, will reject offers that seem reasonable to outsiders. I. William Zartman's concept of <em>ripeness</em> describes moments when parties perceive a mutually hurting stalemate and a way out, making them more open to negotiation. Mediators cannot manufacture ripeness, but they can help parties see their alternatives more clearly.</p>",
                    ),
                    ("heading", "Using the concepts as a mediator or facilitator"),
                    (
                        "paragraph",
                        "<p>Practical techniques include:</p><ul><li><strong>Asking why and why not</strong>: what would this achieve for you; what worries you about their proposal?</li><li><strong>Reality testing</strong> in private: what happens if talks fail; how confident are you of that; what would it cost your constituency?</li><li><strong>Mapping interests</strong> of each party and of those not at the table, including women, youth and displaced people.</li><li><strong>Generating options before judging them</strong>, separating invention from decision.</li><li><strong>Proposing objective criteria</strong> such as legal standards, technical data or precedent to make concessions easier to justify.</li></ul><p>Handle BATNA discussions with care. Pointing out weak alternatives can feel like a threat, and a mediator who appears to take sides loses trust. Reality testing works best in private sessions, framed as questions rather than verdicts.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Grazing corridors in the fictional Dalbo district",
                            "context": "<p>In the fictional Dalbo district, farmers have expanded cultivation into areas used for generations as dry-season grazing corridors. After cattle destroyed crops and a herder was killed, the district council announced a ban on herds entering farmland. Herder representatives insist on unrestricted access to the corridors. A joint team of the UN country office and an IGAD-supported local peace committee has been asked to facilitate talks.</p><p>Farmers fear for their harvest and food security; herders need water and pasture to keep their animals alive; the district council wants tax revenue from both and an end to violence before local elections.</p>",
                            "questions": [
                                "What are the positions and the underlying interests of each party?",
                                "What is each party's BATNA, and how realistic is it?",
                                "Which objective criteria could help the parties agree on the corridors?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Can you recall a negotiation where focusing on interests unlocked a deadlock?",
                            "How do you reality-test a party's BATNA without appearing partial?",
                            "What happens to interest-based negotiation when a party's core interest is political survival?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Positions are what parties demand; interests are why they demand it.",
                            "BATNA defines when a party should walk away; perceptions of BATNA drive behaviour.",
                            "Mediators help parties uncover interests, generate options and test their alternatives.",
                            "Reality testing belongs in private sessions and should be framed as questions.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Getting to Yes: Negotiating Agreement Without Giving In (Roger Fisher and William Ury)",
                                "publisher": "Houghton Mifflin",
                                "year": 1981,
                                "url": "",
                            },
                            {
                                "title": "Ripe for Resolution: Conflict and Intervention in Africa (I. William Zartman)",
                                "publisher": "Oxford University Press",
                                "year": 1985,
                                "url": "",
                            },
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "active-listening-and-reframing",
                "title": "Active listening and reframing",
                "summary": "Listening techniques that build trust and surface interests, and reframing skills that turn accusations into problems the parties can work on.",
                "estimated_minutes": 180,
                "learning_objectives": [
                    "Demonstrate attending, open questioning, paraphrasing and summarising.",
                    "Acknowledge emotions without endorsing positions.",
                    "Reframe hostile or positional statements into shared problems.",
                    "Adapt listening practice to interpretation and cultural context.",
                ],
                "body": [
                    ("heading", "Listening is an intervention"),
                    (
                        "paragraph",
                        "<p>Parties in conflict rarely feel heard. When they do, defensiveness drops, information flows and trust in the facilitator grows. <strong>Active listening</strong> means giving full attention to the speaker and demonstrating understanding, so that the speaker can correct or deepen what they have said. It does not mean agreement.</p><p>Listening is also the main source of information about interests, fears and red lines. A facilitator who talks more than the parties usually learns less than they need.</p><p>Several habits get in the way: preparing our reply while the other person is still speaking, judging too early, rushing to offer solutions, and filtering what we hear through our own assumptions about a group. Listening well under pressure, when a party is angry or a session is going badly, is a skill that improves only with deliberate practice and feedback, which is why this module relies heavily on role-play.</p>",
                    ),
                    ("heading", "Core techniques"),
                    (
                        "paragraph",
                        "<ul><li><strong>Attending</strong>: posture, eye contact and silence appropriate to the cultural setting; putting away phones and notes when someone is telling a painful story.</li><li><strong>Open questions</strong>: what, how and tell me more, rather than questions that invite yes or no.</li><li><strong>Paraphrasing</strong>: restating the content in your own words, for example: “So the main problem for you is that the compensation promised last year never arrived.”</li><li><strong>Reflecting feelings</strong>: naming the emotion you perceive, tentatively: “It sounds as if that was deeply humiliating.”</li><li><strong>Summarising</strong>: pulling together several points, especially at transitions, and checking for accuracy.</li><li><strong>Using silence</strong>: allowing pauses so people can think and add what matters most.</li></ul><p>When working through interpreters, for example between English, French and Kiswahili, speak in short segments, address the party rather than the interpreter, and brief interpreters in advance on sensitive terms. Paraphrasing becomes even more important as a check that meaning has survived translation.</p>",
                    ),
                    ("heading", "Reframing"),
                    (
                        "paragraph",
                        "<p><strong>Reframing</strong> restates what a party has said in a way that keeps the underlying concern but removes blame, inflammatory language or fixed positions, opening space for problem-solving. Common moves include:</p><ul><li>from accusation to interest: “They are thieves who steal our cattle” becomes “The security of your livestock is a top concern, and you want losses dealt with fairly”;</li><li>from past to future: “They never respected the last agreement” becomes “You need confidence that any new agreement will be implemented”;</li><li>from individual to shared problem: “Their people block the road” becomes “Both communities depend on the road staying open”;</li><li>from demand to criteria: “We want all the land” becomes “What would a fair way of allocating land look like to you?”</li></ul><p>Reframing is not sanitising. If a grievance concerns serious violations, softening it can feel like denial. Always check the reframe with the speaker and accept correction.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A walk-out at a youth dialogue in a fictional border town",
                            "context": "<p>In a fictional border town, the municipality, with support from a UN programme and an IGAD cross-border initiative, convenes a dialogue between youth groups and security officials after a series of arrests during protests. Ten minutes in, a youth leader stands up and says: “You invite us to talk while your police beat our brothers; this is a show for donors.” Several young people move towards the door. A senior officer replies: “Criminals will be treated as criminals.”</p>",
                            "questions": [
                                "What would you say in the next thirty seconds, and to whom?",
                                "How could you reframe each statement without dismissing the grievance about the arrests?",
                                "What process changes might make it possible to continue the dialogue later?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Which listening technique do you find hardest under pressure, and why?",
                            "How do cultural norms on eye contact, silence or addressing elders affect active listening in your context?",
                            "When does reframing risk becoming manipulation?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Active listening builds trust and reveals interests; it signals understanding, not agreement.",
                            "Paraphrasing, reflecting feelings and summarising are simple tools that require deliberate practice.",
                            "Reframing removes blame and fixed positions while keeping the underlying concern.",
                            "Always check reframes with the speaker, especially when grievances involve serious harm.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Difficult Conversations: How to Discuss What Matters Most (Douglas Stone, Bruce Patton and Sheila Heen)",
                                "publisher": "Viking",
                                "year": 1999,
                                "url": "",
                            },
                            {
                                "title": "Getting Past No: Negotiating with Difficult People (William Ury)",
                                "publisher": "Bantam Books",
                                "year": 1991,
                                "url": "",
                            },
                            {
                                "title": "The Dynamics of Conflict Resolution: A Practitioner's Guide (Bernard Mayer)",
                                "publisher": "Jossey-Bass",
                                "year": 2000,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "facilitating-multi-stakeholder-dialogue",
                "title": "Facilitating multi-stakeholder dialogue",
                "summary": "How to design and facilitate dialogue processes that bring together governments, parties, civil society, women and youth in a way that connects to real decisions.",
                "estimated_minutes": 180,
                "learning_objectives": [
                    "Distinguish dialogue from debate and negotiation.",
                    "Make key design choices on purpose, convenor, participants, agenda and decision rules.",
                    "Apply facilitation techniques for large and diverse groups.",
                    "Link dialogue outcomes to formal decision-making.",
                ],
                "body": [
                    ("heading", "What dialogue is, and is not"),
                    (
                        "paragraph",
                        "<p>In a <strong>debate</strong>, participants try to win; in a <strong>negotiation</strong>, they bargain towards an agreement; in a <strong>dialogue</strong>, they seek mutual understanding and, ideally, shared ways forward. Real processes mix all three. National dialogues, constitutional consultations and local peace conferences in the IGAD region and elsewhere show that dialogue can build legitimacy for political settlements, but also that poorly designed dialogues can be used to delay reform or to manufacture consent.</p><p>Multi-stakeholder dialogue brings together actors with very different power, status and expectations: governments, political parties, armed groups or their representatives, traditional and religious leaders, women's organizations, youth, the private sector and displaced people. Security Council resolution 1325 (2000) and subsequent resolutions on women, peace and security reinforce the expectation that women participate meaningfully rather than symbolically.</p>",
                    ),
                    ("heading", "Design choices that make or break a dialogue"),
                    (
                        "paragraph",
                        "<p>Most failures can be traced to design. Key questions include:</p><ol><li><strong>Purpose</strong>: is the dialogue meant to exchange views, build relationships, generate recommendations or take decisions?</li><li><strong>Convenor</strong>: who convenes, and is that actor seen as legitimate and impartial enough by all sides?</li><li><strong>Participation</strong>: who selects participants, using what criteria, and how are those not in the room represented or consulted?</li><li><strong>Agenda</strong>: who sets it, and does it start with issues where progress is possible?</li><li><strong>Decision rules</strong>: consensus, sufficient consensus or advice to another body?</li><li><strong>Confidentiality and communication</strong>: what is said publicly, by whom?</li><li><strong>Linkage</strong>: how will outcomes reach parliaments, ministries or peace talks?</li></ol><p>External partners such as the UN and IGAD can offer technical support, funding and convening space, but the process should remain nationally owned.</p>",
                    ),
                    ("heading", "Facilitating in the room"),
                    (
                        "paragraph",
                        "<p>Facilitators aim to be <em>multi-partial</em>: actively ensuring that every voice is heard rather than simply staying neutral. Useful practices include agreeing ground rules with participants at the start; using small groups and mixed tables to reduce grandstanding; giving quieter participants structured opportunities to speak; visualising points of agreement and disagreement; keeping strict but fair time; and closing each session with a summary that participants can recognise. Co-facilitation by a diverse team, for example a woman and a man from different communities, can model the relationships the dialogue seeks to build.</p><p>Difficult moments are predictable, so plan for them. Agree in advance how the team will respond if a participant dominates, if a delegation walks out or if a session reaches deadlock: a short break, a private conversation, a change of format or a return to agreed ground rules. Keep careful records of agreements and open issues, shared in a form participants have validated. Between sessions, consultations with constituencies help delegates bring their communities along rather than being seen as having sold out.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Who sits at the table in the fictional Republic of Namura?",
                            "context": "<p>After months of unrest over a constitutional review in the fictional Republic of Namura, the government agrees to a national dialogue with IGAD and UN support. The ruling party proposes a forum of registered political parties only. Opposition parties want an equal number of seats with the government. Women's organizations, youth movements and pastoralist associations demand their own delegations, and diaspora groups threaten to denounce the process if excluded. The facilitation team has three weeks to propose a participation formula.</p>",
                            "questions": [
                                "What participation formula would you propose, and what trade-offs does it involve?",
                                "How can groups not given seats still influence the dialogue?",
                                "What decision rule would you recommend, and how would it protect minority views?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What distinguishes a dialogue that builds legitimacy from one that only buys time?",
                            "How can facilitators handle participants who speak for constituencies they do not really represent?",
                            "What does multi-partiality look like in practice in your context?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Dialogue seeks understanding and shared ways forward; it differs from debate and negotiation.",
                            "Purpose, convenor, participation, agenda, decision rules and linkage are the decisive design choices.",
                            "Meaningful inclusion of women, youth and marginalised groups strengthens legitimacy.",
                            "Multi-partial facilitation ensures every voice is heard.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Democratic Dialogue: A Handbook for Practitioners (Bettye Pruitt and Philip Thomas)",
                                "publisher": "International IDEA, CIDA, OAS and UNDP",
                                "year": 2007,
                                "url": "",
                            },
                            {
                                "title": "National Dialogue Handbook: A Guide for Practitioners",
                                "publisher": "Berghof Foundation",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Security Council resolution 1325 (2000) on women and peace and security",
                                "publisher": "United Nations Security Council",
                                "year": 2000,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "power-asymmetries-and-spoilers",
                "title": "Managing power asymmetries and spoilers",
                "summary": "How to recognise imbalances of power among parties, support fair process without losing impartiality, and respond to spoiling behaviour.",
                "estimated_minutes": 180,
                "learning_objectives": [
                    "Identify sources of power in a negotiation and how asymmetries affect process and outcomes.",
                    "Select process measures that mitigate asymmetry while preserving impartiality.",
                    "Apply Stedman's spoiler typology critically.",
                    "Choose proportionate strategies to address spoiling behaviour.",
                ],
                "body": [
                    ("heading", "Recognising power asymmetries"),
                    (
                        "paragraph",
                        "<p>Parties rarely negotiate as equals. Power comes from many sources: military strength, economic resources, international recognition, control of territory or information, alliances, moral legitimacy, and a strong BATNA. It is also relational and shifts over time. A government may dominate militarily but need international legitimacy; an armed movement may be weak on the battlefield but hold a credible claim to represent an excluded population.</p><p>Asymmetries also exist inside delegations and within societies, for example between senior men and women, between urban elites and rural communities, or between well-resourced and volunteer civil society groups. Left unaddressed, asymmetry produces agreements the weaker side will not defend or that the stronger side will not implement.</p><p>Third parties have power too. A regional organization whose member States can open borders, provide guarantees or impose costs brings leverage that a lone facilitator lacks, and a UN envoy may carry the weight of the Security Council. This leverage is valuable but must be coordinated: when partners send mixed signals, the stronger party in particular learns it can wait them out. A frank joint assessment of who holds which levers, and who will use them, belongs in every mediation strategy.</p>",
                    ),
                    ("heading", "Process measures that level the field"),
                    (
                        "paragraph",
                        "<p>The facilitator's task is not to equalise outcomes but to ensure a fair process. Options include:</p><ul><li><strong>procedural equality</strong>: equal speaking time, co-chairing, agreed rules applied consistently;</li><li><strong>capacity support</strong>: independent technical advisers and training for delegations that need them, offered transparently;</li><li><strong>format choices</strong>: proximity talks or private sessions where face-to-face meetings intimidate;</li><li><strong>confidence-building measures</strong>, such as prisoner releases or humanitarian access, that create reciprocal gestures;</li><li><strong>guarantees</strong> by regional or international actors to reassure the weaker party about implementation.</li></ul><p>Impartiality towards the parties does not mean neutrality about norms. The UN Guidance for Effective Mediation reminds mediators that they cannot endorse peace agreements that provide for amnesties for genocide, crimes against humanity, war crimes or gross violations of human rights.</p>",
                    ),
                    ("heading", "Spoilers and spoiling behaviour"),
                    (
                        "paragraph",
                        "<p>Stephen Stedman defined <strong>spoilers</strong> as leaders and parties who believe that peace threatens their power, worldview or interests and use violence to undermine it. He distinguished <em>limited</em> spoilers with specific goals, <em>greedy</em> spoilers whose goals expand or contract with costs and opportunities, and <em>total</em> spoilers who see the world in all-or-nothing terms. He matched them with strategies of inducement, socialisation and coercion.</p><p>The typology is useful but must be applied critically. Labelling a party a spoiler is itself a political act that can close doors. Many practitioners prefer to analyse <em>spoiling behaviour</em>, asking what drives it and whether exclusion from the process has contributed. Coercive measures, such as sanctions, are decisions for member States and bodies like the Security Council or the PSC, not for facilitators.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A splinter faction in the fictional Lower Tana ceasefire talks",
                            "context": "<p>Talks between the government of a fictional State and the main armed movement in the Lower Tana region have produced a draft ceasefire. A splinter faction, excluded because the government regards it as criminal, attacks a market town, killing civilians. The government demands that mediators publicly label the faction a terrorist spoiler and suspend talks until the main movement disavows it. The main movement privately says the faction's commander is a relative of one of its negotiators and might be brought in.</p>",
                            "questions": [
                                "How would you characterise the faction's behaviour using Stedman's typology, and what are the limits of that label?",
                                "How should the mediation team respond publicly and privately to the attack?",
                                "What options exist for engaging the faction without rewarding violence?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "When does support to a weaker party compromise a facilitator's impartiality?",
                            "Who decides who is a spoiler, and with what consequences?",
                            "How can regional organizations and the UN divide inducement and pressure roles?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Power has many sources and shifts; map it before designing the process.",
                            "Fair process, capacity support and guarantees mitigate asymmetry without taking sides.",
                            "Impartiality towards parties is not neutrality about international norms.",
                            "Analyse spoiling behaviour and its drivers rather than rushing to label actors.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Spoiler Problems in Peace Processes (Stephen John Stedman), International Security, vol. 22, no. 2",
                                "publisher": "MIT Press",
                                "year": 1997,
                                "url": "",
                            },
                            {
                                "title": "Power and Negotiation (I. William Zartman and Jeffrey Z. Rubin, eds.)",
                                "publisher": "University of Michigan Press",
                                "year": 2000,
                                "url": "",
                            },
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "self-care-and-ethics-for-facilitators",
                "title": "Self-care and ethics for facilitators",
                "summary": "Why caring for yourself and your team is a professional duty, and the ethical standards that guide facilitators in conflict settings.",
                "estimated_minutes": 150,
                "learning_objectives": [
                    "Recognise signs of cumulative stress, burnout and vicarious trauma.",
                    "Develop a personal and team self-care plan.",
                    "Apply core ethical principles, including confidentiality and its limits, to facilitation dilemmas.",
                ],
                "body": [
                    ("heading", "Why self-care is a professional duty"),
                    (
                        "paragraph",
                        "<p>Facilitators in conflict settings listen to accounts of loss and violence, work long hours under political pressure, travel in insecure areas and often carry responsibility for processes that may fail. Over time this produces <strong>cumulative stress</strong>, <strong>burnout</strong> and <strong>vicarious trauma</strong>, the gradual change in one's own outlook that comes from repeated exposure to others' suffering. Warning signs include irritability, cynicism, difficulty sleeping, withdrawal, loss of empathy and increased use of alcohol or other substances.</p><p>An exhausted facilitator listens less well, makes poorer judgements and is more likely to breach boundaries. Self-care is therefore not a private luxury but part of professional competence, and organisations share a duty of care for the people they deploy.</p>",
                    ),
                    ("heading", "Practical self-care for individuals and teams"),
                    (
                        "paragraph",
                        "<ul><li>Keep basic routines around sleep, food and movement, even during intense rounds of talks.</li><li>Set boundaries on working hours and availability, and plan genuine rest after deployments.</li><li>Build peer support: regular team check-ins and structured debriefs after difficult sessions.</li><li>Know and use the staff counselling and welfare services available in your organisation.</li><li>Rotate exposure to the most distressing material within the team.</li><li>Team leaders should model these behaviours and notice colleagues who are struggling.</li></ul>",
                    ),
                    ("heading", "Ethics in facilitation"),
                    (
                        "paragraph",
                        "<p>Ethical practice protects participants, processes and facilitators. Core principles, reflected in the UN Guidance for Effective Mediation and in professional codes, include:</p><ul><li><strong>Impartiality and transparency about role</strong>: be clear about who you work for and what you can and cannot do, and declare conflicts of interest.</li><li><strong>Informed consent</strong>: participants should understand the purpose of the process and how their contributions will be used.</li><li><strong>Confidentiality and its limits</strong>: protect what is shared, but agree in advance on exceptions such as imminent threats to life.</li><li><strong>Do no harm</strong>: consider how participation, publicity or data collection could expose people to retaliation.</li><li><strong>Competence</strong>: do not take on tasks beyond your expertise without support.</li><li><strong>Respect for norms</strong>: uphold international human rights and humanitarian law, and zero tolerance of sexual exploitation and abuse.</li></ul><p>Ethical dilemmas rarely announce themselves. They arise when a host government asks for participants' names, when a donor wants a success story before results exist, or when a facilitator's own community is involved in the conflict. Teams should discuss such scenarios before deployment, agree who decides in each case, and record their reasoning. Particular attention is needed to risks faced by women participants and human rights defenders, who may face gendered threats, online harassment or pressure from their own families and communities after speaking publicly.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "The final week of a fictional community dialogue series",
                            "context": "<p>A joint UN–IGAD facilitation team is in the last week of a three-month dialogue series between communities in a fictional region affected by cattle raiding. The team leader notices that one colleague, who has transcribed testimony from survivors of violence, has become withdrawn and short-tempered. A participant privately tells a facilitator she has received threats after speaking in a session. The same day, a funding partner asks for the full list of participants and their statements for a report.</p>",
                            "questions": [
                                "What should the team leader do for the struggling colleague and for the team as a whole?",
                                "How should the facilitator respond to the participant who reports threats?",
                                "What can be shared with the funding partner, and on what basis?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What stops facilitators from looking after themselves, and how can organisations change this?",
                            "Where would you draw the limits of confidentiality in your own work?",
                            "How should a facilitator respond when a party asks them to act against a participant's interests?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Cumulative stress, burnout and vicarious trauma are predictable risks of facilitation work.",
                            "Self-care and a team culture of support are part of professional competence and organisational duty of care.",
                            "Impartiality, informed consent, confidentiality, do no harm and respect for norms guide ethical practice.",
                            "Agree the limits of confidentiality and data sharing before they are tested.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Managing Stress in Humanitarian Workers: Guidelines for Good Practice",
                                "publisher": "Antares Foundation",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings",
                                "publisher": "Inter-Agency Standing Committee",
                                "year": 2007,
                                "url": "",
                            },
                            {
                                "title": "Trauma Stewardship: An Everyday Guide to Caring for Self While Caring for Others (Laura van Dernoot Lipsky with Connie Burk)",
                                "publisher": "Berrett-Koehler",
                                "year": 2009,
                                "url": "",
                            },
                            {
                                "title": "United Nations Guidance for Effective Mediation",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "partnering-under-chapter-viii",
        "title": "Partnering under Chapter VIII: UN Cooperation with Regional Organizations",
        "summary": "An online course on how the UN and regional organizations work together under Chapter VIII of the Charter: the legal basis and history of cooperation, the division of labour between partners, and lessons from joint analysis and joint missions.",
        "learning_outcomes": [
            "Participants can explain Chapter VIII of the UN Charter and trace the evolution of UN cooperation with regional organizations.",
            "Participants can assess the comparative advantages of the UN and regional partners in a given situation and propose a sensible division of labour.",
            "Participants can apply the concepts of subsidiarity, complementarity and burden sharing critically.",
            "Participants can draw on lessons from joint analysis, joint envoys and joint or hybrid missions when designing cooperation.",
        ],
        "target_audience": "<p>Staff of the United Nations, the League of Arab States, the Organization of American States and other regional and sub-regional organizations who work on political affairs, partnerships, mediation or peace operations, as well as diplomats dealing with regional cooperation in their ministries or permanent missions.</p>",
        "prerequisites": "<p>Familiarity with the basic structure of the United Nations and of at least one regional organization. Prior completion of <em>Preventive Diplomacy in Practice</em> is helpful but not required.</p><p>The course is self-paced, with three live webinars; participants should allow about five hours per module.</p>",
        "duration_hours": 15,
        "languages": ["en", "ar", "es", "fr"],
        "delivery_mode": "online",
        "thematic_areas": ["conflict-prevention", "peacebuilding", "preventive-diplomacy"],
        "partners": ["UNSSC", "DPPA", "LAS", "OAS"],
        "featured": False,
        "modules": [
            {
                "slug": "chapter-viii-and-the-evolution-of-cooperation",
                "title": "Chapter VIII and the evolution of UN–regional cooperation",
                "summary": "The Charter framework for regional arrangements and how cooperation grew from occasional contact to regular high-level meetings, retreats and structured partnerships.",
                "estimated_minutes": 100,
                "learning_objectives": [
                    "Explain Articles 52 to 54 of the Charter and their practical implications.",
                    "Trace the main milestones in UN–regional cooperation since the early 1990s.",
                    "Describe the purpose of the Secretary-General's high-level meetings and retreats with heads of regional organizations.",
                    "Recognise the diversity of regional partners and their founding instruments.",
                ],
                "body": [
                    ("heading", "What Chapter VIII says"),
                    (
                        "paragraph",
                        "<p>Chapter VIII of the UN Charter recognises regional arrangements and agencies dealing with matters relating to the maintenance of international peace and security, provided their activities are consistent with the purposes and principles of the United Nations. <strong>Article 52</strong> asks their members to make every effort to settle local disputes peacefully through them before referring them to the Security Council, and asks the Council to encourage this. <strong>Article 53</strong> allows the Council to utilise regional arrangements for enforcement action under its authority, while prohibiting enforcement action by them without its authorization. <strong>Article 54</strong> requires that the Council be kept fully informed of their activities.</p><p>Several organizations anchor themselves explicitly in this framework. The Charter of the Organization of American States (1948) describes the OAS as a regional agency within the United Nations. The Pact of the League of Arab States was signed in March 1945, before the UN Charter, and the League has long cooperated with the UN on issues from Palestine to Libya, Syria and Yemen. The African Union's PSC Protocol and the OSCE's 1992 Helsinki Document also refer to Chapter VIII. Other partners, such as the European Union, cooperate with the UN on the basis of their own treaties and joint commitments.</p>",
                    ),
                    ("heading", "From cautious coexistence to structured partnership"),
                    (
                        "paragraph",
                        "<p>During the Cold War, cooperation was limited and sometimes competitive, with debates over whether regional bodies or the Security Council should handle particular disputes. The end of the Cold War changed this. In <em>An Agenda for Peace</em> (1992), Secretary-General Boutros Boutros-Ghali devoted a chapter to regional arrangements, and the 1995 <em>Supplement to An Agenda for Peace</em> identified five forms of cooperation: consultation, diplomatic support, operational support, co-deployment and joint operations. The General Assembly adopted the Declaration on the Enhancement of Cooperation between the United Nations and Regional Arrangements or Agencies in 1994 (resolution 49/57).</p><p>The Security Council adopted its first resolution devoted to cooperation with regional organizations, resolution 1631, in 2005, and has since held regular debates on the subject, including resolution 2033 (2012) with its particular focus on the African Union. The General Assembly regularly adopts resolutions on cooperation with individual organizations, including the League of Arab States and the OAS, and the Secretary-General reports periodically on the state of these partnerships.</p>",
                    ),
                    ("heading", "High-level meetings and retreats"),
                    (
                        "paragraph",
                        "<p>Since 1994, Secretaries-General have convened a series of high-level meetings and, more recently, retreats with the heads of regional and other intergovernmental organizations, with support from the department responsible for political affairs. The retreat held in May 2015 is one example. These gatherings serve several purposes:</p><ul><li>building mutual understanding of mandates, decision-making and constraints at the top of each organization;</li><li>exchanging views on operational imperatives in shared crises;</li><li>discussing broader strategic challenges, such as prevention, terrorism, climate-related security risks or the women, peace and security agenda;</li><li>agreeing follow-up at working level, including desk-to-desk dialogues and staff training.</li></ul><p>Their value depends on follow-through. Without working-level mechanisms to carry conclusions forward, high-level meetings risk becoming symbolic.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Planning a retreat with heads of regional organizations: a fictional exercise",
                            "context": "<p>In this fictional exercise, you are part of a small DPPA team preparing a one-day retreat between the Secretary-General and the heads of eight regional organizations. The organizations differ widely: some have peace operations, others focus on dialogue and economic integration; some member States are wary of any perception that the UN sets the agenda. Two heads of organization have asked for a session on a crisis in which their organizations disagree about who should lead. The Secretary-General's office wants concrete outcomes rather than speeches.</p>",
                            "questions": [
                                "What three agenda items would you propose, and why?",
                                "How would you handle the request to discuss a contested crisis?",
                                "What outcome document or follow-up mechanism would make the retreat useful a year later?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Does Article 52 give regional organizations priority, or only encourage them to try first?",
                            "How has your organization's relationship with the UN changed over the past decade?",
                            "What makes a high-level meeting between organizations more than symbolic?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Chapter VIII encourages regional settlement of local disputes while reserving enforcement authorization to the Security Council.",
                            "Cooperation expanded after 1992, framed by An Agenda for Peace, its 1995 Supplement and resolution 49/57.",
                            "Security Council resolutions 1631 (2005) and 2033 (2012) mark the Council's growing attention to partnerships.",
                            "High-level meetings and retreats matter when they are tied to working-level follow-up.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Charter of the United Nations",
                                "publisher": "United Nations",
                                "year": 1945,
                                "url": "",
                            },
                            {
                                "title": "Supplement to An Agenda for Peace (A/50/60-S/1995/1)",
                                "publisher": "United Nations",
                                "year": 1995,
                                "url": "",
                            },
                            {
                                "title": "General Assembly resolution 49/57: Declaration on the Enhancement of Cooperation between the United Nations and Regional Arrangements or Agencies in the Maintenance of International Peace and Security",
                                "publisher": "United Nations General Assembly",
                                "year": 1994,
                                "url": "",
                            },
                            {
                                "title": "Security Council resolution 1631 (2005)",
                                "publisher": "United Nations Security Council",
                                "year": 2005,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "comparative-advantages-and-division-of-labour",
                "title": "Comparative advantages and division of labour: subsidiarity and burden sharing",
                "summary": "What the UN and regional organizations each bring, how to decide who leads, and how to share costs and risks fairly.",
                "estimated_minutes": 100,
                "learning_objectives": [
                    "Identify the typical comparative advantages and limitations of the UN and of regional and sub-regional organizations.",
                    "Apply subsidiarity and complementarity critically to a concrete case.",
                    "Explain the main debates on burden sharing and financing.",
                    "Propose a division of labour with clear lead and support roles.",
                ],
                "body": [
                    ("heading", "What each partner brings"),
                    (
                        "paragraph",
                        "<p><strong>Regional and sub-regional organizations</strong> often bring proximity, detailed knowledge of actors and history, shared language and culture, and a direct stake in the outcome. They can apply peer pressure among neighbours and invoke their own norms, such as the AU's rejection of unconstitutional changes of government or the OAS's Inter-American Democratic Charter (2001). Some can deploy quickly. Their limitations mirror their strengths: neighbours may be parties to the conflict or have economic and security interests in it, consensus may be hard to reach, and capacity and funding are often thin.</p><p>The <strong>United Nations</strong> brings universality and a degree of distance, the authority of the Security Council, the Secretary-General's good offices, and a system that spans humanitarian action, development, human rights and electoral assistance. It also has established mediation support capacity and assessed financing for its own operations. Its limitations include slower decision-making, divisions among Council members and a sometimes distant understanding of local dynamics.</p>",
                    ),
                    ("heading", "Subsidiarity and complementarity"),
                    (
                        "paragraph",
                        "<p><strong>Subsidiarity</strong> holds that problems should be addressed at the level closest to them that can deal with them effectively. In Africa, the principle shapes relations between the AU and the Regional Economic Communities, alongside complementarity and comparative advantage. Applied to the UN, it suggests supporting regional leadership where the regional body is capable and accepted by the parties.</p><p>Subsidiarity is a guide, not an automatic rule. Where the regional organization is divided, where a powerful member is a party, or where the crisis has effects beyond the region, a higher level may be better placed. Several organizations may also claim the lead, and parties may <em>forum-shop</em> among them. <strong>Complementarity</strong> is a more practical test: who can do what best, and how do the pieces fit into one strategy? Useful questions include: which organization has the trust of the main parties; who has the relevant norms and tools; who can sustain engagement; and who will bear the political risk?</p>",
                    ),
                    ("heading", "Burden sharing and financing"),
                    (
                        "paragraph",
                        "<p>Burden sharing concerns not only money but also political risk, personnel and responsibility for results. African partners have long argued that when the AU deploys on behalf of the international community, it should not bear the costs alone. The 2008 AU–UN panel chaired by Romano Prodi and the 2015 High-Level Independent Panel on Peace Operations examined these questions, and in resolution 2719 (2023) the Security Council established a framework under which AU-led peace support operations it authorizes may, case by case, draw on UN assessed contributions. Outside peace operations, burden sharing includes joint funding of mediation, shared analysis and pooled expertise.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "An electoral dispute in the fictional Republic of Costa Alta",
                            "context": "<p>The fictional Republic of Costa Alta, a member of the OAS, has held elections in which the ruling party claims victory by a narrow margin. An OAS electoral observation mission has reported serious irregularities in several districts; a UN-supported electoral assistance project has worked with the electoral commission for two years. Opposition supporters blockade the capital, and a neighbouring country offers to mediate. The government asks the UN to convene talks, while the opposition says it trusts only the OAS.</p>",
                            "questions": [
                                "What are the comparative advantages and limitations of the OAS, the UN and the neighbouring country in this situation?",
                                "Would you recommend a single lead, co-leadership or a lead-and-support arrangement? Why?",
                                "How should costs and political risks be shared?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Is there a risk that subsidiarity becomes a way for the wider international community to avoid responsibility?",
                            "How can partners agree on who leads when each has a claim?",
                            "What non-financial forms of burden sharing matter most in prevention and mediation?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Regional organizations offer proximity, knowledge and norms; the UN offers universality, authority and system-wide capacities.",
                            "Subsidiarity is a useful presumption, not an automatic rule; complementarity asks who can do what best.",
                            "Burden sharing covers risk, personnel and responsibility as well as money.",
                            "Agree lead and support roles early and revisit them as the situation evolves.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Report of the African Union-United Nations panel on modalities for support to African Union peacekeeping operations (A/63/666-S/2008/813)",
                                "publisher": "United Nations",
                                "year": 2008,
                                "url": "",
                            },
                            {
                                "title": "Uniting our strengths for peace: politics, partnership and people. Report of the High-Level Independent Panel on Peace Operations",
                                "publisher": "United Nations",
                                "year": 2015,
                                "url": "",
                            },
                            {
                                "title": "Inter-American Democratic Charter",
                                "publisher": "Organization of American States",
                                "year": 2001,
                                "url": "",
                            },
                            {
                                "title": "Security Council resolution 2719 (2023)",
                                "publisher": "United Nations Security Council",
                                "year": 2023,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "joint-analysis-missions-and-lessons",
                "title": "Joint analysis, joint missions and lessons from cooperation with the AU, EU, OAS and League of Arab States",
                "summary": "How partners build a shared picture, the spectrum of joint arrangements from envoys to hybrid operations, and what experience has taught.",
                "estimated_minutes": 110,
                "learning_objectives": [
                    "Explain methods for joint analysis and joint assessment missions.",
                    "Describe the spectrum of joint arrangements, from joint envoys to hybrid operations and transitions.",
                    "Draw lessons from UN cooperation with the AU, EU, OAS and League of Arab States.",
                    "Apply these lessons to the design of a joint initiative.",
                ],
                "body": [
                    ("heading", "Joint analysis: seeing the same picture"),
                    (
                        "paragraph",
                        "<p>Cooperation begins with a shared understanding of the situation. Partners use several tools: exchanges of early-warning and conflict analysis between secretariats; <strong>joint horizon scanning</strong>, as practised between the UN and the AU; <strong>joint assessment missions</strong> that travel together, meet the same interlocutors and draft a common report; and joint strategic reviews of ongoing engagements. Joint analysis does not require identical conclusions, but it should make differences explicit so that they can be managed.</p><p>Obstacles are familiar: different information-handling rules, different planning cycles, sensitivities of member States about being analysed, and limited analytical capacity in some secretariats. Starting with a jointly agreed set of questions, rather than merging two finished reports, usually works better.</p>",
                    ),
                    ("heading", "The spectrum of joint arrangements"),
                    (
                        "paragraph",
                        "<p>Experience offers a wide range of models:</p><ul><li><strong>Joint envoys and mediators</strong>, such as the joint AU–UN Chief Mediator for Darfur appointed in 2008, and the joint envoy of the UN and the League of Arab States for Syria appointed in 2012.</li><li><strong>Joint civilian missions</strong>, such as the International Civilian Mission in Haiti (MICIVIH), deployed jointly by the UN and the OAS from 1993 to monitor human rights.</li><li><strong>Hybrid operations</strong>, notably the AU–UN Hybrid Operation in Darfur (UNAMID), authorized in 2007.</li><li><strong>Support arrangements</strong>, in which the UN provides logistical support to a regional operation, as it did for the AU mission in Somalia.</li><li><strong>Bridging and transitions</strong>, such as the EU's Operation Artemis in Ituri in 2003 ahead of a strengthened UN presence, or the transfer of authority from AU-led missions in Mali and the Central African Republic to UN peacekeeping operations in 2013 and 2014.</li></ul>",
                    ),
                    ("heading", "Lessons from practice"),
                    (
                        "paragraph",
                        "<p>Reviews of these experiences point to recurring lessons. <strong>Clarity of mandate and reporting lines</strong> matters: joint envoys and hybrid missions answer to two sets of member States, and when those bodies disagree, the space for the envoy or mission shrinks and parties may exploit the gap. <strong>Shared strategy</strong> should precede joint structures. <strong>Predictable financing</strong> and agreed standards, including the UN Human Rights Due Diligence Policy for support to non-UN security forces, reduce friction. <strong>Transitions</strong> work better when planned jointly from the outset, with attention to the standards and capabilities of re-hatted personnel. Finally, <strong>joint communications</strong> and <strong>joint lessons-learning</strong> help the partnership survive changes of leadership.</p><p>Each partnership also has its own texture. With the AU, cooperation is dense and institutionalised, from leadership conferences to desk-to-desk exchanges. With the EU, a steering committee on crisis management and successive sets of joint priorities on peace operations and crisis management have structured cooperation, alongside the EU's own diplomatic and financial instruments. With the OAS, cooperation has often centred on electoral processes, democratic governance and political crises in the Americas. With the League of Arab States, cooperation has focused on crises where the League's regional legitimacy and the UN's universal role are both needed, and where divisions among member States in both organizations shape what is possible.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Designing a joint envoy for the fictional State of Zahran",
                            "context": "<p>In the fictional State of Zahran, fighting between the government and an alliance of opposition groups has displaced hundreds of thousands. The League of Arab States and the UN are considering appointing a joint envoy. Members of the League's Council are divided on whether the government should remain part of any transition; Security Council members are also divided. The UN has a humanitarian presence in Zahran; the League has stronger access to regional governments. You are asked to draft the main elements of the envoy's terms of reference.</p>",
                            "questions": [
                                "To whom should the joint envoy report, and how should disagreements between the two organizations be handled?",
                                "Where should the envoy's office be based, and how should it be staffed and funded?",
                                "What joint analysis should precede the appointment, and what exit or review points would you build in?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "When is a joint envoy preferable to two coordinated envoys?",
                            "What made past transitions from regional to UN operations smoother or harder?",
                            "How can organizations learn jointly without assigning blame?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Joint analysis should surface differences explicitly, not paper over them.",
                            "Joint arrangements range from envoys and civilian missions to hybrid operations, support packages and transitions.",
                            "Clear mandates, reporting lines, financing and standards are preconditions for effective joint action.",
                            "Shared strategy should come before shared structures.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Human Rights Due Diligence Policy on United Nations Support to Non-United Nations Security Forces",
                                "publisher": "United Nations",
                                "year": 2011,
                                "url": "",
                            },
                            {
                                "title": "Joint United Nations-African Union Framework for Enhanced Partnership in Peace and Security",
                                "publisher": "United Nations and African Union",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Pact of the League of Arab States",
                                "publisher": "League of Arab States",
                                "year": 1945,
                                "url": "",
                            },
                            {
                                "title": "Charter of the Organization of American States",
                                "publisher": "Organization of American States",
                                "year": 1948,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
]
