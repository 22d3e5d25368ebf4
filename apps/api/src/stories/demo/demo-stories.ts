import type { Language, OutcomeType, Quote, StoryCategory, StoryStatus } from '@impact/contracts';

/*
 * The impact stories of the demo set: the seed's cases retold in our own words from the facts of
 * the demo records, English for every case and Arabic and French versions of two of them. Records are
 * referred to by the demo keys of demo-data.ts; the seeder resolves them.
 */

export interface DemoStoryVersion {
  language: Language;
  title: string;
  body: string;
  quotes?: Quote[];
  /** The cited figures worded in this version's language, by outcome type (a story cites one of each here). */
  figures?: Partial<Record<OutcomeType, { unit?: string; description: string }>>;
}

export interface DemoStory {
  key: string;
  category: StoryCategory;
  hub: string;
  status: StoryStatus;
  /** When it was published (or last touched, for drafts). */
  date: string;
  cities: string[];
  engagements: string[];
  commitments: string[];
  /** Outcomes not tied to one of the commitments above: `[cityKey, type]`. */
  extraOutcomes?: [string, OutcomeType][];
  /** Why leadership sent it back, for a draft that was returned. */
  sentBack?: string;
  versions: DemoStoryVersion[];
}

export const DEMO_STORIES: DemoStory[] = [
  /* ----------------------------- peer learning ----------------------------- */
  {
    key: 'cape-town',
    category: 'peer_learning',
    hub: 'esa',
    status: 'published',
    date: '2024-06-03',
    cities: ['cape-town', 'nansana'],
    engagements: ['nairobi-workshop', 'south-africa-roundtable', 'cape-town-learning-visit'],
    commitments: ['cape-town-strategy', 'cape-town-peer-host'],
    versions: [
      {
        language: 'en',
        title: 'Cape Town builds prevention into its safety system, then teaches the region',
        body: `The regional workshop in Nairobi in May 2022 left Cape Town's officials with one clear lesson: prevention works best when it is in place before hate and extremism start to wear down trust between communities.

Back home, the city wrote a prevention strategy and, rather than creating a parallel structure, anchored it in the safety and security system it already ran.

Cape Town then opened its doors to others. With the network it co-hosted a roundtable where South African cities could weigh the same step, and in December 2023 a learning visit for mayors and technical officials from across East and Southern Africa.

## What followed

- The strategy is adopted and part of the city's safety framework.
- Visiting cities took the practice home: Nansana's Neighbourhood Watch pilot grew out of the learning visit.`,
      },
      {
        language: 'fr',
        title: 'Le Cap intègre la prévention à son dispositif de sécurité, puis la partage avec la région',
        body: `En mai 2022, l'atelier régional de Nairobi a convaincu les responsables du Cap d'une chose : la prévention est la plus efficace lorsqu'elle est en place avant que la haine et l'extrémisme n'abîment la confiance entre les communautés.

De retour, la ville a rédigé une stratégie de prévention et, plutôt que de bâtir une structure à part, l'a ancrée dans le dispositif de sûreté et de sécurité qu'elle pilotait déjà.

Le Cap a ensuite ouvert ses portes. Avec le réseau, la ville a co-organisé une table ronde pour les villes sud-africaines, puis, en décembre 2023, une visite d'apprentissage pour des maires et des agents techniques de toute l'Afrique de l'Est et australe.

## Ce qui a suivi

- La stratégie est adoptée et fait partie du cadre de sécurité de la ville.
- Des villes visiteuses ont repris la pratique : le projet pilote de surveillance de quartier de Nansana est né de cette visite.`,
        figures: {
          policy_adopted: {
            description: 'Le Cap a adopté sa stratégie de prévention dans le cadre de son dispositif de sûreté et de sécurité.',
          },
        },
      },
      {
        language: 'ar',
        title: 'كيب تاون تدمج الوقاية في منظومة السلامة لديها ثم تنقل تجربتها إلى المنطقة',
        body: `خرج مسؤولو كيب تاون من الورشة الإقليمية في نيروبي في أيار/مايو 2022 بدرس واضح: تكون الوقاية أنجع حين تُبنى قبل أن تبدأ الكراهية والتطرف في تقويض الثقة بين المجتمعات.

وعند عودتهم، صاغت المدينة استراتيجية للوقاية، ولم تُنشئ لها هيكلًا منفصلًا، بل ربطتها بمنظومة السلامة والأمن القائمة لديها.

ثم فتحت كيب تاون أبوابها للآخرين، فاستضافت مع الشبكة مائدة مستديرة لمدن جنوب أفريقيا، ثم زيارة تعلّم في كانون الأول/ديسمبر 2023 لرؤساء بلديات ومسؤولين فنيين من شرق أفريقيا وجنوبها.

## ما تلا ذلك

- اعتُمدت الاستراتيجية وأصبحت جزءًا من إطار السلامة في المدينة.
- نقلت مدن زائرة الممارسة إلى بلدها: فقد انبثق مشروع مراقبة الأحياء التجريبي في نانسانا من زيارة التعلّم هذه.`,
        figures: { policy_adopted: { description: 'اعتمدت كيب تاون استراتيجيتها للوقاية جزءًا من إطار السلامة والأمن لديها.' } },
      },
    ],
  },
  {
    key: 'strasbourg',
    category: 'peer_learning',
    hub: 'europe',
    status: 'published',
    date: '2024-06-10',
    cities: ['strasbourg', 'kalamaria', 'kordelio-evosmos', 'montpellier', 'dijon', 'murcia', 'madrid'],
    engagements: ['transatlantic-dialogue-2023', 'global-summit-4', 'european-parliament-dialogue'],
    commitments: ['strasbourg-host', 'madrid-host'],
    versions: [
      {
        language: 'en',
        title: 'Strasbourg brings more European cities into prevention',
        body: `Strasbourg joined the network in 2022 and soon became a regular at its transatlantic dialogue events; it also took part in the 4th Global Summit in September 2023.

Seeing how much cities learn from one another, Strasbourg offered to co-host a transatlantic dialogue of its own. It took place at the European Parliament in May 2024 and was aimed at cities new to prevention.

It worked: Kalamaria and Kordelio-Evosmos in Greece, Montpellier and Dijon in France and Murcia in Spain asked to take a more active part. Madrid, already a member, offered to host the next dialogue to reach more Spanish cities.`,
      },
    ],
  },
  {
    key: 'rajshahi',
    category: 'peer_learning',
    hub: 'south-asia',
    status: 'published',
    date: '2024-06-12',
    cities: ['rajshahi', 'singra'],
    engagements: ['colombo-workshop', 'rajshahi-workshop'],
    commitments: ['rajshahi-tlcc', 'rajshahi-youth-platform', 'singra-tlcc'],
    versions: [
      {
        language: 'en',
        title: 'Rajshahi: ten mayors put hate and extremism on the town agenda',
        body: `Prevention in Bangladesh was long seen as a job for national and security agencies. After the network's workshop in Colombo in August 2023, three participants set out to change that: the Mayors' Alliance of Bangladesh for Healthy Cities (MAHC), Singra Municipality and the AID Foundation.

In January 2024 they held a workshop in Rajshahi Division on stopping hate and extremism in municipalities, with mayors, councillors and municipal executives from ten municipalities.

The mayors made two commitments: to make hate, extremism and polarisation a standing item of each municipality's town-level coordination committee (TLCC), and to create a shared youth engagement platform, with every municipality running its own youth initiatives.

MAHC has since written prevention into its own thematic programmes, so that other Bangladeshi municipalities hear why the local level matters.`,
      },
    ],
  },
  {
    key: 'highland-park',
    category: 'peer_learning',
    hub: 'europe',
    status: 'published',
    date: '2024-06-14',
    cities: ['highland-park', 'oslo'],
    engagements: ['oslo-conference'],
    commitments: ['highland-park-remembrance'],
    versions: [
      {
        language: 'en',
        title: 'Highland Park learns from Oslo how a city remembers',
        body: `In 2022 Highland Park, a suburb north of Chicago, lived through a mass shooting. Ten months later its mayor travelled to the network's conference in Oslo on city-led responses to hate, violence and extremism.

The programme, co-hosted by the City of Oslo, included a visit to Utøya, one of the two sites of the 2011 attacks. There, mayors and officials heard how Oslo rebuilt and how it remembers the victims and survivors, with care for the families at every step.

The mayor brought that experience home. Highland Park has begun work on places of remembrance, shaped with the community and mindful of the long-term needs of survivors.`,
        quotes: [
          {
            text: 'The visit to Utøya showed us how to look to the future without forgetting what the past has taught us.',
            attribution: 'Mayor of Highland Park, on the Oslo conference (paraphrased)',
          },
        ],
      },
    ],
  },
  {
    key: 'kumanovo',
    category: 'peer_learning',
    hub: 'balkans',
    status: 'published',
    date: '2024-06-17',
    cities: ['kumanovo', 'danilovgrad', 'elbasan'],
    engagements: ['kumanovo-roundtable'],
    commitments: ['kumanovo-peer-support'],
    versions: [
      {
        language: 'en',
        title: 'Kumanovo leads a city-driven prevention agenda in the Western Balkans',
        body: `Kumanovo has run its own prevention infrastructure since 2019, set up with the network's help, and it has kept building on it.

In 2023 the municipality hosted a national roundtable on the role of mayors in prevention, where other cities heard how Kumanovo brought many local actors into one mechanism.

Its experts now share that know-how beyond North Macedonia, supporting Danilovgrad in Montenegro and Elbasan in Albania as they set up prevention bodies of their own.`,
      },
    ],
  },
  {
    key: 'border-wg',
    category: 'peer_learning',
    hub: 'esa',
    status: 'published',
    date: '2024-06-19',
    cities: ['border-wg', 'nebbi', 'cape-town', 'arusha'],
    engagements: ['johannesburg-workshop', 'cape-town-learning-visit', 'arusha-meeting'],
    commitments: ['border-wg-widening', 'nebbi-border-dialogues'],
    versions: [
      {
        language: 'en',
        title: 'Border cities of East and Southern Africa form their own working group',
        body: `At the regional workshop in Johannesburg in June 2023, mayors and city leaders from border towns of Kenya, Tanzania and Uganda found they faced much the same threats of hate and extremism, and the same difficulties preventing and responding to them.

To keep learning from each other, they formed a Border Municipalities Working Group, supported by the network's East and Southern Africa hub.

At the group's request the network organised a learning visit on community safety to Cape Town. The group then widened to border cities of Burundi, DR Congo, Malawi, Mozambique and Somalia, and met in Arusha in May 2024 to agree priorities and next steps.

Members are already acting on it: Nebbi in Uganda has started dialogues with the cities it shares a border with.`,
      },
    ],
  },

  /* ------------------------- multi-actor collaboration ------------------------- */
  {
    key: 'nansana',
    category: 'multi_actor',
    hub: 'esa',
    status: 'published',
    date: '2024-06-21',
    cities: ['nansana', 'cape-town'],
    engagements: ['cape-town-learning-visit', 'nansana-neighbourhood-watch-training'],
    commitments: ['nansana-neighbourhood-watch'],
    versions: [
      {
        language: 'en',
        title: 'Nansana pilots a Neighbourhood Watch as an early warning against hate',
        body: `Armed groups crossing into Uganda from DR Congo worried Nansana's leaders. During the network's learning visit to Cape Town in December 2023, the mayor saw practices she wanted at home, and asked the network for technical assistance to set up a Neighbourhood Watch that would also serve as an early-warning mechanism against hate and extremism.

The network brought in Stellenbosch in South Africa, where Neighbourhood Watch is a proven way to involve residents, spot local needs and prevent petty crime. Together they trained more than 150 municipal officials, community leaders and young people in the model and how to spread it.

With Stellenbosch and the network at its side, Nansana is now piloting the Neighbourhood Watch in Gombe Division, with the aim of covering the whole city.`,
      },
      {
        language: 'fr',
        title: 'Nansana teste une surveillance de quartier pour alerter tôt contre la haine',
        body: `Le passage de groupes armés de la RD Congo vers l'Ouganda inquiétait les responsables de Nansana. Lors de la visite d'apprentissage du réseau au Cap en décembre 2023, la maire a découvert des pratiques qu'elle voulait chez elle, et a demandé au réseau une assistance technique pour créer une surveillance de quartier qui servirait aussi d'alerte précoce contre la haine et l'extrémisme.

Le réseau a fait appel à Stellenbosch, en Afrique du Sud, où ce modèle a fait ses preuves pour associer les habitants, repérer les besoins locaux et prévenir la petite délinquance. Ensemble, ils ont formé plus de 150 agents municipaux, responsables communautaires et jeunes au modèle et à sa diffusion.

Accompagnée par Stellenbosch et le réseau, Nansana expérimente aujourd'hui la surveillance de quartier dans la division de Gombe, avec l'objectif de l'étendre à toute la ville.`,
        figures: {
          people_trained: {
            unit: 'personnes formées',
            description: 'Agents municipaux, responsables communautaires et jeunes formés pour faire vivre la surveillance de quartier.',
          },
        },
      },
      {
        language: 'ar',
        title: 'نانسانا تجرّب مراقبة الأحياء إنذارًا مبكرًا ضد الكراهية',
        body: `كان عبور جماعات مسلحة من جمهورية الكونغو الديمقراطية إلى أوغندا مصدر قلق لقيادة نانسانا. وخلال زيارة التعلّم التي نظمتها الشبكة إلى كيب تاون في كانون الأول/ديسمبر 2023، اطلعت رئيسة البلدية على ممارسات أرادت نقلها إلى مدينتها، فطلبت من الشبكة دعمًا فنيًا لإنشاء نظام لمراقبة الأحياء يعمل أيضًا آليةً للإنذار المبكر ضد الكراهية والتطرف.

استعانت الشبكة ببلدية ستيلينبوش في جنوب أفريقيا، حيث أثبت هذا النموذج نجاحه في إشراك السكان وتحديد الاحتياجات المحلية والحد من الجرائم البسيطة. ودرّبتا معًا أكثر من 150 من موظفي البلدية وقادة المجتمع والشباب على النموذج وطرق نشره.

وبدعم من ستيلينبوش والشبكة، تجرّب نانسانا اليوم مراقبة الأحياء في قسم غومبي، على أن تعمّمها لاحقًا على المدينة كلها.`,
        figures: {
          people_trained: {
            unit: 'شخصًا مدرَّبًا',
            description: 'موظفو البلدية وقادة المجتمع والشباب الذين تدرّبوا على تشغيل نظام مراقبة الأحياء.',
          },
        },
      },
    ],
  },
  {
    key: 'danilovgrad',
    category: 'multi_actor',
    hub: 'balkans',
    status: 'published',
    date: '2024-06-24',
    cities: ['danilovgrad', 'sarajevo'],
    engagements: ['danilovgrad-hub-meetings', 'sarajevo-workshop', 'danilovgrad-practitioners-workshop'],
    commitments: ['danilovgrad-safety-council', 'danilovgrad-action-plan'],
    versions: [
      {
        language: 'en',
        title: 'Danilovgrad creates a Local Safety Council',
        body: `When Danilovgrad's new mayor took office in 2022, ethnic and political tensions from the recent elections risked turning violent. New to the subject, he felt alone in tackling hate and extremism at the local level.

Through 2023 he met the network's Western Balkans hub several times and joined the hub's inaugural workshop in Sarajevo. Encouraged by what he heard, he decided to give the city a Local Safety Council.

To help it get started, the network ran a workshop for Danilovgrad's practitioners with peers from cities in the region that already run similar bodies. The council's launch is expected later in 2024, and the city is drafting an action plan aligned with the national strategies, so the work lasts and national government can back it.`,
      },
    ],
  },
  {
    key: 'trincomalee',
    category: 'multi_actor',
    hub: 'south-asia',
    status: 'published',
    date: '2024-06-26',
    cities: ['trincomalee'],
    engagements: ['colombo-workshop'],
    commitments: ['trincomalee-committee', 'trincomalee-risk-profile'],
    versions: [
      {
        language: 'en',
        title: 'Trincomalee sets up a Local Prevention Committee',
        body: `Trincomalee, a multi-ethnic city in north-eastern Sri Lanka, carries a history of communal violence that reaches back to the thirty-year civil war. Without a clear picture of its communities and their needs, the council struggled to respond to the grievances that feed hate and extremism.

After the South Asia hub's inaugural workshop, city officials created a Local Prevention Committee that brings community leaders, clergy and young people together.

The city also built an evidence-based risk profile and stepped up outreach to local communities. Both help the council understand what people need, build trust, and ease tensions between communities before they escalate.`,
      },
    ],
  },

  /* ------------------------------ youth engagement ------------------------------ */
  {
    key: 'liege',
    category: 'youth',
    hub: 'europe',
    status: 'published',
    date: '2024-06-28',
    cities: ['liege', 'berlin'],
    engagements: ['young-cities-berlin'],
    commitments: ['liege-youth-remembrance'],
    versions: [
      {
        language: 'en',
        title: 'Liège gives its young people a voice in remembrance',
        body: `Liège, a member since 2020, worked in 2023 with Young Cities, the network's youth strand, and the city's prevention department on an immersive, intercultural programme for young residents.

A Young Cities grant sent ten young people to Berlin, where they learnt about far-right and nationalist extremism and violence, visited historic sites including the memorial to the German resistance and the Reichstag, and heard from European experts on what drives hate and how to counter it.

On 8 May 2024 the mayor invited them to the ceremony at Liège's national resistance memorial marking the end of the Second World War, alongside a representative of the King and US embassy officials. One of the young participants spoke, pledging to keep working against violent extremism and hate speech.`,
        quotes: [
          {
            text: 'As young citizens of Liège we will keep standing up against violent extremism and hate speech.',
            attribution: 'Young Cities participant, speaking at the ceremony of 8 May 2024 (paraphrased)',
          },
        ],
      },
    ],
  },
  {
    key: 'zanzibar',
    category: 'youth',
    hub: 'esa',
    status: 'published',
    date: '2024-07-01',
    cities: ['zanzibar', 'mombasa'],
    engagements: ['mombasa-learning-visit'],
    commitments: ['zanzibar-youth-dialogue'],
    versions: [
      {
        language: 'en',
        title: 'Zanzibar holds its first dialogue with young people on prevention',
        body: `In November 2023 officials of the Zanzibar Urban Municipal Council joined a learning visit to Mombasa focused on how local governments work with young people.

In February 2024, guided by the network's East and Southern Africa hub, the council hosted a dialogue on preventing hate and extremism with youth-led and youth-focused organisations — the first time Zanzibar's local government had discussed the subject with young people.

The hub continues to support the council with technical assistance towards a more strategic and inclusive approach.`,
      },
    ],
  },

  /* --------------------------- national-local dialogues --------------------------- */
  {
    key: 'uganda',
    category: 'national_local',
    hub: 'esa',
    status: 'published',
    date: '2024-07-03',
    cities: ['nansana', 'masaka', 'nebbi'],
    engagements: ['uganda-dialogue'],
    commitments: ['nansana-youth-desk', 'masaka-councils'],
    extraOutcomes: [
      ['nansana', 'national_policy_change'],
      ['masaka', 'cities_joined'],
    ],
    versions: [
      {
        language: 'en',
        title: 'Uganda opens its national prevention committee to cities',
        body: `In April 2023 Ugandan cities and their national government sat down together on prevention for the first time, in a national-local dialogue convened by the network.

Soon after, the Ministry of Internal Affairs invited local governments onto the national steering committee on preventing and countering violent extremism, as part of its pledge to involve them in carrying out the national strategy.

Cities acted too. Five Ugandan cities have joined the network since the dialogue. Masaka set up councils for people with disabilities, women and youth so that local policy hears many voices, and held a dialogue with young people; Nansana opened a youth desk. Both are active in the Border Municipalities Working Group.`,
      },
    ],
  },
  {
    key: 'iraq',
    category: 'national_local',
    hub: 'mena',
    status: 'published',
    date: '2024-07-05',
    cities: ['fallujah', 'halabja', 'hawija', 'mosul-south', 'mosul-west', 'tal-afar', 'zubair'],
    engagements: ['baghdad-roundtable', 'iraq-local-plans-support'],
    commitments: [
      'fallujah-prevention-plan',
      'halabja-prevention-plan',
      'hawija-prevention-plan',
      'mosul-south-prevention-plan',
      'mosul-west-prevention-plan',
      'tal-afar-prevention-plan',
      'zubair-prevention-plan',
    ],
    versions: [
      {
        language: 'en',
        title: 'Iraq: seven local governments draw up prevention plans',
        body: `At the request of Iraq's national committee on countering violent extremism, and with the EU Advisory Mission in Iraq, the network held a national-local roundtable in Baghdad in May 2023.

It led to a joint initiative with IOM that supports seven local governments — Fallujah, Halabja, Hawija, Mosul (South), Mosul (West), Tal Afar and Zubair — as they prepare and carry out local prevention plans.`,
      },
    ],
  },
  {
    key: 'malawi',
    category: 'national_local',
    hub: 'esa',
    status: 'published',
    date: '2024-07-08',
    cities: ['lilongwe'],
    engagements: ['lilongwe-dialogue'],
    commitments: ['lilongwe-peace-committee'],
    versions: [
      {
        language: 'en',
        title: 'Malawi takes its Peace and Unity Committees to the cities',
        body: `Until 2024 Malawi's Peace and Unity Committees existed only at district level. After a national-local dialogue in Lilongwe in April 2024, the national government began working with cities to set them up there too.

The network now supports the Ministry of Local Government, Unity and Culture in drawing up and following a roadmap for stronger national-local cooperation on prevention.`,
      },
    ],
  },
  {
    key: 'morocco',
    category: 'national_local',
    hub: 'mena',
    status: 'published',
    date: '2024-07-10',
    cities: ['rabat', 'marrakesh', 'oujda', 'fez', 'tangier'],
    engagements: ['rabat-workshop', 'morocco-roundtable'],
    commitments: ['rabat-mou'],
    extraOutcomes: [['rabat', 'cities_joined']],
    versions: [
      {
        language: 'en',
        title: 'Morocco: from a first workshop to a national partnership',
        body: `The Middle East and North Africa hub opened with a workshop in Rabat in March 2023. Rabat, Marrakesh and Oujda joined the network, followed later by Fez and Tangier, and the mayor of Rabat became co-chair of the network's international steering committee.

In November 2023 the network led a multi-actor roundtable for Moroccan cities to map their needs and gaps. It then signed a memorandum of understanding with the Moroccan association of communal council presidents, opening more ways for Moroccan cities to prevent hate and extremism in their communities.`,
      },
    ],
  },

  /* ------------------------ global crises and local impacts ------------------------ */
  {
    key: 'transatlantic',
    category: 'global_crises',
    hub: 'europe',
    status: 'published',
    date: '2024-07-12',
    cities: ['strasbourg', 'highland-park', 'madrid', 'liege'],
    engagements: ['transatlantic-webinars'],
    commitments: [],
    versions: [
      {
        language: 'en',
        title: 'Transatlantic city learning on the local impact of global crises',
        body: `From late 2023, cities across Europe and North America asked the network for guidance, and for chances to learn from each other, as global crises played out in their streets. No playbook existed for mayors.

After consulting members and engaged non-member cities, the network published a policy brief setting out ten considerations for local leaders. In December 2023 it started a monthly webinar series where mayors and city officials share how global crises show up locally and what they do about it.

Since the series began, more than 600 mayors, deputies, city officials, researchers and other prevention practitioners have taken part.`,
      },
    ],
  },

  /* ----------------------------- on the story desk ----------------------------- */
  {
    key: 'nansana-youth-desk',
    category: 'youth',
    hub: 'esa',
    status: 'draft',
    date: '2026-11-10',
    cities: ['nansana'],
    engagements: ['uganda-dialogue'],
    commitments: ['nansana-youth-desk'],
    sentBack: 'Please add how many young people the desk has served so far, and check the mayor agrees to be named.',
    versions: [
      {
        language: 'en',
        title: 'Nansana opens a youth desk',
        body: `After the national-local dialogue of April 2023, Nansana opened a youth desk so that young residents have a door into the city's prevention work.`,
      },
    ],
  },
  {
    key: 'halabja',
    category: 'national_local',
    hub: 'mena',
    status: 'in_review',
    date: '2026-11-18',
    cities: ['halabja'],
    engagements: ['baghdad-roundtable', 'iraq-local-plans-support'],
    commitments: ['halabja-prevention-plan'],
    versions: [
      {
        language: 'en',
        title: 'Halabja adopts its local prevention plan',
        body: `Halabja is the first of the seven local governments supported by the joint initiative with IOM to adopt its local prevention plan, in November 2024.`,
      },
    ],
  },
];
