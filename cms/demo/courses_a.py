# ruff: noqa: E501
"""Demo training content: mediation, gender-inclusive mediation, early warning and electoral assistance."""

COURSES = [
    {
        "slug": "mediation-process-design",
        "title": "Mediation Process Design",
        "summary": "A five-day residential course for UN and African Union staff on designing mediation processes that are well analysed, consent-based, inclusive and built to last beyond the signing of an agreement.",
        "learning_outcomes": [
            "Participants can use conflict analysis to assess whether, when and how a situation is ready for mediation.",
            "Participants can map mandates, entry points and sources of leverage, and explain how the consent of the parties is obtained and maintained.",
            "Participants can design a process architecture, including tracks, sequencing, agenda and venue, for a given conflict scenario.",
            "Participants can propose modalities for including civil society, women and youth without undermining the parties' ownership of the process.",
            "Participants can identify the core elements of a durable ceasefire and peace agreement and plan realistic implementation support.",
        ],
        "target_audience": "<p>Political affairs, mediation support and liaison officers from the United Nations, the African Union Commission and the Regional Economic Communities who support, or expect to support, peace processes at working level. Staff of special political missions, AU liaison offices and regional offices are particularly encouraged to apply.</p><p>Cohorts are deliberately mixed between the two organizations so that participants learn how the partner institution takes decisions, and build the working relationships on which joint mediation depends.</p>",
        "prerequisites": "<p>At least three years of professional experience in political affairs, conflict prevention or a related field, and completion of an introductory course on mediation offered by the participant's organization or an equivalent. Participants must be able to follow proceedings in English or French; simultaneous interpretation is provided in plenary sessions.</p>",
        "duration_hours": 35,
        "languages": ["en", "fr"],
        "delivery_mode": "in_person",
        "thematic_areas": ["mediation", "conflict-prevention"],
        "partners": ["DPPA", "AUC"],
        "featured": True,
        "modules": [
            {
                "slug": "conflict-analysis-and-mediation-readiness",
                "title": "Conflict analysis and mediation readiness",
                "summary": "How a shared, action-oriented conflict analysis tells mediators whether, when and how to engage.",
                "estimated_minutes": 360,
                "learning_objectives": [
                    "Apply a structured conflict analysis covering actors, issues, dynamics and drivers.",
                    "Assess the ripeness of a conflict and the motivations of the parties to negotiate.",
                    "Distinguish between the readiness of the parties and the readiness of the mediating organization.",
                    "Identify information gaps and plan how to fill them jointly with partner organizations.",
                ],
                "body": [
                    ("heading", "Why analysis comes first"),
                    (
                        "paragraph",
                        "<p>Every design choice in a mediation process, from who sits at the table to where the talks take place, rests on assumptions about the conflict. If those assumptions are wrong, even a well-resourced process will stall. The <em>United Nations Guidance for Effective Mediation</em> lists preparedness as the first fundamental of mediation, and preparedness begins with a rigorous and shared understanding of the conflict.</p><p>A mediation-oriented conflict analysis differs from a general political report in one important respect: it is explicitly oriented towards action. It asks not only why people are fighting, but what might move them towards a negotiated settlement, who could influence them, and what a third party could realistically contribute. It should cover at least four dimensions:</p><ul><li><strong>Actors:</strong> the conflict parties, their internal factions and chains of command, their constituencies, potential spoilers and their external supporters.</li><li><strong>Issues:</strong> the stated positions of each party and the underlying interests and needs, such as grievances over land, power-sharing, identity, natural resources or security guarantees.</li><li><strong>Dynamics:</strong> trends in violence, shifts in the military balance, economic pressures, and events such as elections or leadership transitions that may open or close windows of opportunity.</li><li><strong>Drivers and resilience factors:</strong> structural causes, proximate triggers, and the institutions, relationships and norms that still hold society together.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>Analysis should be a joint product wherever possible. When the United Nations and a regional organization such as the African Union are both engaged, a shared analysis reduces the risk that the two institutions send contradictory signals to the parties. It also pools complementary sources of information: regional and sub-regional organizations often have deeper political networks and historical knowledge of the parties, while the UN may bring thematic expertise, field presences and a wider view of international positions. Analysis is never finished; it should be revisited at each major turn of the process.</p>",
                    ),
                    ("heading", "Assessing mediation readiness"),
                    (
                        "paragraph",
                        "<p>Readiness has two sides. The first is the readiness of the parties. The scholar I. William Zartman described conflicts as ripe for resolution when the parties perceive a mutually hurting stalemate and see a way out through negotiation. In practice ripeness is rarely complete, and mediators often work on the parties' perceptions of the costs of continued fighting and on the credibility of a negotiated alternative. Useful questions include whether leaders can deliver their constituencies, whether a party sees talks merely as a tactic to regroup, and whether external patrons encourage or discourage negotiation.</p><p>The second is the readiness of the mediating actor. Does the organization have a clear mandate, political backing from its member states, a lead mediator acceptable to the parties, predictable funding and a support team with the necessary thematic expertise? A premature launch with weak backing can damage the credibility of later efforts. Sometimes the most valuable step is quiet pre-negotiation work, such as confidential contacts, small confidence-building measures or support to respected insider mediators, rather than a formal and public process.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "The northern corridor dispute in Kalvania",
                            "context": "<p>Kalvania is a fictional coastal state in which an armed movement in the northern provinces has fought the government for four years over the distribution of revenue from a new mining corridor. The regional organization has issued statements calling for dialogue, and the UN country team reports rising displacement and food insecurity in the north.</p><p>The government insists it will only talk once the movement disarms. The movement's political wing, based abroad, says it is ready to negotiate, but its field commanders have recently taken new territory and appear unconvinced. A neighbouring state hosts the political wing and has its own economic interests in the corridor. Presidential elections are due in eighteen months. The chairperson of the regional commission and the UN Secretariat are considering whether to appoint a joint envoy.</p>",
                            "questions": [
                                "What additional information would you need before recommending the appointment of a joint envoy?",
                                "How ripe is this conflict for mediation, and what might change the parties' calculations?",
                                "What role could the neighbouring state play, positively or negatively, and how should it be approached?",
                            ],
                        },
                    ),
                    ("heading", "Keeping analysis alive"),
                    (
                        "paragraph",
                        "<p>Small mediation teams rarely have the luxury of dedicated analysts. Practical habits help: a short shared actor map updated after each round of talks, a list of key assumptions that the team reviews regularly, and a standing channel with the early-warning and political analysis units of both organizations. Deliberately seeking out voices that are not at the table, including women's groups, youth organizations, traders and religious leaders, guards against the blind spots that come from talking only to the armed parties.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "Think of a process you know well: was the conflict analysis shared between the institutions involved, and how did that affect the process?",
                            "When is it better to wait, or to work quietly, rather than launch a formal mediation effort?",
                            "How can analysis be kept up to date once a process is under way without overloading a small team?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Mediation-oriented conflict analysis is action-oriented: it asks what could move the parties and who can influence them.",
                            "Readiness concerns both the parties and the mediating actor, including mandate, political backing and capacity.",
                            "Joint UN-regional analysis reduces contradictory messaging and pools complementary knowledge.",
                            "Ripeness can be cultivated through quiet pre-negotiation work; it is rarely simply waited for.",
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
                                "title": "Conducting a Conflict and Development Analysis",
                                "publisher": "United Nations Development Group",
                                "year": 2016,
                                "url": "",
                            },
                            {
                                "title": "Ripe for Resolution: Conflict and Intervention in Africa",
                                "publisher": "Oxford University Press",
                                "year": 1989,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "mandates-entry-points-and-consent",
                "title": "Mandates, entry points and consent",
                "summary": "Where the authority to mediate comes from, how mediators find a way in, and how the consent of the parties is won and kept.",
                "estimated_minutes": 360,
                "learning_objectives": [
                    "Identify the legal and political sources of mediation mandates in the UN, the African Union and the Regional Economic Communities.",
                    "Map possible entry points for a mediation effort and assess their advantages and risks.",
                    "Explain why consent is partial and dynamic, and describe practices that help maintain it.",
                    "Outline coordination arrangements when several mediation actors are engaged in the same conflict.",
                ],
                "body": [
                    ("heading", "Where mandates come from"),
                    (
                        "paragraph",
                        "<p>Article 33 of the Charter of the United Nations asks the parties to any dispute likely to endanger international peace and security to seek a solution first by negotiation, enquiry, mediation, conciliation, arbitration, judicial settlement, resort to regional agencies or arrangements, or other peaceful means of their own choice. Chapter VIII of the Charter encourages the pacific settlement of local disputes through regional arrangements. Within this framework, mediation mandates can come from several sources:</p><ul><li>a request from the Security Council or the General Assembly;</li><li>the good offices of the Secretary-General, exercised at his or her own initiative or at the request of the parties;</li><li>the Protocol Relating to the Establishment of the Peace and Security Council of the African Union, which gives the Peace and Security Council, the Chairperson of the Commission and the Panel of the Wise roles in peacemaking;</li><li>the treaties and protocols of Regional Economic Communities such as ECOWAS, IGAD or SADC;</li><li>a direct invitation from the parties themselves.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>In Africa, the relationship between the AU and the Regional Economic Communities is guided by the principles of subsidiarity, complementarity and comparative advantage. In practice this means that a sub-regional organization often takes the lead in its neighbourhood, with the AU and the UN in supporting roles, although the division of labour is negotiated case by case. A clear and shared understanding of who leads, and on what authority, is one of the most important early design decisions.</p>",
                    ),
                    ("heading", "Entry points and consent"),
                    (
                        "paragraph",
                        "<p>An entry point is the concrete opening through which a mediator begins to engage. It may be a formal invitation, a humanitarian issue on which the parties are willing to talk, a technical matter such as the release of detainees, or a trusted personal relationship. Low-profile entry points can build confidence, but they can also trap a process in narrow issues if the mediator does not use them to open broader discussions.</p><p>Consent is the foundation of mediation. Without it, the parties will not negotiate in good faith or own the outcome. Consent is rarely total: a government may accept a mediator but reject the inclusion of certain groups, or an armed movement may agree to talks while refusing a particular venue. Consent also fluctuates as the military or political situation changes. Mediators maintain it by being impartial in their conduct, transparent about the process, reliable in keeping confidences, and careful not to be seen as advancing the agenda of any state. Impartiality is not the same as neutrality on norms: UN mediators cannot, for example, endorse peace agreements that provide for amnesties for genocide, crimes against humanity, war crimes or gross violations of human rights.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Two invitations to Marendi",
                            "context": "<p>In the fictional state of Marendi, a disputed constitutional amendment has led to weeks of protests and clashes in the capital. The sub-regional organization has appointed a former head of state from a neighbouring country as facilitator. The opposition coalition distrusts him, recalling statements he made during his own time in office. Meanwhile, the Government of Marendi writes to the UN Secretary-General asking for a senior envoy, and the African Union Peace and Security Council has scheduled a session on the crisis.</p><p>The opposition says it will talk only under UN auspices. The sub-regional organization insists that it has the lead and that parallel initiatives would weaken regional solidarity.</p>",
                            "questions": [
                                "What options exist for structuring the relationship between the sub-regional facilitator, the AU and the UN?",
                                "How could the opposition's consent be secured without undermining the regional facilitator?",
                                "What risks does the Government's letter to the Secretary-General create, and how should the UN respond?",
                            ],
                        },
                    ),
                    ("heading", "Coordinating multiple mediators"),
                    (
                        "paragraph",
                        "<p>Where several actors are engaged, parties may engage in forum shopping, playing mediators against one another. Options for coordination include a single lead mediator supported by others, a joint envoy appointed by two organizations, a co-chairmanship, or a contact group or group of friends that aligns the messages of influential states. Whatever the arrangement, it should be agreed early, documented in writing where possible, and supported by regular desk-to-desk exchanges between the organizations concerned.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "In your organization, who can authorize a mediation effort, and how quickly can that happen?",
                            "When might a low-profile entry point become a trap rather than an opening?",
                            "How should a mediator respond when one party withdraws its consent in the middle of a process?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Mediation mandates derive from the UN Charter, regional instruments and the parties' own requests; clarity about who leads is essential.",
                            "Subsidiarity and complementarity guide the division of labour between the UN, the AU and the Regional Economic Communities.",
                            "Consent is partial and dynamic, and must be actively maintained through impartial conduct and reliable process management.",
                            "Impartiality does not mean neutrality on international norms, including the prohibition of amnesties for international crimes.",
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
                                "title": "Protocol Relating to the Establishment of the Peace and Security Council of the African Union",
                                "publisher": "African Union",
                                "year": 2002,
                                "url": "",
                            },
                            {
                                "title": "Joint UN-AU Framework for Enhanced Partnership in Peace and Security",
                                "publisher": "United Nations and African Union",
                                "year": 2017,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "process-architecture",
                "title": "Process architecture: tracks, sequencing, agenda and venue",
                "summary": "Designing the structure of a peace process: who talks to whom, in what order, about what, and where.",
                "estimated_minutes": 420,
                "learning_objectives": [
                    "Describe the main negotiation formats and tracks and explain how they can be linked.",
                    "Compare gradual and comprehensive approaches to sequencing a process.",
                    "Facilitate the negotiation of an agenda and rules of procedure.",
                    "Assess the political, security and logistical implications of different venues.",
                ],
                "body": [
                    ("heading", "Tracks and formats"),
                    (
                        "paragraph",
                        "<p>Process architecture is the structure within which negotiations take place. It is not neutral: the way a process is organized shapes who has influence and which issues are discussed. Mediators commonly distinguish between several tracks:</p><ul><li><strong>Track 1:</strong> official negotiations between the leaders or authorized representatives of the parties.</li><li><strong>Track 1.5:</strong> informal dialogue involving officials acting in a personal capacity alongside non-officials.</li><li><strong>Track 2:</strong> unofficial dialogue among influential non-state actors, such as academics, religious leaders or former officials.</li><li><strong>Track 3:</strong> community-level peacebuilding and dialogue.</li></ul><p>Formats also vary. Parties may meet face to face, or the mediator may run proximity talks, moving between delegations in the same venue, or shuttle diplomacy between capitals. Direct talks build relationships but can collapse in public acrimony; proximity formats protect the parties but slow progress. The key design task is to link the tracks so that ideas, concerns and support flow between them rather than running in parallel.</p>",
                    ),
                    ("heading", "Sequencing and agenda"),
                    (
                        "paragraph",
                        "<p>Most processes pass through recognizable phases: exploratory contacts, pre-talks on the process itself, substantive negotiations, and agreement and implementation. Mediators must decide whether to aim for a comprehensive agreement that addresses all issues at once, or a gradual approach of framework agreements followed by detailed protocols. Gradual approaches build confidence and can deliver early benefits such as a ceasefire, but risk leaving the hardest issues for later, when momentum may have faded. The principle that nothing is agreed until everything is agreed can encourage flexibility, but it can also allow a single issue to hold the whole process hostage.</p><p>The agenda is itself a subject of negotiation. A party that sees its core grievance left off the agenda may refuse to participate, while a party that fears an issue will prejudge the outcome may insist on neutral wording. Mediators often help the parties agree on a short declaration of principles or a framework agenda before substantive talks, together with rules of procedure covering delegation size, decision-making, confidentiality and communication with the media.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Choosing a venue for the Talvoran talks",
                            "context": "<p>After months of shuttle diplomacy, the Government of the fictional Republic of Talvora and a coalition of two armed movements have agreed in principle to meet. Three venues have been offered: the capital of a neighbouring country that has historically supported one of the movements; a regional organization's headquarters on the same continent; and a European city offering generous funding. Several movement leaders are subject to a regional travel ban, and one requires medical treatment. The Government prefers a venue close to home to keep the talks low-profile; the movements want international visibility.</p>",
                            "questions": [
                                "What criteria should guide the choice of venue, and how would you weigh them?",
                                "How would you handle the travel ban and the security of delegations?",
                                "How might the choice of venue affect the links between the formal talks and domestic constituencies?",
                            ],
                        },
                    ),
                    ("heading", "Venue and support structures"),
                    (
                        "paragraph",
                        "<p>A venue should be acceptable to all parties, secure, accessible and affordable over what may be a long process. It carries political symbolism: a host state gains influence and may expect a say. Practical questions matter as much as politics, including visas, travel bans and sanctions exemptions, interpretation, communications security and media access. Behind the table, a mediation secretariat, technical working groups and expert advisers on issues such as security arrangements, constitution-making or wealth-sharing are essential. Joint UN-AU teams should agree early who provides which support so that gaps and duplications do not undermine the mediator.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "What are the risks of moving too quickly from exploratory talks to formal negotiations?",
                            "How can Track 2 initiatives be connected to official talks without compromising either?",
                            "Who should pay for a peace process, and how does funding affect ownership?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Process architecture shapes outcomes; design choices should follow from the conflict analysis.",
                            "Different tracks and formats serve different purposes, and their value depends on how they are linked.",
                            "Agenda and rules of procedure are negotiated, and early agreement on them reduces later deadlock.",
                            "Venue decisions combine political symbolism, security, legal constraints and logistics.",
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
                                "title": "Concept on EU Peace Mediation",
                                "publisher": "Council of the European Union",
                                "year": 2020,
                                "url": "",
                            },
                            {
                                "title": "Managing Peace Processes: A Handbook for AU Practitioners",
                                "publisher": "African Union and Centre for Humanitarian Dialogue",
                                "year": 2013,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "inclusion-of-civil-society-and-parties",
                "title": "Inclusion of parties and civil society",
                "summary": "Deciding who participates in a peace process, in what capacity, and how to link the negotiating table to the wider society.",
                "estimated_minutes": 360,
                "learning_objectives": [
                    "Explain why inclusivity is a fundamental of effective mediation and how it supports the legitimacy of agreements.",
                    "Identify the range of armed, political and civil society actors with a stake in a process.",
                    "Compare modalities of participation and select those suited to a given context.",
                    "Anticipate the risks that participation creates for civil society actors and plan mitigating measures.",
                ],
                "body": [
                    ("heading", "Why inclusion matters"),
                    (
                        "paragraph",
                        "<p>Inclusivity is one of the fundamentals set out in the <em>United Nations Guidance for Effective Mediation</em>. It refers to the extent to which the views and needs of conflict parties and other stakeholders are represented and integrated into the process and its outcome. Inclusion is not an end in itself. Agreements negotiated only among the men with guns tend to reflect their immediate interests in power and security, while leaving unaddressed the grievances that fuelled the conflict in the first place. Broader participation increases the legitimacy of an agreement, the likelihood that society will defend it, and the quality of its provisions.</p><p>Inclusion begins with the parties themselves. Armed movements fragment, governments contain rival factions, and some relevant political parties may not be armed at all. Mediators need to decide whether to engage all armed groups, including those subject to sanctions or designated as terrorist organizations, and must seek legal and policy guidance from their own organization before doing so. Excluding a powerful actor may make the process easier to manage in the short term, but it creates an incentive for that actor to spoil the outcome.</p>",
                    ),
                    ("heading", "Modalities of participation"),
                    (
                        "paragraph",
                        "<p>There is no single model of inclusion. Research on inclusive peace processes, notably by the Inclusive Peace and Transition Initiative, has identified several modalities, which are often combined:</p><ol><li>direct representation at the negotiation table, within party delegations or as separate delegations;</li><li>observer status for selected groups;</li><li>official consultations, whether before, during or after negotiations;</li><li>inclusive commissions, for example to prepare a constitution or monitor implementation;</li><li>high-level problem-solving workshops that bring together influential figures from different sides;</li><li>public decision-making, such as referendums on a final agreement;</li><li>mass action, through which movements outside the process press for negotiations or for particular outcomes.</li></ol><p>What matters most is not the format but the influence that participants actually have. Consultations whose results never reach the table, or observer seats without the right to speak, can produce frustration rather than ownership. Mediators should ask how input will be transmitted to the negotiators and how participants will learn what happened to it.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Civil society seats in the Orsova dialogue",
                            "context": "<p>In the fictional Federal Republic of Orsova, a national dialogue has been convened after a military takeover and a year of unrest. The joint UN-AU facilitation team proposes that civil society hold one quarter of the seats. The transitional authorities agree in principle but insist on selecting the organizations themselves. Established civil society platforms in the capital demand that they select the delegates, while women's associations and youth groups from the provinces complain that both options will exclude them. Several human rights defenders have received threats after speaking publicly about the dialogue.</p>",
                            "questions": [
                                "Who should select civil society participants, and by what criteria?",
                                "Which combination of modalities would you recommend to reach provincial women and youth?",
                                "What measures should the facilitation team take to protect participants who face threats?",
                            ],
                        },
                    ),
                    ("heading", "Managing the trade-offs"),
                    (
                        "paragraph",
                        "<p>Inclusion involves trade-offs. Larger processes are slower and harder to keep confidential, and parties may fear that civil society will dilute their influence. These concerns are real, but they can be managed through careful sequencing, such as confidential talks on security issues alongside broad consultations on governance, and through clear rules. Mediators should also apply a do-no-harm lens: participation can expose people to reprisals, and selection processes can reinforce existing divisions. Security Council resolutions 1325 (2000) on women, peace and security and 2250 (2015) on youth, peace and security provide a normative basis for insisting on the participation of women and young people.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "In a process you know, who was excluded, and what were the consequences?",
                            "How can a mediator persuade reluctant parties that inclusion serves their interests?",
                            "What is the difference between participation and influence, and how would you measure it?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Inclusion strengthens the legitimacy, quality and durability of agreements.",
                            "Modalities of participation range from seats at the table to consultations, commissions and public decision-making, and are often combined.",
                            "The test of inclusion is influence on the process and its outcome, not presence alone.",
                            "Participation can create risks for civil society actors, which mediators have a responsibility to anticipate.",
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
                                "title": "Guidance on Gender and Inclusive Mediation Strategies",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Security Council resolution 2250 on youth, peace and security",
                                "publisher": "United Nations Security Council",
                                "year": 2015,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "ceasefires-agreements-and-implementation",
                "title": "Ceasefires, agreements and implementation support",
                "summary": "The building blocks of ceasefires and peace agreements, and why mediation does not end at the signing ceremony.",
                "estimated_minutes": 420,
                "learning_objectives": [
                    "Distinguish between types of ceasefire and identify their essential components.",
                    "Assess the quality of a peace agreement against criteria of clarity, feasibility and inclusiveness.",
                    "Design monitoring, verification and dispute-resolution mechanisms suited to the context.",
                    "Plan how the UN and regional partners can support implementation after signature.",
                ],
                "body": [
                    ("heading", "Designing ceasefires"),
                    (
                        "paragraph",
                        "<p>Ceasefires can serve very different purposes. A humanitarian pause may allow aid to reach civilians for a few days; a preliminary ceasefire may create space for political talks; a definitive ceasefire may form part of a comprehensive settlement and lead into the cantonment, disarmament and reintegration of combatants. Whatever its purpose, a ceasefire that is vague on essentials is likely to break down. Mediators and their technical advisers should help the parties agree on:</p><ul><li>precise definitions, including what counts as a violation;</li><li>a list of prohibited acts, which should explicitly include sexual violence and attacks on civilians, as well as recruitment and resupply where relevant;</li><li>geographic scope, timelines and, where needed, separation of forces;</li><li>a monitoring and verification mechanism, with a clear composition and access arrangements;</li><li>procedures for handling incidents and resolving disputes before they escalate.</li></ul><p>A ceasefire negotiated in isolation from the political track can freeze a conflict without resolving it. Conversely, political talks conducted under continuing violence are under constant strain. The relationship between the two should be a deliberate design choice.</p>",
                    ),
                    ("heading", "Quality agreements"),
                    (
                        "paragraph",
                        "<p>The <em>United Nations Guidance for Effective Mediation</em> identifies quality peace agreements as a fundamental of mediation. A good agreement addresses the core issues identified in the conflict analysis, is consistent with international law, is realistic about the resources and capacities needed, and sets out implementation modalities: who does what, by when, with what funding and under what oversight. Constructive ambiguity can help parties accept difficult compromises, but ambiguity on matters such as the sequencing of disarmament and power-sharing frequently resurfaces as a crisis during implementation. Mediators should also check agreements for gender-responsive provisions and for how victims and displaced people will be treated.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "The Lake Amara ceasefire",
                            "context": "<p>Six months ago, the Government of the fictional state of Dunelia and the Amara Liberation Front signed a ceasefire in the capital of a neighbouring country, facilitated by a sub-regional organization with UN and AU support. The agreement created a joint monitoring commission chaired by the sub-regional organization, but did not specify its budget or its right to access contested areas. Since signature, each side has accused the other of moving forces. Local radio reports attacks on women collecting firewood near a military post, and the commission has not yet deployed to the area. Donors are asking whether the process is still viable.</p>",
                            "questions": [
                                "What design weaknesses in the ceasefire agreement are contributing to the current tensions?",
                                "What immediate steps could the mediators take to stabilize the situation?",
                                "How should the UN and AU divide roles in supporting the monitoring commission?",
                            ],
                        },
                    ),
                    ("heading", "Supporting implementation"),
                    (
                        "paragraph",
                        "<p>Signature is the beginning of a new and often more difficult phase. Implementation brings new actors into play, from national institutions to international partners, and exposes disagreements that were papered over at the table. Effective arrangements typically include an implementation monitoring body with real authority, a continued role for the mediator or guarantors in resolving disputes, predictable financing, and regular public communication so that people can see tangible benefits. Joint UN-AU support can combine the political weight of regional guarantors with the technical capacities of UN agencies, funds and programmes.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "When is it wise to pursue a ceasefire before political talks, and when can this backfire?",
                            "What role should international actors play as guarantors of an agreement?",
                            "How can a mediation team prepare for implementation while negotiations are still under way?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Ceasefires need precise definitions, prohibited acts including sexual violence, and credible monitoring and dispute-resolution mechanisms.",
                            "Quality agreements address root causes, respect international law and set out clear implementation modalities.",
                            "Constructive ambiguity can enable signature but often returns as a crisis during implementation.",
                            "Implementation requires sustained political accompaniment, not only technical and financial support.",
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
                                "title": "Guidance for Mediators: Addressing Conflict-Related Sexual Violence in Ceasefire and Peace Agreements",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "Guidance on Mediation of Ceasefires",
                                "publisher": "United Nations Department of Political and Peacebuilding Affairs",
                                "year": 2022,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "gender-inclusive-mediation",
        "title": "Gender-Inclusive Mediation",
        "summary": "A blended course on making peace processes gender-inclusive: from the normative basis of the Women, Peace and Security agenda to process design, gender-sensitive agreements and networks of women mediators.",
        "learning_outcomes": [
            "Participants can explain the Women, Peace and Security agenda and its implications for the conduct of mediation.",
            "Participants can design modalities that give women meaningful influence in a peace process, not only a presence.",
            "Participants can conduct a gender-sensitive conflict analysis and review draft agreements for gender-responsive provisions.",
            "Participants can draw on regional and global networks of women mediators and connect their work to official processes.",
            "Participants can advise envoys and mediation teams on practical strategies for inclusion in their own organizations.",
        ],
        "target_audience": "<p>Mediators, envoys' advisers, mediation support officers, political officers and gender advisers from the United Nations, the European Union and regional and sub-regional organizations. Members of regional women mediators' networks and practitioners from civil society organizations engaged in peace processes are also welcome.</p><p>The course is designed for both women and men: gender-inclusive mediation is the responsibility of every member of a mediation team, not only of gender specialists.</p>",
        "prerequisites": "<p>Professional experience in conflict prevention, mediation, peacebuilding or gender equality work. No prior gender expertise is required. Participants must complete the self-paced online phase (approximately ten hours) before attending the residential workshop, and must be comfortable working in English, French or Spanish.</p>",
        "duration_hours": 28,
        "languages": ["en", "fr", "es"],
        "delivery_mode": "blended",
        "thematic_areas": ["mediation", "women-peace-security"],
        "partners": ["DPPA", "EEAS", "UNITAR"],
        "featured": True,
        "modules": [
            {
                "slug": "women-participation-and-the-wps-agenda",
                "title": "Women's meaningful participation and the Women, Peace and Security agenda",
                "summary": "The normative foundations of women's participation in peace processes, and what the evidence tells us about its impact.",
                "estimated_minutes": 360,
                "learning_objectives": [
                    "Summarize Security Council resolution 1325 (2000) and the main resolutions that followed it.",
                    "Describe the persistent gap between normative commitments and women's actual participation in peace processes.",
                    "Explain what makes participation meaningful rather than symbolic.",
                    "Identify the commitments of the UN and the EU that apply to mediation teams.",
                ],
                "body": [
                    ("heading", "The normative framework"),
                    (
                        "paragraph",
                        "<p>In October 2000 the Security Council adopted resolution 1325, the first resolution to recognize the disproportionate impact of armed conflict on women and the essential contribution of women to conflict prevention, peacemaking and peacebuilding. The resolution is usually summarized in four pillars:</p><ul><li><strong>Participation</strong> of women at all levels of decision-making, including in peace negotiations;</li><li><strong>Protection</strong> of women and girls from sexual and gender-based violence and other violations;</li><li><strong>Prevention</strong> of conflict and of violence against women;</li><li><strong>Relief and recovery</strong> measures that respond to the needs of women and girls.</li></ul><p>Later resolutions built on this foundation. Resolutions 1820 (2008), 1888 (2009), 1960 (2010), 2106 (2013) and 2467 (2019) focus on conflict-related sexual violence, while resolutions 1889 (2009), 2122 (2013), 2242 (2015) and 2493 (2019) emphasize participation and implementation. Together they form the Women, Peace and Security agenda. Regional organizations have adopted their own frameworks, including national and regional action plans and, for the European Union, the EU Strategic Approach to Women, Peace and Security adopted in 2018.</p>",
                    ),
                    ("heading", "From commitment to practice"),
                    (
                        "paragraph",
                        "<p>Despite these commitments, women remain seriously under-represented in formal processes. A review by UN Women of a sample of peace processes between 1992 and 2011 found that women made up only about 4 per cent of signatories, 2.4 per cent of chief mediators and 9 per cent of negotiators. Later studies show improvement, but not parity. Meanwhile, women are frequently active in informal peacemaking: negotiating local ceasefires, securing the release of hostages, or mobilizing for talks to begin.</p><p>The evidence on impact is increasingly strong. Research summarized in the International Peace Institute report <em>Reimagining Peacemaking: Women's Roles in Peace Processes</em> (2015) suggests that when women's groups are able to exercise strong influence, agreements are more likely to be reached and implemented. The qualifier matters. Studies of inclusion consistently find that numbers alone do not make the difference; what counts is the ability of women to influence the agenda, the provisions of the agreement and its implementation. This is why the UN and its partners speak of <em>meaningful</em> participation.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A delegation without women in Belmora",
                            "context": "<p>The fictional state of Belmora is preparing for talks between the Government and a regional autonomy movement, facilitated by a joint UN and regional envoy. Both delegations have been announced; neither includes a woman. A coalition of women's organizations that mediated several local truces during the fighting requests a meeting with the envoy and asks for seats at the table. The Government's chief negotiator says that the talks are about security, not social issues, and that the women's coalition can be consulted once a framework agreement is signed. The movement says it will add women if the Government does.</p>",
                            "questions": [
                                "What arguments could the envoy use with each delegation to encourage the inclusion of women?",
                                "What should the envoy offer the women's coalition in the short term if seats at the table are not immediately possible?",
                                "How would you assess whether any arrangement you propose gives women real influence?",
                            ],
                        },
                    ),
                    ("heading", "What this means for mediators"),
                    (
                        "paragraph",
                        "<p>For mediation teams, the Women, Peace and Security agenda is not optional. UN envoys are expected to consult women's organizations, include gender expertise in their teams, and encourage parties to include women in their delegations. The <em>UN Guidance on Gender and Inclusive Mediation Strategies</em> (2017) translates these expectations into practical steps at each stage of a process. The EU and several regional organizations have made similar commitments. The rest of this course looks at how to deliver on them.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "Why has the gap between commitments and practice persisted for more than two decades?",
                            "In your organization, who is accountable for the inclusion of women in the processes you support?",
                            "What forms of informal peacemaking by women have you observed, and how were they connected to formal talks?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Resolution 1325 (2000) and its successor resolutions establish women's participation in peace processes as a Security Council priority.",
                            "Women remain significantly under-represented in formal processes, even though they are often active in informal peacemaking.",
                            "Evidence links women's influence, not mere presence, to the reaching and implementation of agreements.",
                            "Mediation teams carry concrete responsibilities under UN, EU and regional commitments.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Security Council resolution 1325 on women and peace and security",
                                "publisher": "United Nations Security Council",
                                "year": 2000,
                                "url": "",
                            },
                            {
                                "title": "Reimagining Peacemaking: Women's Roles in Peace Processes",
                                "publisher": "International Peace Institute",
                                "year": 2015,
                                "url": "",
                            },
                            {
                                "title": "Preventing Conflict, Transforming Justice, Securing the Peace: A Global Study on the Implementation of United Nations Security Council Resolution 1325",
                                "publisher": "UN Women",
                                "year": 2015,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "designing-inclusive-processes",
                "title": "Designing inclusive processes: modalities of participation",
                "summary": "Practical options for giving women and other under-represented groups influence at every stage of a peace process.",
                "estimated_minutes": 420,
                "learning_objectives": [
                    "Apply the main recommendations of the UN Guidance on Gender and Inclusive Mediation Strategies to a process design.",
                    "Compare modalities of participation for women, including direct representation, consultative mechanisms and advisory bodies.",
                    "Identify the logistical, financial and security conditions that make participation possible.",
                    "Develop an inclusion strategy for a mediation team.",
                ],
                "body": [
                    ("heading", "Inclusion as a strategy, not an afterthought"),
                    (
                        "paragraph",
                        "<p>The <em>UN Guidance on Gender and Inclusive Mediation Strategies</em> (2017) starts from a simple proposition: inclusion must be planned from the start and built into every stage of a process. An inclusive strategy considers who participates, how their input reaches the negotiating parties, what issues are on the agenda, and how women and other groups will be involved in implementation. It also recognizes that women are not a homogeneous group: women from different regions, classes, ethnic groups, generations and political affiliations may hold very different views.</p><p>Mediators have more influence over process design than over substance, which makes design choices their most important lever. Early in a process, before positions harden, is also the moment when inclusion is cheapest to secure. Once a process architecture is agreed, reopening it to bring in new participants is politically costly.</p>",
                    ),
                    ("heading", "Modalities of participation"),
                    (
                        "paragraph",
                        "<p>Mediation teams can combine several modalities, adapting them to the context and to the phase of the process:</p><ul><li><strong>Women in party delegations:</strong> mediators can encourage parties to include women, for example by proposing a minimum proportion or by inviting additional delegates for specific thematic committees.</li><li><strong>Separate delegations or seats:</strong> in some processes, women's groups or civil society platforms have their own delegation or dedicated seats.</li><li><strong>Advisory bodies to the mediator:</strong> women's advisory boards or groups give the envoy direct and regular access to women's perspectives, though their influence depends on how the envoy uses their advice.</li><li><strong>Consultations and civil society support rooms:</strong> structured consultations, physical or virtual, can reach large numbers of people and feed into the talks.</li><li><strong>Thematic commissions and implementation bodies:</strong> women's participation in ceasefire monitoring, constitutional and transitional justice commissions extends influence beyond signature.</li></ul><p>Each modality has limits. Women in party delegations may be bound by party discipline; separate delegations can be marginalized; consultations can become box-ticking. A mix of modalities, with clear transfer mechanisms between them, is usually most effective.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Building an advisory group in Sarvendi",
                            "context": "<p>A joint envoy has been appointed to facilitate talks in the fictional country of Sarvendi. The parties have rejected a quota for women in their delegations but accepted that the envoy may consult civil society. The envoy's team proposes a women's advisory group of twelve members. Within a week, the team receives more than two hundred nominations. Rural women's associations lack funds to travel to the capital, several nominees are relatives of senior officials, and diaspora organizations ask to be included. One potential member has asked for childcare and security arrangements.</p>",
                            "questions": [
                                "What selection criteria and process would you recommend for the advisory group?",
                                "How would you ensure that the group's advice actually reaches the parties?",
                                "What budget items and protection measures should be planned from the outset?",
                            ],
                        },
                    ),
                    ("heading", "Enablers of participation"),
                    (
                        "paragraph",
                        "<p>Participation depends on practical conditions that are easy to overlook: travel funding and visas, interpretation, childcare, accessible venues, timing of meetings, digital access for online consultations, and protection for women who face threats or online harassment for their engagement. Mediation teams should include gender expertise and budget for these needs from the beginning. Partners bring complementary assets: the UN can provide technical gender expertise and convening power, the EU can fund consultations and capacity-building, and UNITAR and similar institutions can prepare participants through targeted training.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "Which modality of participation would be most realistic in a process you are familiar with, and why?",
                            "How should a mediator respond when parties argue that inclusion will slow the process down?",
                            "What are the risks of selecting women participants through the conflict parties themselves?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Inclusion should be designed into a process from the start, when it is easiest to secure.",
                            "Modalities range from women in delegations to advisory bodies, consultations and implementation commissions, and work best in combination.",
                            "Transfer mechanisms that carry input to the table determine whether participation becomes influence.",
                            "Funding, logistics and protection are conditions of participation, not extras.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Guidance on Gender and Inclusive Mediation Strategies",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Making Women Count - Not Just Counting Women: Assessing Women's Inclusion and Influence on Peace Negotiations",
                                "publisher": "Inclusive Peace and Transition Initiative and UN Women",
                                "year": 2016,
                                "url": "",
                            },
                            {
                                "title": "Women's Participation in Peace Negotiations: Connections between Presence and Influence",
                                "publisher": "UN Women",
                                "year": 2012,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "gender-sensitive-analysis-and-agreement-provisions",
                "title": "Gender-sensitive conflict analysis and agreement provisions",
                "summary": "Using a gender lens to understand a conflict and to draft ceasefire and peace agreement provisions that respond to the needs of women, men, girls and boys.",
                "estimated_minutes": 420,
                "learning_objectives": [
                    "Integrate gender dimensions into each element of a conflict analysis.",
                    "Identify issues in ceasefire and peace agreements that commonly require gender-responsive provisions.",
                    "Review draft agreement text for gender-blind language and propose alternatives.",
                    "Plan gender-sensitive monitoring of implementation.",
                ],
                "body": [
                    ("heading", "Gender in conflict analysis"),
                    (
                        "paragraph",
                        "<p>A gender-sensitive conflict analysis asks how conflict affects women, men, girls and boys differently, and how gender norms shape the conflict itself. It examines the roles women and men play as combatants, supporters, peacebuilders and victims; the ways in which ideas of masculinity are mobilized to recruit fighters; patterns of sexual and gender-based violence; and the effects of conflict on livelihoods, land, displacement and access to services. It also identifies the women's organizations, networks and individuals who are already working for peace.</p><p>This is not a separate exercise. Gender questions should be integrated into the standard analysis of actors, issues, dynamics and drivers. Good practice includes disaggregating data by sex and age, consulting women in affected communities directly rather than relying on intermediaries, and ensuring that analysis teams include people with gender expertise.</p>",
                    ),
                    ("heading", "Gender-responsive provisions"),
                    (
                        "paragraph",
                        "<p>Almost every chapter of a peace agreement has gender implications. Areas that commonly require attention include:</p><ul><li><strong>Ceasefires and security arrangements:</strong> listing conflict-related sexual violence as a prohibited act, including women in monitoring mechanisms, and ensuring that women associated with armed groups are recognized in disarmament, demobilization and reintegration programmes.</li><li><strong>Political participation:</strong> quotas or other measures for women in transitional institutions, legislatures and commissions.</li><li><strong>Transitional justice:</strong> excluding amnesties for sexual violence crimes, and designing reparations and truth-seeking processes accessible to women.</li><li><strong>Land, property and economic recovery:</strong> protecting women's rights to land, inheritance and livelihoods, particularly for widows and displaced women.</li><li><strong>Return and resettlement:</strong> addressing the specific needs and risks of displaced women and girls.</li></ul><p>Language matters. Gender-neutral wording such as 'all citizens' or 'combatants' can hide exclusion in practice. Databases of peace agreements, such as PA-X maintained by the University of Edinburgh, allow teams to compare how provisions on women and gender have been drafted elsewhere.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Reviewing the Tessaly framework agreement",
                            "context": "<p>Negotiators in the fictional state of Tessaly have produced a draft framework agreement covering a ceasefire, the integration of fighters into the national army, a power-sharing government and a return programme for displaced people. The word 'women' appears once, in the preamble. The ceasefire chapter prohibits attacks on civilians but does not mention sexual violence. The integration chapter refers to 'former combatants' and sets eligibility criteria based on possession of a weapon. The return programme allocates land to heads of household. The envoy has asked the gender adviser for comments within forty-eight hours.</p>",
                            "questions": [
                                "What are the three most important amendments you would recommend, and why?",
                                "How would you present your recommendations so that the parties are likely to accept them?",
                                "Who outside the negotiating room should be consulted on these provisions?",
                            ],
                        },
                    ),
                    ("heading", "Monitoring implementation"),
                    (
                        "paragraph",
                        "<p>Provisions on paper are only a first step. Implementation plans should include gender-sensitive indicators, adequate funding for gender-related commitments and the participation of women in implementation bodies. Women's organizations often play an important role in monitoring, and their reports can provide early warning of backsliding.</p><p>Mediators and guarantors can reinforce this by asking implementation bodies to report regularly on gender-related commitments, by raising delays in their contacts with the parties, and by ensuring that donors' support for implementation includes the programmes on which women's provisions depend, such as reintegration support for women formerly associated with armed groups and services for survivors of sexual violence.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "How can a small mediation team with no dedicated gender adviser still integrate gender into its analysis?",
                            "When might explicit gender provisions meet resistance from the parties, and how can this be addressed?",
                            "How can the effects of a peace agreement on men and boys be included in a gender analysis?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Gender analysis examines how conflict affects women, men, girls and boys differently and how gender norms shape violence.",
                            "Gender considerations belong in every chapter of an agreement, from ceasefires to land and transitional justice.",
                            "Gender-neutral language can conceal exclusion; precise drafting is essential.",
                            "Implementation requires gender-sensitive indicators, funding and women's participation in oversight bodies.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Guidance on Gender and Inclusive Mediation Strategies",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Guidance for Mediators: Addressing Conflict-Related Sexual Violence in Ceasefire and Peace Agreements",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "Conducting a Conflict and Development Analysis",
                                "publisher": "United Nations Development Group",
                                "year": 2016,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "women-mediator-networks",
                "title": "Networks of women mediators",
                "summary": "How regional networks such as FemWise-Africa and the Mediterranean Women Mediators Network are changing who mediates, and how official processes can draw on them.",
                "estimated_minutes": 360,
                "learning_objectives": [
                    "Describe the origins, mandates and working methods of the main regional networks of women mediators.",
                    "Explain how these networks link local, national and international peacemaking.",
                    "Identify ways in which the UN, the EU and regional organizations can draw on network members.",
                    "Analyse the challenges networks face in moving from visibility to deployment and influence.",
                ],
                "body": [
                    ("heading", "The rise of women mediator networks"),
                    (
                        "paragraph",
                        "<p>One common explanation for the small number of women in senior mediation roles is that there are too few experienced women available. Regional networks of women mediators were created in large part to disprove that claim and to change the pipeline. Since the mid-2010s several networks have emerged:</p><ul><li><strong>Nordic Women Mediators</strong>, launched in 2015 by the Nordic countries;</li><li><strong>FemWise-Africa</strong>, the Network of African Women in Conflict Prevention and Mediation, established in 2017 as a subsidiary mechanism of the Panel of the Wise within the African Peace and Security Architecture;</li><li>the <strong>Mediterranean Women Mediators Network</strong>, launched in Rome in 2017 with the support of the Italian Ministry of Foreign Affairs;</li><li><strong>Women Mediators across the Commonwealth</strong>, launched in 2018;</li><li>the <strong>Arab Women Mediators Network</strong>, established under the League of Arab States.</li></ul><p>In 2019 several of these networks came together in the Global Alliance of Regional Women Mediator Networks to share experience and advocate jointly.</p>",
                    ),
                    ("heading", "What networks do"),
                    (
                        "paragraph",
                        "<p>Networks vary in structure, but most combine several functions. They maintain rosters of women with mediation and negotiation experience; provide training, mentoring and peer exchange; advocate for the appointment of women as envoys and members of mediation teams; and connect women working in formal Track 1 processes with those mediating at community level. FemWise-Africa, for example, brings together women working at different levels and aims to deploy members in support of AU preventive diplomacy and mediation efforts, while also supporting women's peacemaking at local and national level.</p><p>This multi-level character is one of the networks' main strengths. Women mediating local disputes over land, cattle or returns often have knowledge and relationships that official envoys lack. Networks can help bring that knowledge into formal processes and, in the other direction, keep communities informed about what is happening at the table.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Drawing on a regional network in Korvena",
                            "context": "<p>A sub-regional organization is supporting talks in the fictional state of Korvena, where pastoralist and farming communities have clashed repeatedly. The lead mediator, a former foreign minister, has been asked by the African Union and the UN to strengthen the gender expertise of the team. A regional women mediators' network proposes three members: a lawyer who has mediated land disputes in Korvena, a former parliamentarian from a neighbouring country, and a peace activist from the diaspora. The lead mediator worries about confidentiality and about how the parties will perceive the new team members.</p>",
                            "questions": [
                                "What roles could each of the proposed network members play in the mediation team?",
                                "How can concerns about confidentiality and perception be addressed?",
                                "What support would the network members need to contribute effectively?",
                            ],
                        },
                    ),
                    ("heading", "From rosters to deployment"),
                    (
                        "paragraph",
                        "<p>The main challenge for networks is to move from visibility to deployment and influence. Members are still too rarely appointed to lead or senior roles in official processes, and networks often depend on short-term project funding. Organizations that convene mediation can help by consulting network rosters when they form teams, funding deployments and mentoring, and inviting network members to contribute to analysis and strategy. The UN, the EU and regional organizations can also support connections between networks, so that experience gained in one region informs practice in others.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "What prevents experienced women from being appointed as lead mediators, and how can networks address this?",
                            "How can networks avoid becoming only symbolic platforms?",
                            "How would you use a women mediators' network in a process you are currently following?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Regional networks of women mediators challenge the claim that too few qualified women are available.",
                            "FemWise-Africa is anchored in the African Peace and Security Architecture as part of the Panel of the Wise.",
                            "Networks link community-level peacemaking with formal processes in both directions.",
                            "Deployment and influence, not visibility alone, are the measure of success.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Guidance on Gender and Inclusive Mediation Strategies",
                                "publisher": "United Nations Department of Political Affairs",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Reimagining Peacemaking: Women's Roles in Peace Processes",
                                "publisher": "International Peace Institute",
                                "year": 2015,
                                "url": "",
                            },
                            {
                                "title": "EU Strategic Approach to Women, Peace and Security",
                                "publisher": "Council of the European Union",
                                "year": 2018,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "early-warning-and-conflict-analysis",
        "title": "Early Warning and Conflict Analysis",
        "summary": "A self-paced online course on collecting and interpreting early-warning data, building scenarios, and turning analysis into timely warnings that decision makers act upon.",
        "learning_outcomes": [
            "Participants can select and combine structural and dynamic indicators and assess the reliability of data sources.",
            "Participants can move from data to analysis and build plausible scenarios with observable signposts.",
            "Participants can draft concise, actionable warnings tailored to decision makers.",
            "Participants can explain the architecture of regional early-warning systems, including ECOWARN and the AU Continental Early Warning System, and their links with the UN.",
            "Participants can contribute to joint analysis with partner organizations while respecting confidentiality and information-sharing rules.",
        ],
        "target_audience": "<p>Early-warning analysts, political affairs officers, field monitors and staff of situation rooms in the United Nations, the ECOWAS Commission, the African Union Commission and other regional and sub-regional organizations. Staff of national early-warning and response centres in ECOWAS member states are also welcome.</p>",
        "prerequisites": "<p>Basic familiarity with political analysis or reporting. No statistical training is required, although participants should be comfortable reading simple charts and tables. A reliable internet connection is needed to complete the online exercises; all materials can also be downloaded for offline reading.</p>",
        "duration_hours": 20,
        "languages": ["en", "fr", "pt"],
        "delivery_mode": "online",
        "thematic_areas": ["early-warning", "conflict-prevention"],
        "partners": ["DPPA", "ECOWAS"],
        "featured": False,
        "modules": [
            {
                "slug": "indicators-and-data-sources",
                "title": "Indicators and data sources",
                "summary": "Choosing what to monitor and where the information comes from, and judging how far it can be trusted.",
                "estimated_minutes": 300,
                "learning_objectives": [
                    "Distinguish between structural factors, accelerators and triggers of violent conflict.",
                    "Select indicators that are relevant, measurable and sensitive to change.",
                    "Compare the strengths and weaknesses of field reporting, open sources and event datasets.",
                    "Apply basic checks of reliability, bias and data protection.",
                ],
                "body": [
                    ("heading", "What to watch: types of indicators"),
                    (
                        "paragraph",
                        "<p>Early warning is the systematic collection and analysis of information about situations at risk of violent conflict, with the aim of informing preventive action. It starts with deciding what to watch. Analysts commonly distinguish three types of factors:</p><ul><li><strong>Structural factors</strong> change slowly and create conditions for conflict, for example horizontal inequalities between groups, contested land tenure, exclusion from political power, or weak and politicized institutions.</li><li><strong>Accelerators</strong> increase tension in the short to medium term, such as a sharp rise in food prices, hate speech in the media, arms flows, or the postponement of elections.</li><li><strong>Triggers</strong> are sudden events that can spark violence, such as the assassination of a leader, a disputed election result or a violent incident at a religious site.</li></ul><p>Good indicators are relevant to the context, observable, and sensitive enough to show change over time. A generic list is a useful starting point, but each system must adapt its indicators to local realities. Indicators should also be gender-sensitive: changes in violence against women, or in women's freedom of movement, are often early signals of wider insecurity.</p>",
                    ),
                    ("heading", "Where the information comes from"),
                    (
                        "paragraph",
                        "<p>Early-warning systems draw on several types of source, each with strengths and weaknesses:</p><ul><li><strong>Field monitors and networks</strong> provide local and timely reporting but may be exposed to pressure and may report selectively.</li><li><strong>Open sources</strong>, including media and social media, are abundant but vary greatly in reliability and are vulnerable to disinformation.</li><li><strong>Event datasets</strong>, such as the Armed Conflict Location and Event Data Project (ACLED) and the Uppsala Conflict Data Program, allow comparisons across time and place but may under-report remote areas.</li><li><strong>Official and humanitarian data</strong> on displacement, food security and prices add important context.</li><li><strong>Partner reporting</strong> from UN field presences, regional liaison offices, civil society and diplomatic missions fills gaps.</li></ul><p>In West Africa, the ECOWAS early-warning system combines reports from field monitors in member states with open-source monitoring and analysis at the ECOWAS Commission, and a growing network of national early-warning and response centres adds a further layer.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Conflicting signals from the Savanna district",
                            "context": "<p>An analyst in a regional situation room is monitoring the fictional Savanna district of a coastal West African state, where farmers and herders have clashed sporadically. This week, a field monitor reports that three villages have formed self-defence groups. Social media posts claim that dozens of people have been killed in a market attack, but no media outlet has confirmed the incident. An event dataset shows a modest increase in violent incidents over six months, and a humanitarian partner reports that grain prices have doubled since the failed harvest. The analyst's manager asks whether the situation warrants an alert to the Commission's leadership.</p>",
                            "questions": [
                                "How would you assess the reliability of each piece of information?",
                                "Which of these signals are structural, which are accelerators and which could be triggers?",
                                "What additional information would you seek before recommending an alert, and how quickly?",
                            ],
                        },
                    ),
                    ("heading", "Reliability, bias and protection"),
                    (
                        "paragraph",
                        "<p>Every source has biases. Urban areas are better covered than rural ones, some groups are more vocal online, and monitors may under-report incidents involving powerful actors. Analysts should corroborate important information through at least two independent sources, record their confidence in each assessment, and be explicit about gaps. Data protection matters too: information about individuals and communities can put them at risk if mishandled, and sharing arrangements must respect the rules of each organization.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "Which indicators would be most relevant for the context in which you work, and why?",
                            "How can an early-warning system avoid being overwhelmed by unverified social media content?",
                            "What measures are needed to protect field monitors and the communities they report on?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Early warning distinguishes between structural factors, accelerators and triggers.",
                            "Indicators must be adapted to the local context and should include gender-sensitive signals.",
                            "Combining field reporting, open sources, event data and partner reporting reduces blind spots.",
                            "Corroboration, explicit confidence levels and data protection are basic professional standards.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "ECOWAS Conflict Prevention Framework",
                                "publisher": "ECOWAS Commission",
                                "year": 2008,
                                "url": "",
                            },
                            {
                                "title": "Meeting the Challenge of Conflict Prevention in Africa: Towards the Operationalization of the Continental Early Warning System",
                                "publisher": "African Union Commission",
                                "year": 2008,
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
                "slug": "from-analysis-to-scenarios",
                "title": "From analysis to scenario building",
                "summary": "Turning monitoring data into an analysis of conflict dynamics and a small set of plausible scenarios with signposts.",
                "estimated_minutes": 300,
                "learning_objectives": [
                    "Structure an analysis that links drivers, actors and dynamics.",
                    "Identify key uncertainties and use them to build contrasting scenarios.",
                    "Define signposts that indicate which scenario is unfolding.",
                    "Recognize common cognitive biases and apply techniques to counter them.",
                ],
                "body": [
                    ("heading", "From data to analysis"),
                    (
                        "paragraph",
                        "<p>Data on incidents and indicators do not speak for themselves. Analysis explains what the data mean: why tensions are rising, which actors are driving them, what their interests and capacities are, and how the situation is likely to evolve. A useful discipline is to organize analysis around a few questions. What has changed? Why does it matter? Who is affected and who benefits? What could happen next? And what could be done about it?</p><p>Analysis should explicitly connect structural factors to actors' behaviour. Grievances alone rarely produce violence; it usually takes leaders and organizations who mobilize people around them, and resources that allow them to act. Equally, analysis should identify factors of resilience, such as traditional dispute-resolution mechanisms, cross-cutting economic ties or respected religious leaders, because these are often the most promising entry points for prevention.</p>",
                    ),
                    ("heading", "Building scenarios"),
                    (
                        "paragraph",
                        "<p>Scenarios are not predictions. They are structured descriptions of plausible futures that help decision makers think about risks and options before events force their hand. A common approach involves the following steps:</p><ol><li>Define the question and time horizon, for example the next six months in a given country.</li><li>List the main drivers that will shape the situation.</li><li>Identify the two or three key uncertainties: important drivers whose direction is genuinely unclear, such as whether the security forces remain neutral during an election.</li><li>Combine these uncertainties to produce three or four contrasting scenarios, and describe each in a short narrative.</li><li>Define signposts for each scenario: observable developments that would show that it is becoming more likely.</li><li>Identify the implications and possible preventive options for each scenario.</li></ol><p>Avoid the temptation to produce only a best case, a worst case and a most likely case that is simply a continuation of the present. The most useful scenarios often describe a discontinuity that decision makers have not yet considered.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Six months ahead in Lomaria",
                            "context": "<p>The fictional state of Lomaria faces a presidential election in six months. The incumbent is seeking a third term after a contested constitutional referendum. An armed group is active in the northern border area, the opposition is divided, and youth unemployment is high in the capital. A joint UN and regional analysis team is asked to prepare scenarios for a meeting of senior officials. The team identifies two key uncertainties: whether the main opposition parties unite behind one candidate, and whether the armed group expands its operations into central regions.</p>",
                            "questions": [
                                "Sketch four scenarios based on these two uncertainties and give each a short title.",
                                "What signposts would tell you that each scenario is becoming more likely?",
                                "Which preventive options would be relevant across all four scenarios?",
                            ],
                        },
                    ),
                    ("heading", "Guarding against bias"),
                    (
                        "paragraph",
                        "<p>Analysts are vulnerable to confirmation bias, anchoring on first impressions, and groupthink, especially in small teams under time pressure. Structured techniques can help: a key assumptions check, in which the team lists and challenges the assumptions underpinning its analysis; analysis of competing hypotheses; and red-teaming, in which a colleague deliberately argues for an alternative interpretation. Joint analysis with partner organizations is itself a valuable check, because colleagues from another institution bring different sources and perspectives.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "Recall a crisis that surprised analysts: which assumptions turned out to be wrong?",
                            "How can scenarios be presented so that busy decision makers actually use them?",
                            "What are the risks of sharing scenarios that describe a government's possible misconduct with that government?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Analysis explains what data mean by linking structural factors, actors and dynamics.",
                            "Scenarios are tools for thinking about uncertainty, not predictions.",
                            "Signposts turn scenarios into a monitoring tool by showing which future is unfolding.",
                            "Structured techniques and joint analysis help counter cognitive bias.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Conducting a Conflict and Development Analysis",
                                "publisher": "United Nations Development Group",
                                "year": 2016,
                                "url": "",
                            },
                            {
                                "title": "Meeting the Challenge of Conflict Prevention in Africa: Towards the Operationalization of the Continental Early Warning System",
                                "publisher": "African Union Commission",
                                "year": 2008,
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
                "slug": "the-warning-response-gap",
                "title": "The warning-response gap: getting the attention of decision makers",
                "summary": "Why accurate warnings are often not acted upon, and how analysts can craft and channel warnings that lead to a response.",
                "estimated_minutes": 300,
                "learning_objectives": [
                    "Explain the political, institutional and cognitive causes of the warning-response gap.",
                    "Draft a warning note that is concise, specific and linked to response options.",
                    "Identify the formal and informal channels through which warnings reach decision makers in the UN and regional organizations.",
                    "Use timing and coordination with partner organizations to increase the impact of warnings.",
                ],
                "body": [
                    ("heading", "Why warnings go unheeded"),
                    (
                        "paragraph",
                        "<p>Reviews of major crises have repeatedly found that the problem was not a lack of information but a failure to act on it. Scholars such as Alexander George and Jane Holl described this as the warning-response problem. Several factors contribute:</p><ul><li><strong>Political will:</strong> preventive action may be costly, contested by member states or seen as interference in internal affairs.</li><li><strong>Competing priorities:</strong> decision makers face many crises at once and tend to focus on those already violent.</li><li><strong>Uncertainty:</strong> warnings are probabilistic, and leaders may fear acting on a risk that does not materialize, or may have become sceptical after previous alerts that did not come true.</li><li><strong>Institutional silos:</strong> information may remain within one department or organization and never reach those who could act.</li><li><strong>Poor communication:</strong> warnings that are long, vague or without clear recommendations are easily ignored.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>The United Nations has drawn lessons from its own experience. Following the 2012 report of the Secretary-General's Internal Review Panel on United Nations Action in Sri Lanka, the Organization launched the Human Rights up Front initiative to encourage staff to raise concerns early. The joint United Nations and World Bank study <em>Pathways for Peace</em> (2018) also stressed that prevention requires acting on risks before they turn into crises.</p>",
                    ),
                    ("heading", "Crafting a warning that leads to action"),
                    (
                        "paragraph",
                        "<p>Analysts cannot control political will, but they can make warnings harder to ignore. Effective warnings share several features. They are short and start with the bottom line. They state what is new, why it matters now, and how confident the analyst is. They describe a plausible timeline and the signposts to watch. Above all, they link the warning to concrete response options, such as a visit by an envoy, a statement by a policy organ, a fact-finding mission or support to local mediators, and indicate who is best placed to act.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "The third alert on Varenia",
                            "context": "<p>An early-warning unit in a regional organization has twice in the past year warned of rising tensions in the fictional state of Varenia, where a land reform law has inflamed relations between two communities. Neither warning prompted action, and the feared violence did not occur. This month, monitors report that militias are recruiting openly and that a local radio station is broadcasting inflammatory messages. The head of the unit fears that a third alert will be dismissed. A UN regional office has reached similar conclusions independently.</p>",
                            "questions": [
                                "How would you frame the third alert to overcome scepticism about earlier warnings?",
                                "What response options would you propose, and for which decision makers?",
                                "How could the regional organization and the UN regional office strengthen each other's warnings?",
                            ],
                        },
                    ),
                    ("heading", "Channels and timing"),
                    (
                        "paragraph",
                        "<p>Warnings travel through formal and informal channels. Formal channels include situation reports to the leadership of a commission or department, briefings to policy organs such as the AU Peace and Security Council or the ECOWAS Mediation and Security Council, and briefings to the UN Security Council. Informal channels, such as a conversation between senior officials of two organizations, are often just as important. Timing matters: a warning delivered just before a scheduled policy meeting, or aligned with an envoy's travel, is more likely to be acted upon.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "What makes decision makers in your organization take a warning seriously?",
                            "How can analysts maintain credibility when warned-of violence does not materialize, possibly because prevention worked?",
                            "Which informal channels between the UN and regional organizations could carry warnings more effectively?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The warning-response gap is mainly a problem of political will, priorities and communication, not of information.",
                            "Effective warnings are concise, specific about timing and confidence, and linked to response options.",
                            "Formal and informal channels both matter, and timing can determine whether a warning is acted upon.",
                            "Joint warnings from the UN and regional organizations carry more weight than isolated alerts.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "The Warning-Response Problem and Missed Opportunities in Preventive Diplomacy",
                                "publisher": "Carnegie Commission on Preventing Deadly Conflict",
                                "year": 1997,
                                "url": "",
                            },
                            {
                                "title": "Preventing Deadly Conflict: Final Report",
                                "publisher": "Carnegie Commission on Preventing Deadly Conflict",
                                "year": 1997,
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
                "slug": "joint-analysis-un-and-regional-systems",
                "title": "Joint analysis between the UN and regional early-warning systems",
                "summary": "How ECOWARN, the AU Continental Early Warning System and UN analysis capacities fit together, and how to make joint analysis work in practice.",
                "estimated_minutes": 300,
                "learning_objectives": [
                    "Describe the architecture of the AU Continental Early Warning System and its links with regional mechanisms.",
                    "Describe the ECOWAS early-warning system and its place in the ECOWAS Conflict Prevention Framework.",
                    "Identify the UN analysis capacities that interact with regional systems.",
                    "Plan practical arrangements for joint analysis and information-sharing.",
                ],
                "body": [
                    ("heading", "The African architecture"),
                    (
                        "paragraph",
                        "<p>Article 12 of the 2002 Protocol Relating to the Establishment of the Peace and Security Council of the African Union created the Continental Early Warning System to facilitate the anticipation and prevention of conflicts. The system consists of an observation and monitoring centre, the Situation Room, located within the AU Commission, and of the observation and monitoring units of the Regional Mechanisms, which are linked to the Situation Room. A framework for its operationalization was agreed by governmental experts in 2006, and the Commission published a detailed guide to the system in 2008.</p><p>In West Africa, ECOWAS established its early-warning system under the 1999 Protocol relating to the Mechanism for Conflict Prevention, Management, Resolution, Peacekeeping and Security. The ECOWAS Early Warning and Response Network, known as ECOWARN, links an observation and monitoring centre at the ECOWAS Commission in Abuja with zonal bureaus and field monitors in member states. The ECOWAS Conflict Prevention Framework, adopted in 2008, places early warning alongside other components such as preventive diplomacy, democracy and political governance, and women, peace and security, and emphasizes the link between warning and response. ECOWAS has since supported member states in establishing national early-warning and response centres.</p>",
                    ),
                    ("heading", "Where the UN fits in"),
                    (
                        "paragraph",
                        "<p>On the UN side, analysis capacities relevant to West Africa include the regional divisions of the Department of Political and Peacebuilding Affairs at Headquarters, the United Nations Office for West Africa and the Sahel (UNOWAS) in Dakar, resident coordinators and country teams, and peace operations where they are deployed. The Joint UN-AU Framework for Enhanced Partnership in Peace and Security, signed in 2017, commits the two organizations to collaborate throughout the conflict cycle, including through joint analysis and early-warning exchanges, and similar cooperation exists between UNOWAS and the ECOWAS Commission.</p><p>The systems are complementary. Regional mechanisms have proximity, political legitimacy among member states and dense networks of monitors. The UN contributes global thematic expertise, humanitarian and development data, and access to the Security Council. Joint analysis can produce a stronger shared picture than either could achieve alone.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A joint horizon-scanning exercise for the coastal states",
                            "context": "<p>The ECOWAS early-warning directorate and a UN regional office agree to produce a joint quarterly analysis on the risk that armed groups operating in the Sahel will expand into the northern areas of several fictional coastal states. ECOWARN field monitors have detailed incident reports; the UN has humanitarian and displacement data and recent assessments by its country teams. The two teams disagree on the risk level for one country, and one government has asked that analysis concerning it not be shared with third parties. The leadership of both organizations wants a single product within six weeks.</p>",
                            "questions": [
                                "What arrangements for information-sharing and confidentiality should be agreed before work begins?",
                                "How should the teams handle their disagreement on the risk level?",
                                "To whom should the joint product be addressed, and how could it inform the response?",
                            ],
                        },
                    ),
                    ("heading", "Making joint analysis work"),
                    (
                        "paragraph",
                        "<p>Experience suggests several practical steps: agree in writing on what can be shared and with whom; align analytical frameworks and indicator definitions where possible; hold regular joint horizon-scanning sessions; conduct joint assessment missions; and recognize disagreement openly rather than forcing a consensus that hides uncertainty. Staff exchanges and joint training, such as this course, build the trust on which all of this depends.</p>",
                    ),
                    (
                        "discussion_questions",
                        [
                            "What obstacles to information-sharing have you encountered between organizations, and how were they overcome?",
                            "How should regional and UN systems handle a situation involving a member state that objects to being analysed?",
                            "What would an ideal joint early-warning product look like for your decision makers?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The AU Continental Early Warning System links the AU Situation Room with the monitoring units of the Regional Mechanisms.",
                            "ECOWARN is a core instrument of the ECOWAS Conflict Prevention Framework and is increasingly complemented by national centres.",
                            "UN and regional capacities are complementary, and the 2017 Joint UN-AU Framework commits both to joint analysis.",
                            "Written sharing arrangements, common definitions and regular joint exercises make joint analysis sustainable.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Framework for the Operationalization of the Continental Early Warning System",
                                "publisher": "African Union",
                                "year": 2006,
                                "url": "",
                            },
                            {
                                "title": "ECOWAS Conflict Prevention Framework",
                                "publisher": "ECOWAS Commission",
                                "year": 2008,
                                "url": "",
                            },
                            {
                                "title": "Joint UN-AU Framework for Enhanced Partnership in Peace and Security",
                                "publisher": "United Nations and African Union",
                                "year": 2017,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "slug": "electoral-assistance-and-prevention-of-electoral-violence",
        "title": "Electoral Assistance and the Prevention of Electoral Violence",
        "summary": "A blended course on how the UN system and regional organizations support credible elections and act early to prevent election-related violence, from technical assistance to good offices and electoral mediation.",
        "learning_outcomes": [
            "Participants can explain the electoral cycle approach and the role of the UN focal point for electoral assistance.",
            "Participants can identify structural and process-related risk factors for election-related violence at each stage of the cycle.",
            "Participants can design preventive diplomacy strategies around elections, including good offices, dialogue and electoral mediation.",
            "Participants can coordinate effectively with regional observer missions and electoral management bodies while respecting national sovereignty and ownership.",
            "Participants can distinguish clearly between impartial technical assistance and political engagement, and manage the relationship between the two.",
        ],
        "target_audience": "<p>Electoral advisers, political affairs officers, peace and development advisers and governance specialists working for UNDP, DPPA and other UN entities, and staff of the SADC Secretariat and other regional organizations who work on elections, mediation or early warning. Representatives of electoral management bodies in SADC member states may be invited as resource persons and participants.</p>",
        "prerequisites": "<p>Professional experience in electoral assistance, governance or political affairs. Participants must complete the four-week online phase (around twelve hours of self-study and two live webinars) before the five-day residential workshop. Working knowledge of English, Portuguese or French is required.</p>",
        "duration_hours": 42,
        "languages": ["en", "pt", "fr"],
        "delivery_mode": "blended",
        "thematic_areas": ["electoral-assistance", "conflict-prevention"],
        "partners": ["UNDP", "DPPA", "SADC"],
        "featured": True,
        "modules": [
            {
                "slug": "electoral-cycle-and-un-focal-point",
                "title": "The electoral cycle and the UN focal point for electoral assistance",
                "summary": "How elections are approached as a continuous cycle, and how the UN system organizes, decides on and delivers electoral assistance.",
                "estimated_minutes": 600,
                "learning_objectives": [
                    "Describe the phases of the electoral cycle and explain why assistance focused only on election day is insufficient.",
                    "Explain the role of the UN focal point for electoral assistance and of the Electoral Assistance Division.",
                    "Outline how requests for UN electoral assistance are made and assessed.",
                    "Distinguish the main types of UN electoral assistance and the principles that govern them.",
                ],
                "body": [
                    ("heading", "Elections as a cycle, not an event"),
                    (
                        "paragraph",
                        "<p>An election is the most visible moment of a much longer process. The electoral cycle approach, developed by electoral practitioners and widely used by the UN, the European Union and regional organizations, divides that process into three broad periods:</p><ul><li><strong>The pre-electoral period:</strong> legal and institutional reform, operational planning, budgeting, boundary delimitation, voter registration, training of electoral staff, voter information and civic education, and the registration of parties and candidates.</li><li><strong>The electoral period:</strong> the campaign, polling, counting, tabulation and announcement of results.</li><li><strong>The post-electoral period:</strong> resolution of electoral disputes, audits and evaluations, archiving, and reform of the legal framework and institutions in the light of lessons learned.</li></ul><p>Most problems that surface on or after election day, including violence, have roots earlier in the cycle: a voter register that excludes certain groups, a legal framework adopted without consensus, or an electoral management body whose independence is doubted. Assistance that arrives only weeks before polling can do little to fix them. The cycle approach therefore favours long-term, sustainable support to national institutions.</p>",
                    ),
                    ("heading", "The UN focal point and the UN system"),
                    (
                        "paragraph",
                        "<p>The General Assembly has designated a focal point for electoral assistance matters within the UN system. This role is held by the Under-Secretary-General for Political and Peacebuilding Affairs, supported by the Electoral Assistance Division of DPPA. The focal point ensures system-wide coherence: he or she approves the parameters of UN electoral assistance, sets electoral policy for the system, and maintains a roster of electoral experts.</p><p>UN electoral assistance is provided only at the request of a Member State or on the basis of a mandate from the Security Council or the General Assembly. Before any assistance is provided, the Electoral Assistance Division conducts a needs assessment, often through a mission to the country, that examines the political and technical context, including risks of violence, and recommends whether and how the UN should assist. UNDP is the main implementer of UN electoral assistance in development settings, usually through projects managed with the national electoral management body, while peace operations include electoral components when so mandated. Other entities, such as UN Women, OHCHR and UNOPS, contribute within their own mandates.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>UN policy emphasizes that there is no single model for elections. Assistance must respect national sovereignty and ownership, avoid creating dependency, and be impartial. Technical assistance to electoral institutions is by far the most common form. Other types, such as expert panels, support to the coordination of international observers, or certification of elections, are rare and require a specific request or mandate. The UN does not observe elections unless specifically mandated to do so.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A late request from Ostrava Bay",
                            "context": "<p>The Government of the fictional island state of Ostrava Bay writes to the UN requesting urgent assistance for general elections due in four months, including the procurement of ballot papers and the deployment of international observers. The electoral commission was reconstituted only recently after a dispute over its composition, and opposition parties say they were not consulted. The UN resident coordinator forwards the request and notes that the country team has existing governance programmes with UNDP. A regional organization has announced that it will send an observer mission.</p>",
                            "questions": [
                                "What issues should the needs assessment examine, beyond the technical requirements?",
                                "Which parts of the request could the UN realistically support, and which should it decline or redirect?",
                                "How should the UN coordinate with the regional organization and other partners from the outset?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What are the risks of providing large-scale technical assistance late in the electoral cycle?",
                            "How can the UN remain impartial when it supports an electoral management body whose independence is contested?",
                            "What would long-term electoral support look like in a country you know?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "The electoral cycle approach treats elections as a continuous process with pre-electoral, electoral and post-electoral periods.",
                            "The Under-Secretary-General for Political and Peacebuilding Affairs is the UN focal point for electoral assistance, supported by DPPA's Electoral Assistance Division.",
                            "UN assistance requires a Member State request or a Security Council or General Assembly mandate, and is preceded by a needs assessment.",
                            "UNDP is the main implementer of UN electoral assistance in development settings; the UN observes elections only with a specific mandate.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Principles and Types of UN Electoral Assistance (Focal Point Policy Directive)",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "Electoral Needs Assessments (Focal Point Policy Directive)",
                                "publisher": "United Nations",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "SADC Principles and Guidelines Governing Democratic Elections (revised)",
                                "publisher": "Southern African Development Community",
                                "year": 2015,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "risk-factors-for-electoral-violence",
                "title": "Risk factors for election-related violence",
                "summary": "Understanding why some elections turn violent, and how to identify and monitor risks across the electoral cycle.",
                "estimated_minutes": 600,
                "learning_objectives": [
                    "Define election-related violence and describe its forms, perpetrators and targets.",
                    "Identify structural and electoral-process risk factors across the electoral cycle.",
                    "Recognize the specific forms of violence that target women in elections.",
                    "Use risk-assessment tools to prioritize preventive measures.",
                ],
                "body": [
                    ("heading", "What is election-related violence?"),
                    (
                        "paragraph",
                        "<p>Election-related violence is violence, or the threat of violence, aimed at influencing an electoral process or its outcome. It may be physical, such as attacks on candidates, voters, journalists or electoral staff, or take the form of intimidation, destruction of electoral materials, or coercion of voters. It can occur at any stage of the cycle: during voter registration, during the campaign, on polling day, and after the announcement of results. Perpetrators include state security forces, party militias, criminal groups and armed movements, as well as individuals mobilized by political entrepreneurs.</p><p>Elections do not cause violence on their own. They raise the stakes of political competition and can expose underlying tensions. Where the rules of the game are broadly accepted and institutions are trusted, losers usually accept defeat. Where they are not, elections can become flashpoints.</p>",
                    ),
                    ("heading", "Risk factors across the cycle"),
                    (
                        "paragraph",
                        "<p>Risk assessment combines structural factors with factors linked to the electoral process itself:</p><ul><li><strong>Structural factors:</strong> a history of electoral or political violence; winner-takes-all political systems in which losing means exclusion from power and resources; politicized ethnic, regional or religious identities; disputes over land; high youth unemployment; impunity for past violence; and security forces perceived as partisan.</li><li><strong>Legal and institutional factors:</strong> a legal framework adopted without consensus, contested constitutional changes such as the removal of term limits, and an electoral management body whose independence or competence is doubted.</li><li><strong>Operational factors:</strong> exclusionary voter registration, contested boundary delimitation, the disqualification of candidates, late or inadequate logistics, and opaque results management.</li><li><strong>Dispute resolution:</strong> courts or tribunals that are slow, inaccessible or seen as biased, leaving parties to pursue grievances in the streets.</li><li><strong>Information environment:</strong> hate speech, disinformation and premature or unofficial announcements of results.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>Violence against women in elections deserves specific attention. Women candidates, voters, electoral officials and activists face harassment, threats and physical and sexual violence, increasingly online, that aim to deter their political participation. It is often under-reported and requires specific indicators and responses. Tools such as the International IDEA Electoral Risk Management Tool and the UNDP guide <em>Elections and Conflict Prevention</em> help teams to map risks systematically across the cycle and to link them to preventive measures.</p>",
                    ),
                    ("heading", "From risk assessment to prevention"),
                    (
                        "paragraph",
                        "<p>A risk assessment is only useful if it informs action. Each identified risk should be linked to a responsible actor and a preventive measure: dialogue on the legal framework, support to dispute-resolution bodies, training of security forces in election security and human rights, civic education and peace messaging, or early deployment of observers. Assessments should be updated at key moments of the cycle and shared, as far as confidentiality allows, with national partners such as the electoral management body, which is often best placed to act.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Warning signs in Mirambe",
                            "context": "<p>The fictional state of Mirambe will hold general elections in nine months. The ruling party has used its parliamentary majority to amend the electoral law, reducing the period for filing petitions against results. Voter registration centres in two opposition-leaning provinces opened late and closed early, citing budget shortfalls. Youth wings of the two main parties have clashed at rallies. A women's candidate network reports that several of its members have withdrawn after threatening messages. The electoral commission insists that preparations are on track.</p>",
                            "questions": [
                                "Which risk factors are present, and at which stages of the cycle?",
                                "Which risks could be mitigated through technical assistance, and which require political engagement?",
                                "What indicators would you monitor over the next three months?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "Which risk factors do you consider most predictive of violence in the region where you work?",
                            "How can risk assessments be shared with national authorities without being perceived as interference?",
                            "What role can electoral management bodies themselves play in monitoring risks?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Election-related violence aims to influence an electoral process or outcome and can occur at any stage of the cycle.",
                            "Risks arise from the interaction of structural factors with legal, institutional and operational weaknesses.",
                            "Weak or distrusted dispute resolution mechanisms push grievances into the streets.",
                            "Violence against women in elections is widespread, under-reported and requires specific responses.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Elections and Conflict Prevention: A Guide to Analysis, Planning and Programming",
                                "publisher": "United Nations Development Programme",
                                "year": 2009,
                                "url": "",
                            },
                            {
                                "title": "Preventing Violence against Women in Elections: A Programming Guide",
                                "publisher": "UN Women and United Nations Development Programme",
                                "year": 2017,
                                "url": "",
                            },
                            {
                                "title": "Electoral Risk Management Tool",
                                "publisher": "International IDEA",
                                "year": 2013,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
            {
                "slug": "preventive-diplomacy-around-elections",
                "title": "Preventive diplomacy around elections: good offices and electoral mediation",
                "summary": "How envoys, regional panels and local actors use good offices, dialogue and mediation to prevent and resolve electoral crises.",
                "estimated_minutes": 660,
                "learning_objectives": [
                    "Describe the instruments of preventive diplomacy available before, during and after elections.",
                    "Explain the difference between technical electoral assistance and political engagement, and how to coordinate them.",
                    "Design a good offices strategy for a high-risk election.",
                    "Analyse the options and risks of mediation in post-electoral disputes.",
                ],
                "body": [
                    ("heading", "Instruments of preventive diplomacy"),
                    (
                        "paragraph",
                        "<p>Technical assistance can strengthen electoral institutions, but many of the risks that lead to violence are political. Preventive diplomacy addresses them directly. Its instruments include:</p><ul><li><strong>Good offices</strong> by envoys, special representatives, resident coordinators or senior regional figures, who use confidential contacts with leaders to encourage restraint and dialogue;</li><li><strong>Regional panels</strong> such as the African Union Panel of the Wise and the SADC Panel of Elders, whose members bring the authority of experience and peer relationships with national leaders;</li><li><strong>Inter-party dialogue</strong> on contested rules, often leading to codes of conduct, peace pledges or agreed timelines for reform;</li><li><strong>National infrastructures for peace</strong>, such as peace councils, religious leaders' forums and women's situation rooms, which can defuse local tensions;</li><li><strong>Coordinated public messaging</strong> by international and regional partners, calling for restraint and respect for legal dispute-resolution channels.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>A recurring challenge is to keep political engagement and technical assistance distinct but coordinated. Electoral advisers must be seen as impartial by all parties, and their work should not be drawn into political bargaining. At the same time, envoys need accurate technical information to understand whether grievances are well founded, and technical teams need political support when institutions come under pressure. Clear internal coordination, for example through regular joint meetings chaired by the senior UN official in the country, helps manage this relationship.</p>",
                    ),
                    ("heading", "Timing and electoral mediation"),
                    (
                        "paragraph",
                        "<p>Preventive diplomacy is most effective early in the cycle, when disputes over the legal framework or the composition of the electoral management body can still be resolved through dialogue. As election day approaches, options narrow. After results are announced, a dispute may become a full-blown crisis.</p><p>Post-electoral mediation is particularly delicate. Mediators must respect the role of national institutions, including courts, and avoid substituting a negotiated deal for the will of the voters. Power-sharing arrangements have sometimes ended violence after disputed elections, but they can also create an incentive for future losers to use violence to secure a share of power. Mediators should therefore be clear about the normative frameworks that apply, including the African Charter on Democracy, Elections and Governance and regional instruments on unconstitutional changes of government, and should coordinate closely with regional organizations, whose positions carry particular weight.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "A contested count in Lunavia",
                            "context": "<p>Two days after presidential elections in the fictional state of Lunavia, the electoral commission announces provisional results giving the incumbent a narrow first-round victory. The opposition claims that results from several districts were altered during tabulation and calls supporters onto the streets. Regional observers have issued a preliminary statement praising the peaceful conduct of polling while noting concerns about the transparency of tabulation. The SADC Organ Troika is consulting, a regional elder has been asked to travel to the capital, and the UN resident coordinator has been contacted by both sides.</p>",
                            "questions": [
                                "What should be the immediate objectives of preventive diplomacy in the next seventy-two hours?",
                                "How should the roles of the regional elder, the SADC Organ and the UN be divided?",
                                "How can international actors support legal dispute-resolution channels without appearing to prejudge the outcome?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "When should good offices be public, and when should they remain confidential?",
                            "What are the long-term risks of resolving electoral disputes through power-sharing?",
                            "How can UN electoral advisers protect their impartiality during a political crisis?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "Many risks of electoral violence are political and require preventive diplomacy as well as technical assistance.",
                            "Good offices, regional panels, inter-party dialogue and national peace infrastructures are complementary instruments.",
                            "Technical assistance and political engagement should be distinct but closely coordinated.",
                            "Post-electoral mediation must respect national institutions and applicable regional norms, and avoid rewarding violence.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Election-Related Disputes and Political Violence: Strengthening the Role of the African Union in Preventing, Managing, and Resolving Conflict",
                                "publisher": "African Union Panel of the Wise and International Peace Institute",
                                "year": 2012,
                                "url": "",
                            },
                            {
                                "title": "African Charter on Democracy, Elections and Governance",
                                "publisher": "African Union",
                                "year": 2007,
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
                "slug": "regional-observers-and-electoral-management-bodies",
                "title": "Working with regional observer missions and electoral management bodies",
                "summary": "How UN electoral and political staff cooperate with regional observer missions and national electoral management bodies throughout the electoral cycle.",
                "estimated_minutes": 660,
                "learning_objectives": [
                    "Explain the principles of international election observation and the roles of regional observer missions.",
                    "Describe the SADC electoral architecture, including its observation missions and advisory bodies.",
                    "Identify ways to support electoral management bodies while respecting their independence.",
                    "Plan coordination between observers, assistance providers and diplomatic actors.",
                ],
                "body": [
                    ("heading", "Regional observation"),
                    (
                        "paragraph",
                        "<p>International election observation is governed by the <em>Declaration of Principles for International Election Observation</em> and its accompanying Code of Conduct, commemorated at the United Nations in 2005 and endorsed by many intergovernmental and non-governmental organizations, including the UN, the African Union, the European Union and the Organization of American States. Observation is impartial, systematic and based on international and regional standards. Long-term observers follow the pre-electoral period, while short-term observers cover polling and counting.</p><p>In Africa, regional and sub-regional organizations play a central role. The African Union deploys election observation missions on the basis of the African Charter on Democracy, Elections and Governance. In Southern Africa, SADC Electoral Observation Missions assess elections against the SADC Principles and Guidelines Governing Democratic Elections, first adopted in 2004 and revised in 2015, under the authority of the Organ on Politics, Defence and Security Cooperation. The SADC Electoral Advisory Council advises on electoral matters and can engage before and after elections. Because regional observers are accountable to member states, their statements carry particular political weight.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The UN itself does not observe elections without a specific mandate. Its role is usually to support national institutions through technical assistance, to share analysis, and, where requested, to support the coordination of international observers. UN staff should be careful not to comment publicly on the quality of an election in a way that could be mistaken for observation.</p>",
                    ),
                    ("heading", "Supporting electoral management bodies"),
                    (
                        "paragraph",
                        "<p>Electoral management bodies are at the centre of every election. Their independence, professionalism and transparency strongly influence whether results are accepted. Support can include strategic planning, training, results-management systems, voter information, stakeholder engagement and dispute-management procedures. Assistance providers should strengthen national capacity rather than replace it, and should avoid introducing costly technologies that the institution cannot sustain.</p><p>Peer networks are an important resource. The Electoral Commissions Forum of SADC Countries brings electoral management bodies of the region together to exchange experience and develop common standards, and such peer exchanges are often more persuasive than external advice.</p>",
                    ),
                    ("heading", "Coordination and coherent messaging"),
                    (
                        "paragraph",
                        "<p>When several observer missions, assistance providers and diplomatic actors are present, incoherent messages can confuse the public and be exploited by political actors. Useful practices include regular coordination meetings among assistance providers, convened by the electoral management body where possible; informal exchanges between heads of observer missions before statements are issued; and consultation between observers and envoys on how to respond if a crisis emerges. Observers' findings should remain independent, but partners can coordinate the timing and tone of their own communications so that they reinforce legal channels for resolving disputes.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Coordinating around the Kasembe elections",
                            "context": "<p>The fictional SADC member state of Kasembe is preparing for general elections. A UNDP-managed project supports the electoral commission, a SADC Electoral Observation Mission will deploy, and the African Union and several international organizations will also observe. The electoral commission complains that it receives conflicting advice from partners and that observers' pre-electoral statements have undermined public confidence. A regional observer mission's preliminary statement is expected two days after polling, while the electoral commission has up to seven days to announce final results.</p>",
                            "questions": [
                                "How could coordination among assistance providers and observers be improved before polling?",
                                "How can observers and partners avoid undermining confidence in the electoral commission while still reporting honestly?",
                                "What should the UN's role be in the period between preliminary statements and final results?",
                            ],
                        },
                    ),
                    (
                        "discussion_questions",
                        [
                            "What value do regional observer missions add compared to international missions from outside the region?",
                            "How can assistance providers support an electoral commission whose independence is questioned?",
                            "What information should be shared between observers, technical advisers and envoys, and what should remain separate?",
                        ],
                    ),
                    (
                        "key_takeaways",
                        [
                            "International observation follows the 2005 Declaration of Principles and its Code of Conduct.",
                            "Regional observer missions, such as SADC Electoral Observation Missions, assess elections against regional standards and carry significant political weight.",
                            "The UN supports national institutions and observer coordination but observes only with a specific mandate.",
                            "Support to electoral management bodies should build sustainable national capacity and respect their independence.",
                        ],
                    ),
                    (
                        "further_reading",
                        [
                            {
                                "title": "Declaration of Principles for International Election Observation and Code of Conduct for International Election Observers",
                                "publisher": "United Nations and endorsing organizations",
                                "year": 2005,
                                "url": "",
                            },
                            {
                                "title": "SADC Principles and Guidelines Governing Democratic Elections (revised)",
                                "publisher": "Southern African Development Community",
                                "year": 2015,
                                "url": "",
                            },
                            {
                                "title": "African Charter on Democracy, Elections and Governance",
                                "publisher": "African Union",
                                "year": 2007,
                                "url": "",
                            },
                        ],
                    ),
                ],
            },
        ],
    },
]
