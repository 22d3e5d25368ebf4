import type {
  CityKind,
  CommitmentKind,
  CommitmentStatus,
  EngagementType,
  FollowUpKind,
  FollowUpStatus,
  HubNames,
  MembershipStatus,
  OutcomeType,
  PartnerKind,
  Participants,
} from '@impact/contracts';

/*
 * The demo data set: the network's published impact stories, retold in our own words.
 * Records refer to each other by key; the seeder turns keys into ids. Months are the first of the month.
 */

export interface DemoHub {
  code: string;
  name: string;
  names: HubNames;
}
export interface DemoCity {
  key: string;
  name: string;
  countryCode: string;
  hub: string;
  kind: CityKind;
  membershipStatus: MembershipStatus;
  memberSince: string | null;
  leadOfficial: string | null;
  latitude: number;
  longitude: number;
}
export interface DemoPartner {
  key: string;
  name: string;
  kind: PartnerKind;
  countryCode: string | null;
}
export interface DemoEngagement {
  key: string;
  title: string;
  type: EngagementType;
  hub: string;
  startDate: string;
  endDate?: string | null;
  location?: string | null;
  online?: boolean;
  host?: string | null;
  cities: string[];
  partners?: string[];
  participants: Partial<Participants>;
  summary: string;
  evidenceLinks?: string[];
}
export interface DemoCommitment {
  key: string;
  city: string;
  title: string;
  kind: CommitmentKind;
  status: CommitmentStatus;
  progress: number;
  /** When the city pledged it. */
  pledgedOn: string;
  targetDate: string | null;
  inspiredBy: string[];
  partners?: string[];
  description: string;
}
export interface DemoFollowUp {
  title: string;
  commitment?: string;
  engagement?: string;
  kind: FollowUpKind;
  dueDate: string;
  status: FollowUpStatus;
  completedAt?: string;
  note?: string;
}
export interface DemoOutcome {
  city: string;
  commitment?: string;
  date: string;
  type: OutcomeType;
  value?: number;
  unit?: string;
  description: string;
  evidenceUrl?: string;
  verified?: boolean;
}

export const DEMO_HUBS: DemoHub[] = [
  {
    code: 'esa',
    name: 'East & Southern Africa',
    names: { en: 'East & Southern Africa', fr: 'Afrique de l’Est et australe', ar: 'شرق وجنوب أفريقيا', es: 'África Oriental y Austral' },
  },
  {
    code: 'mena',
    name: 'Middle East & North Africa',
    names: {
      en: 'Middle East & North Africa',
      fr: 'Moyen-Orient et Afrique du Nord',
      ar: 'الشرق الأوسط وشمال أفريقيا',
      es: 'Oriente Medio y Norte de África',
    },
  },
  { code: 'south-asia', name: 'South Asia', names: { en: 'South Asia', fr: 'Asie du Sud', ar: 'جنوب آسيا', es: 'Asia del Sur' } },
  {
    code: 'balkans',
    name: 'Western Balkans',
    names: { en: 'Western Balkans', fr: 'Balkans occidentaux', ar: 'غرب البلقان', es: 'Balcanes Occidentales' },
  },
  {
    code: 'europe',
    name: 'Europe & North America',
    names: {
      en: 'Europe & North America',
      fr: 'Europe et Amérique du Nord',
      ar: 'أوروبا وأمريكا الشمالية',
      es: 'Europa y América del Norte',
    },
  },
];

const city = (
  key: string,
  name: string,
  countryCode: string,
  hub: string,
  latitude: number,
  longitude: number,
  extra: Partial<DemoCity> = {},
): DemoCity => ({
  key,
  name,
  countryCode,
  hub,
  latitude,
  longitude,
  kind: 'city',
  membershipStatus: 'member',
  memberSince: null,
  leadOfficial: null,
  ...extra,
});

export const DEMO_CITIES: DemoCity[] = [
  // East & Southern Africa
  city('cape-town', 'Cape Town', 'ZA', 'esa', -33.9249, 18.4241, {
    memberSince: '2019-09-01',
  }),
  city('nairobi', 'Nairobi', 'KE', 'esa', -1.2921, 36.8219, {
    memberSince: '2020-03-01',
  }),
  city('mombasa', 'Mombasa', 'KE', 'esa', -4.0435, 39.6682, {
    memberSince: '2018-06-01',
  }),
  city('johannesburg', 'Johannesburg', 'ZA', 'esa', -26.2041, 28.0473, {
    memberSince: '2021-02-01',
  }),
  city('nansana', 'Nansana', 'UG', 'esa', 0.3639, 32.5286, {
    kind: 'municipality',
    memberSince: '2023-07-01',
  }),
  city('masaka', 'Masaka', 'UG', 'esa', -0.3338, 31.7341, {
    memberSince: '2023-09-01',
  }),
  city('nebbi', 'Nebbi', 'UG', 'esa', 2.4783, 31.0889, {
    kind: 'municipality',
    memberSince: '2023-10-01',
  }),
  city('arusha', 'Arusha', 'TZ', 'esa', -3.3869, 36.683, {
    memberSince: '2022-11-01',
  }),
  city('zanzibar', 'Zanzibar Urban Municipal Council', 'TZ', 'esa', -6.1659, 39.2026, {
    kind: 'urban_council',
    memberSince: '2022-05-01',
  }),
  city('lilongwe', 'Lilongwe', 'MW', 'esa', -13.9626, 33.7741, {
    membershipStatus: 'joining',
  }),
  city('border-wg', 'Border Municipalities Working Group', 'KE', 'esa', 0.4608, 34.1115, {
    kind: 'working_group',
    memberSince: '2023-06-01',
  }),
  // Middle East & North Africa
  city('rabat', 'Rabat', 'MA', 'mena', 34.0209, -6.8416, {
    memberSince: '2023-03-01',
    leadOfficial: 'Mayor of Rabat',
  }),
  city('marrakesh', 'Marrakesh', 'MA', 'mena', 31.6295, -7.9811, {
    memberSince: '2023-04-01',
  }),
  city('oujda', 'Oujda', 'MA', 'mena', 34.6814, -1.9086, {
    memberSince: '2023-04-01',
  }),
  city('fez', 'Fez', 'MA', 'mena', 34.0181, -5.0078, {
    memberSince: '2024-01-01',
  }),
  city('tangier', 'Tangier', 'MA', 'mena', 35.7595, -5.834, {
    memberSince: '2024-02-01',
  }),
  city('fallujah', 'Fallujah', 'IQ', 'mena', 33.35, 43.7833, {
    membershipStatus: 'engaged',
  }),
  city('halabja', 'Halabja', 'IQ', 'mena', 35.1778, 45.9861, {
    membershipStatus: 'engaged',
  }),
  city('hawija', 'Hawija', 'IQ', 'mena', 35.3292, 43.7628, {
    membershipStatus: 'engaged',
  }),
  city('mosul-south', 'Mosul (South)', 'IQ', 'mena', 36.32, 43.13, {
    membershipStatus: 'engaged',
  }),
  city('mosul-west', 'Mosul (West)', 'IQ', 'mena', 36.345, 43.105, {
    membershipStatus: 'engaged',
  }),
  city('tal-afar', 'Tal Afar', 'IQ', 'mena', 36.3792, 42.4486, {
    membershipStatus: 'engaged',
  }),
  city('zubair', 'Zubair', 'IQ', 'mena', 30.3892, 47.7081, {
    membershipStatus: 'engaged',
  }),
  // South Asia
  city('colombo', 'Colombo', 'LK', 'south-asia', 6.9271, 79.8612, {
    memberSince: '2021-08-01',
  }),
  city('trincomalee', 'Trincomalee', 'LK', 'south-asia', 8.5874, 81.2152, {
    kind: 'urban_council',
    memberSince: '2023-08-01',
  }),
  city('rajshahi', 'Rajshahi Division', 'BD', 'south-asia', 24.3745, 88.6042, {
    kind: 'region',
    memberSince: '2023-08-01',
  }),
  city('singra', 'Singra', 'BD', 'south-asia', 24.5061, 89.1386, {
    kind: 'municipality',
    memberSince: '2023-08-01',
  }),
  // Western Balkans
  city('kumanovo', 'Kumanovo', 'MK', 'balkans', 42.1322, 21.7144, {
    memberSince: '2019-01-01',
  }),
  city('danilovgrad', 'Danilovgrad', 'ME', 'balkans', 42.5538, 19.1077, {
    kind: 'municipality',
    memberSince: '2023-01-01',
  }),
  city('elbasan', 'Elbasan', 'AL', 'balkans', 41.1125, 20.0822, {
    memberSince: '2022-06-01',
  }),
  city('sarajevo', 'Sarajevo', 'BA', 'balkans', 43.8563, 18.4131, {
    memberSince: '2020-10-01',
  }),
  // Europe & North America
  city('strasbourg', 'Strasbourg', 'FR', 'europe', 48.5734, 7.7521, {
    memberSince: '2022-01-01',
  }),
  city('madrid', 'Madrid', 'ES', 'europe', 40.4168, -3.7038, {
    memberSince: '2019-05-01',
  }),
  city('kalamaria', 'Kalamaria', 'GR', 'europe', 40.5823, 22.9503, {
    membershipStatus: 'engaged',
    kind: 'municipality',
  }),
  city('kordelio-evosmos', 'Kordelio-Evosmos', 'GR', 'europe', 40.6667, 22.9167, {
    membershipStatus: 'engaged',
    kind: 'municipality',
  }),
  city('montpellier', 'Montpellier', 'FR', 'europe', 43.6108, 3.8767, {
    membershipStatus: 'engaged',
  }),
  city('dijon', 'Dijon', 'FR', 'europe', 47.322, 5.0415, {
    membershipStatus: 'engaged',
  }),
  city('murcia', 'Murcia', 'ES', 'europe', 37.9922, -1.1307, {
    membershipStatus: 'engaged',
  }),
  city('highland-park', 'Highland Park', 'US', 'europe', 42.1817, -87.8003, {
    memberSince: '2022-12-01',
  }),
  city('oslo', 'Oslo', 'NO', 'europe', 59.9139, 10.7522, {
    memberSince: '2017-09-01',
  }),
  city('liege', 'Liège', 'BE', 'europe', 50.6326, 5.5797, {
    memberSince: '2020-01-01',
  }),
  city('berlin', 'Berlin', 'DE', 'europe', 52.52, 13.405, {
    memberSince: '2018-03-01',
  }),
];

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    key: 'iom',
    name: 'International Organization for Migration (IOM)',
    kind: 'international_organisation',
    countryCode: null,
  },
  {
    key: 'euam-iraq',
    name: 'EU Advisory Mission Iraq',
    kind: 'international_organisation',
    countryCode: 'IQ',
  },
  {
    key: 'iraq-cve',
    name: 'National CVE Committee of Iraq',
    kind: 'national_government',
    countryCode: 'IQ',
  },
  {
    key: 'mahc',
    name: "Mayors' Alliance of Bangladesh for Healthy Cities (MAHC)",
    kind: 'association',
    countryCode: 'BD',
  },
  {
    key: 'aid-foundation',
    name: 'AID Foundation',
    kind: 'civil_society',
    countryCode: 'BD',
  },
  {
    key: 'stellenbosch',
    name: 'Stellenbosch Municipality',
    kind: 'municipality',
    countryCode: 'ZA',
  },
  {
    key: 'uganda-mia',
    name: 'Ministry of Internal Affairs of Uganda',
    kind: 'national_government',
    countryCode: 'UG',
  },
  {
    key: 'malawi-gov',
    name: 'Government of Malawi',
    kind: 'national_government',
    countryCode: 'MW',
  },
  {
    key: 'morocco-presidents',
    name: 'Moroccan Association of Communal Council Presidents',
    kind: 'association',
    countryCode: 'MA',
  },
  {
    key: 'european-parliament',
    name: 'European Parliament',
    kind: 'international_organisation',
    countryCode: null,
  },
];

export const DEMO_ENGAGEMENTS: DemoEngagement[] = [
  // Peer learning
  {
    key: 'nairobi-workshop',
    title: 'East & Southern Africa regional workshop, Nairobi',
    type: 'regional_workshop',
    hub: 'esa',
    startDate: '2022-05-01',
    location: 'nairobi',
    host: 'nairobi',
    cities: ['cape-town', 'nairobi', 'mombasa', 'johannesburg'],
    participants: {
      total: 64,
      mayors: 9,
      officials: 38,
      youth: 6,
      women: 27,
      communityLeaders: 11,
    },
    summary:
      'Cities of the region compared how they prevent hate and extremism; Cape Town left resolved to write its own prevention strategy.',
  },
  {
    key: 'south-africa-roundtable',
    title: 'Roundtable for South African cities, co-hosted by Cape Town',
    type: 'roundtable',
    hub: 'esa',
    startDate: '2023-09-01',
    location: 'cape-town',
    host: 'cape-town',
    cities: ['cape-town', 'johannesburg'],
    participants: {
      total: 32,
      mayors: 3,
      officials: 24,
      women: 14,
      communityLeaders: 5,
    },
    summary: 'Cape Town walked peer municipalities through how its prevention strategy sits inside city safety and security work.',
  },
  {
    key: 'johannesburg-workshop',
    title: 'Regional workshop, Johannesburg: border cities',
    type: 'regional_workshop',
    hub: 'esa',
    startDate: '2023-06-01',
    location: 'johannesburg',
    host: 'johannesburg',
    cities: ['johannesburg', 'nebbi', 'arusha', 'border-wg', 'cape-town'],
    participants: {
      total: 58,
      mayors: 12,
      officials: 33,
      youth: 4,
      women: 21,
      communityLeaders: 9,
    },
    summary: 'Border cities of Kenya, Tanzania and Uganda agreed to work together as a Border Municipalities Working Group.',
  },
  {
    key: 'cape-town-learning-visit',
    title: 'Learning visit to Cape Town for East & Southern African mayors and officials',
    type: 'learning_visit',
    hub: 'esa',
    startDate: '2023-12-01',
    endDate: '2023-12-05',
    location: 'cape-town',
    host: 'cape-town',
    cities: ['nansana', 'border-wg', 'nebbi', 'arusha', 'masaka'],
    participants: {
      total: 41,
      mayors: 8,
      officials: 26,
      women: 16,
      communityLeaders: 7,
    },
    summary:
      "Visiting mayors saw Cape Town's safety infrastructure at work; Nansana's mayor asked for help to build a similar early-warning practice.",
  },
  {
    key: 'arusha-meeting',
    title: 'Border Municipalities Working Group meeting, Arusha',
    type: 'regional_workshop',
    hub: 'esa',
    startDate: '2024-05-01',
    location: 'arusha',
    host: 'arusha',
    cities: ['border-wg', 'nebbi', 'arusha'],
    participants: {
      total: 46,
      mayors: 11,
      officials: 27,
      women: 15,
      communityLeaders: 8,
    },
    summary: 'The group, now including cities from Burundi, DR Congo, Malawi, Mozambique and Somalia, planned cross-border dialogues.',
  },
  {
    key: 'mombasa-learning-visit',
    title: 'Learning visit to Mombasa for Zanzibar',
    type: 'learning_visit',
    hub: 'esa',
    startDate: '2023-11-01',
    location: 'mombasa',
    host: 'mombasa',
    cities: ['zanzibar'],
    participants: { total: 18, mayors: 1, officials: 11, youth: 4, women: 8 },
    summary: 'Zanzibar officials learnt how Mombasa involves youth-led groups in its prevention work.',
  },
  {
    key: 'nansana-neighbourhood-watch-training',
    title: 'Neighbourhood Watch training in Nansana with Stellenbosch',
    type: 'training',
    hub: 'esa',
    startDate: '2024-06-01',
    endDate: '2024-06-14',
    location: 'nansana',
    host: 'nansana',
    cities: ['nansana'],
    partners: ['stellenbosch'],
    participants: {
      total: 152,
      officials: 61,
      youth: 44,
      women: 70,
      communityLeaders: 47,
    },
    summary:
      'Trainers from Stellenbosch and the network prepared municipal staff, community leaders and young people to run an early-warning Neighbourhood Watch.',
  },
  {
    key: 'uganda-dialogue',
    title: 'National-local dialogue, Uganda',
    type: 'national_local_dialogue',
    hub: 'esa',
    startDate: '2023-04-01',
    cities: ['nansana', 'masaka'],
    partners: ['uganda-mia'],
    participants: {
      total: 55,
      mayors: 7,
      officials: 35,
      youth: 5,
      women: 19,
      communityLeaders: 8,
    },
    summary:
      'National and local authorities met on prevention; the ministry then opened its national P/CVE steering committee to local governments.',
  },
  {
    key: 'lilongwe-dialogue',
    title: 'National-local dialogue, Lilongwe',
    type: 'national_local_dialogue',
    hub: 'esa',
    startDate: '2024-04-01',
    location: 'lilongwe',
    host: 'lilongwe',
    cities: ['lilongwe'],
    partners: ['malawi-gov'],
    participants: {
      total: 47,
      mayors: 6,
      officials: 31,
      women: 18,
      communityLeaders: 10,
    },
    summary: 'Following the dialogue the national government started to extend Peace and Unity Committees to cities.',
  },
  // Europe & North America
  {
    key: 'transatlantic-dialogue-2023',
    title: 'Transatlantic dialogue on city-led prevention',
    type: 'transatlantic_dialogue',
    hub: 'europe',
    startDate: '2023-03-01',
    online: true,
    cities: ['strasbourg', 'highland-park', 'madrid', 'berlin'],
    participants: { total: 74, mayors: 10, officials: 51, women: 33 },
    summary: 'European and North American cities swapped approaches to polarisation ahead of the Global Summit.',
  },
  {
    key: 'oslo-conference',
    title: 'Network conference in Oslo with a visit to Utøya',
    type: 'summit',
    hub: 'europe',
    startDate: '2023-05-01',
    endDate: '2023-05-03',
    location: 'oslo',
    host: 'oslo',
    cities: ['oslo', 'highland-park', 'liege', 'strasbourg'],
    participants: {
      total: 120,
      mayors: 22,
      officials: 70,
      youth: 12,
      women: 58,
    },
    summary:
      "Highland Park's mayor joined ten months after the city's 2022 shooting and visited Utøya with survivors' remembrance work in mind.",
  },
  {
    key: 'global-summit-4',
    title: '4th Global Summit',
    type: 'summit',
    hub: 'europe',
    startDate: '2023-09-01',
    endDate: '2023-09-03',
    cities: ['strasbourg', 'madrid', 'rabat', 'cape-town', 'kumanovo'],
    participants: {
      total: 310,
      mayors: 65,
      officials: 190,
      youth: 25,
      women: 150,
      communityLeaders: 20,
    },
    summary: 'Mayors from every hub met; Strasbourg took part as a newer member.',
  },
  {
    key: 'european-parliament-dialogue',
    title: 'Transatlantic dialogue at the European Parliament, co-hosted by Strasbourg',
    type: 'transatlantic_dialogue',
    hub: 'europe',
    startDate: '2024-05-01',
    location: 'strasbourg',
    host: 'strasbourg',
    cities: ['strasbourg', 'kalamaria', 'kordelio-evosmos', 'montpellier', 'dijon', 'murcia', 'madrid'],
    partners: ['european-parliament'],
    participants: { total: 95, mayors: 14, officials: 60, youth: 6, women: 44 },
    summary: 'After the dialogue five more European cities asked to join the work, and Madrid offered to host the next one.',
  },
  {
    key: 'young-cities-berlin',
    title: 'Young Cities grant: youth exchange in Berlin',
    type: 'grant',
    hub: 'europe',
    startDate: '2023-07-01',
    location: 'berlin',
    cities: ['liege'],
    participants: { total: 10, youth: 10, women: 5 },
    summary: 'A grant paid for ten young people from Liège to take part in a youth programme in Berlin.',
  },
  {
    key: 'transatlantic-webinars',
    title: 'Transatlantic city learning: monthly webinar series',
    type: 'webinar',
    hub: 'europe',
    startDate: '2023-12-01',
    online: true,
    cities: ['strasbourg', 'highland-park', 'madrid', 'liege'],
    participants: { total: 600, mayors: 45, officials: 380 },
    summary:
      'A monthly online series, paired with a policy brief of ten considerations, reaching more than 600 mayors, deputies, officials and researchers.',
  },
  // South Asia
  {
    key: 'colombo-workshop',
    title: 'South Asia hub inaugural regional workshop, Colombo',
    type: 'regional_workshop',
    hub: 'south-asia',
    startDate: '2023-08-01',
    endDate: '2023-08-03',
    location: 'colombo',
    host: 'colombo',
    cities: ['colombo', 'trincomalee', 'rajshahi', 'singra'],
    partners: ['mahc'],
    participants: {
      total: 70,
      mayors: 14,
      officials: 40,
      youth: 8,
      women: 26,
      communityLeaders: 8,
    },
    summary: 'First workshop of the South Asia hub; Trincomalee and Rajshahi left with concrete prevention plans.',
  },
  {
    key: 'rajshahi-workshop',
    title: "Rajshahi mayors' workshop on hate, extremism and polarisation",
    type: 'regional_workshop',
    hub: 'south-asia',
    startDate: '2024-01-01',
    location: 'rajshahi',
    host: 'singra',
    cities: ['rajshahi', 'singra'],
    partners: ['mahc', 'aid-foundation'],
    participants: {
      total: 36,
      mayors: 10,
      officials: 20,
      youth: 3,
      women: 9,
      communityLeaders: 3,
    },
    summary:
      'Mayors of ten municipalities agreed to table prevention at their town-level coordination committees and to set up a youth platform.',
  },
  // Western Balkans
  {
    key: 'danilovgrad-hub-meetings',
    title: "Western Balkans hub meetings with Danilovgrad's new mayor",
    type: 'technical_assistance',
    hub: 'balkans',
    startDate: '2023-03-01',
    endDate: '2023-09-30',
    location: 'danilovgrad',
    cities: ['danilovgrad'],
    participants: { total: 12, mayors: 1, officials: 9, women: 5 },
    summary: 'A series of meetings to understand local risks and what a prevention body could look like in Danilovgrad.',
  },
  {
    key: 'kumanovo-roundtable',
    title: "National roundtable on mayors' role in prevention, Kumanovo",
    type: 'roundtable',
    hub: 'balkans',
    startDate: '2023-06-01',
    location: 'kumanovo',
    host: 'kumanovo',
    cities: ['kumanovo', 'danilovgrad', 'elbasan'],
    participants: {
      total: 44,
      mayors: 9,
      officials: 28,
      women: 17,
      communityLeaders: 5,
    },
    summary:
      'Kumanovo, with prevention structures in place since 2019, shared what mayors can do; peers from Danilovgrad and Elbasan attended.',
  },
  {
    key: 'sarajevo-workshop',
    title: 'Western Balkans hub inaugural workshop, Sarajevo',
    type: 'regional_workshop',
    hub: 'balkans',
    startDate: '2023-10-01',
    location: 'sarajevo',
    host: 'sarajevo',
    cities: ['sarajevo', 'danilovgrad', 'kumanovo', 'elbasan'],
    participants: {
      total: 62,
      mayors: 11,
      officials: 39,
      youth: 5,
      women: 28,
      communityLeaders: 7,
    },
    summary: "The hub's opening workshop, after which Danilovgrad decided to set up a Local Safety Council.",
  },
  {
    key: 'danilovgrad-practitioners-workshop',
    title: "Practitioners' workshop on the Danilovgrad Local Safety Council",
    type: 'technical_assistance',
    hub: 'balkans',
    startDate: '2024-02-01',
    location: 'danilovgrad',
    host: 'kumanovo',
    cities: ['danilovgrad', 'kumanovo'],
    participants: { total: 25, officials: 18, women: 11, communityLeaders: 7 },
    summary: "Kumanovo's prevention experts helped Danilovgrad practitioners design the council's membership and mandate.",
  },
  // Middle East & North Africa
  {
    key: 'rabat-workshop',
    title: 'MENA hub inaugural workshop, Rabat',
    type: 'regional_workshop',
    hub: 'mena',
    startDate: '2023-03-01',
    location: 'rabat',
    host: 'rabat',
    cities: ['rabat', 'marrakesh', 'oujda'],
    participants: {
      total: 66,
      mayors: 10,
      officials: 41,
      youth: 6,
      women: 24,
      communityLeaders: 9,
    },
    summary: 'Opening of the MENA hub; Rabat, Marrakesh and Oujda joined the network soon after.',
  },
  {
    key: 'baghdad-roundtable',
    title: 'National-local roundtable, Baghdad',
    type: 'national_local_dialogue',
    hub: 'mena',
    startDate: '2023-05-01',
    cities: ['fallujah', 'halabja', 'hawija', 'mosul-south', 'mosul-west', 'tal-afar', 'zubair'],
    partners: ['iraq-cve', 'euam-iraq'],
    participants: {
      total: 58,
      mayors: 7,
      officials: 40,
      women: 15,
      communityLeaders: 6,
    },
    summary:
      "Iraq's national CVE committee and the EU Advisory Mission met local leaders; a joint initiative with IOM for local prevention plans followed.",
  },
  {
    key: 'iraq-local-plans-support',
    title: 'Support to seven Iraqi local governments on prevention plans (with IOM)',
    type: 'technical_assistance',
    hub: 'mena',
    startDate: '2023-10-01',
    endDate: '2024-12-31',
    cities: ['fallujah', 'halabja', 'hawija', 'mosul-south', 'mosul-west', 'tal-afar', 'zubair'],
    partners: ['iom'],
    participants: { total: 84, officials: 63, women: 22, communityLeaders: 21 },
    summary:
      'Coaching for local teams drafting prevention plans in Fallujah, Halabja, Hawija, Mosul (South and West), Tal Afar and Zubair.',
  },
  {
    key: 'morocco-roundtable',
    title: 'Roundtable for Moroccan cities',
    type: 'roundtable',
    hub: 'mena',
    startDate: '2023-11-01',
    location: 'rabat',
    host: 'rabat',
    cities: ['rabat', 'marrakesh', 'oujda', 'fez', 'tangier'],
    partners: ['morocco-presidents'],
    participants: {
      total: 40,
      mayors: 7,
      officials: 25,
      women: 14,
      communityLeaders: 4,
    },
    summary:
      'Moroccan cities met on prevention; Fez and Tangier went on to join, and an MoU with the communal council presidents was prepared.',
  },
];

export const DEMO_COMMITMENTS: DemoCommitment[] = [
  {
    key: 'cape-town-strategy',
    city: 'cape-town',
    title: 'Prevention strategy within the city safety and security system',
    kind: 'strategy_or_plan',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2022-06-15',
    targetDate: '2023-06-30',
    inspiredBy: ['nairobi-workshop'],
    description: 'Write a city prevention strategy and anchor it in the existing safety and security structures.',
  },
  {
    key: 'cape-town-peer-host',
    city: 'cape-town',
    title: 'Host peer learning for South African and regional cities',
    kind: 'peer_learning_host',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-07-01',
    targetDate: '2023-12-31',
    inspiredBy: ['nairobi-workshop'],
    description: 'Co-host a roundtable for South African cities and a learning visit for mayors and officials of the region.',
  },
  {
    key: 'nansana-neighbourhood-watch',
    city: 'nansana',
    title: 'Neighbourhood Watch as an early-warning mechanism',
    kind: 'neighbourhood_watch',
    status: 'in_progress',
    progress: 55,
    pledgedOn: '2024-01-15',
    targetDate: '2027-06-30',
    inspiredBy: ['cape-town-learning-visit'],
    partners: ['stellenbosch'],
    description: 'Pilot a Neighbourhood Watch in Gombe Division, modelled on Cape Town, then extend it to the whole city.',
  },
  {
    key: 'nansana-youth-desk',
    city: 'nansana',
    title: 'Youth desk in the municipality',
    kind: 'youth_council',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-06-01',
    targetDate: '2024-03-31',
    inspiredBy: ['uganda-dialogue'],
    description: 'Open a youth desk so young residents have a door into city prevention work.',
  },
  {
    key: 'masaka-councils',
    city: 'masaka',
    title: "Disability, women's and youth councils",
    kind: 'youth_council',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-06-01',
    targetDate: '2024-06-30',
    inspiredBy: ['uganda-dialogue'],
    description: 'Set up councils for people with disabilities, women and youth, and hold a first youth dialogue.',
  },
  {
    key: 'border-wg-widening',
    city: 'border-wg',
    title: 'Widen the working group beyond Kenya, Tanzania and Uganda',
    kind: 'partnership',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-06-15',
    targetDate: '2024-05-31',
    inspiredBy: ['johannesburg-workshop', 'cape-town-learning-visit'],
    description: 'Bring border cities of Burundi, DR Congo, Malawi, Mozambique and Somalia into the group.',
  },
  {
    key: 'nebbi-border-dialogues',
    city: 'nebbi',
    title: 'Dialogues with neighbouring border cities',
    kind: 'prevention_committee',
    status: 'in_progress',
    progress: 35,
    pledgedOn: '2024-05-15',
    targetDate: '2027-05-31',
    inspiredBy: ['arusha-meeting'],
    description: 'Start regular dialogues with the cities across the border on shared risks.',
  },
  {
    key: 'zanzibar-youth-dialogue',
    city: 'zanzibar',
    title: 'Regular dialogue with youth-led organisations',
    kind: 'youth_council',
    status: 'in_progress',
    progress: 50,
    pledgedOn: '2023-11-20',
    targetDate: '2027-02-28',
    inspiredBy: ['mombasa-learning-visit'],
    description: 'Hold dialogues between the municipal council and youth-led organisations, starting with a first one early in 2024.',
  },
  {
    key: 'lilongwe-peace-committee',
    city: 'lilongwe',
    title: 'Peace and Unity Committee for the city',
    kind: 'prevention_committee',
    status: 'in_progress',
    progress: 25,
    pledgedOn: '2024-04-20',
    targetDate: '2027-04-30',
    inspiredBy: ['lilongwe-dialogue'],
    partners: ['malawi-gov'],
    description: 'Set up the city committee as the national roll-out reaches Lilongwe; the network supports the ministry with a roadmap.',
  },
  {
    key: 'strasbourg-host',
    city: 'strasbourg',
    title: 'Co-host a transatlantic dialogue at the European Parliament',
    kind: 'peer_learning_host',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-10-01',
    targetDate: '2024-05-31',
    inspiredBy: ['transatlantic-dialogue-2023', 'global-summit-4'],
    partners: ['european-parliament'],
    description: 'Open the European Parliament to a transatlantic exchange among city leaders.',
  },
  {
    key: 'madrid-host',
    city: 'madrid',
    title: 'Host a future transatlantic dialogue',
    kind: 'peer_learning_host',
    status: 'pledged',
    progress: 0,
    pledgedOn: '2024-05-20',
    targetDate: '2027-05-31',
    inspiredBy: ['european-parliament-dialogue'],
    description: 'Madrid offered to host the next dialogue in the series.',
  },
  {
    key: 'highland-park-remembrance',
    city: 'highland-park',
    title: 'Places of remembrance',
    kind: 'remembrance',
    status: 'in_progress',
    progress: 40,
    pledgedOn: '2023-06-01',
    targetDate: '2027-07-04',
    inspiredBy: ['oslo-conference'],
    description: 'Design places of remembrance with the community, drawing on what Oslo and Utøya learnt.',
  },
  {
    key: 'liege-youth-remembrance',
    city: 'liege',
    title: 'Young Cities alumni in remembrance events',
    kind: 'youth_council',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-09-01',
    targetDate: '2024-05-31',
    inspiredBy: ['young-cities-berlin'],
    description: 'Give the young people back from Berlin a place in the city’s official remembrance.',
  },
  {
    key: 'trincomalee-committee',
    city: 'trincomalee',
    title: 'Local Prevention Committee',
    kind: 'prevention_committee',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-08-20',
    targetDate: '2024-06-30',
    inspiredBy: ['colombo-workshop'],
    description: 'Bring community leaders, clergy and young people together in a standing prevention committee.',
  },
  {
    key: 'trincomalee-risk-profile',
    city: 'trincomalee',
    title: 'Evidence-based local risk profile',
    kind: 'other',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-08-20',
    targetDate: '2024-09-30',
    inspiredBy: ['colombo-workshop'],
    description: 'Map local risks of hate and violence with data, to steer the committee’s work.',
  },
  {
    key: 'rajshahi-tlcc',
    city: 'rajshahi',
    title: 'Prevention on every town-level coordination committee agenda',
    kind: 'agenda_item',
    status: 'in_progress',
    progress: 40,
    pledgedOn: '2024-01-20',
    targetDate: '2026-12-31',
    inspiredBy: ['colombo-workshop', 'rajshahi-workshop'],
    partners: ['mahc', 'aid-foundation'],
    description: 'Each of the ten municipalities puts hate, extremism and polarisation on its TLCC agenda.',
  },
  {
    key: 'rajshahi-youth-platform',
    city: 'rajshahi',
    title: 'Youth engagement platform for the division',
    kind: 'youth_council',
    status: 'stalled',
    progress: 15,
    pledgedOn: '2024-01-20',
    targetDate: '2025-12-31',
    inspiredBy: ['rajshahi-workshop'],
    partners: ['mahc'],
    description: 'Create a platform where young people of the ten municipalities take part in prevention; funding is still missing.',
  },
  {
    key: 'singra-tlcc',
    city: 'singra',
    title: 'Prevention item on the Singra TLCC agenda',
    kind: 'agenda_item',
    status: 'pledged',
    progress: 0,
    pledgedOn: '2024-01-20',
    targetDate: '2027-01-31',
    inspiredBy: ['rajshahi-workshop'],
    partners: ['mahc'],
    description: 'Singra, co-organiser of the Rajshahi workshop, tables prevention at its own coordination committee.',
  },
  {
    key: 'kumanovo-peer-support',
    city: 'kumanovo',
    title: 'Share prevention expertise with Danilovgrad and Elbasan',
    kind: 'peer_learning_host',
    status: 'in_progress',
    progress: 70,
    pledgedOn: '2023-06-15',
    targetDate: '2027-06-30',
    inspiredBy: ['kumanovo-roundtable'],
    description: "Kumanovo's practitioners coach peer municipalities building their own prevention bodies.",
  },
  {
    key: 'danilovgrad-safety-council',
    city: 'danilovgrad',
    title: 'Local Safety Council',
    kind: 'local_safety_council',
    status: 'in_progress',
    progress: 60,
    pledgedOn: '2023-10-15',
    targetDate: '2026-12-31',
    inspiredBy: ['sarajevo-workshop', 'kumanovo-roundtable'],
    description: 'Create a Local Safety Council, prepared in a practitioners’ workshop with Kumanovo experts.',
  },
  {
    key: 'danilovgrad-action-plan',
    city: 'danilovgrad',
    title: 'Local action plan aligned with national strategies',
    kind: 'strategy_or_plan',
    status: 'in_progress',
    progress: 30,
    pledgedOn: '2024-02-15',
    targetDate: '2027-03-31',
    inspiredBy: ['danilovgrad-practitioners-workshop'],
    description: 'Draft a prevention action plan that fits the national strategies.',
  },
  {
    key: 'rabat-mou',
    city: 'rabat',
    title: 'MoU with the association of communal council presidents',
    kind: 'partnership',
    status: 'achieved',
    progress: 100,
    pledgedOn: '2023-11-15',
    targetDate: '2024-06-30',
    inspiredBy: ['morocco-roundtable'],
    partners: ['morocco-presidents'],
    description: 'Sign a memorandum so that prevention work reaches Moroccan communes through their presidents.',
  },
  ...(
    [
      ['fallujah', 'in_progress', 60],
      ['halabja', 'achieved', 100],
      ['hawija', 'in_progress', 30],
      ['mosul-south', 'pledged', 0],
      ['mosul-west', 'in_progress', 45],
      ['tal-afar', 'in_progress', 20],
      ['zubair', 'pledged', 0],
    ] as const
  ).map(
    ([c, status, progress]): DemoCommitment => ({
      key: `${c}-prevention-plan`,
      city: c,
      title: 'Local prevention plan',
      kind: 'strategy_or_plan',
      status,
      progress,
      pledgedOn: '2023-10-01',
      targetDate: '2027-03-31',
      inspiredBy: ['baghdad-roundtable', 'iraq-local-plans-support'],
      partners: ['iom', 'euam-iraq'],
      description: 'Draft and adopt a local prevention plan with the support of the joint initiative with IOM.',
    }),
  ),
];

export const DEMO_FOLLOW_UPS: DemoFollowUp[] = [
  {
    title: 'Neighbourhood Watch training with Stellenbosch',
    commitment: 'nansana-neighbourhood-watch',
    kind: 'training',
    dueDate: '2024-06-30',
    status: 'done',
    completedAt: '2024-06-14',
  },
  {
    title: 'Plan the citywide roll-out after the Gombe Division pilot',
    commitment: 'nansana-neighbourhood-watch',
    kind: 'workshop',
    dueDate: '2026-10-15',
    status: 'open',
  },
  {
    title: 'Check-in on the Gombe Division pilot',
    commitment: 'nansana-neighbourhood-watch',
    kind: 'check_in',
    dueDate: '2026-12-15',
    status: 'open',
  },
  {
    title: "Practitioners' workshop with Kumanovo experts",
    commitment: 'danilovgrad-safety-council',
    kind: 'workshop',
    dueDate: '2024-02-29',
    status: 'done',
    completedAt: '2024-02-20',
  },
  {
    title: 'Review the draft action plan against national strategies',
    commitment: 'danilovgrad-action-plan',
    kind: 'technical_assistance',
    dueDate: '2026-11-10',
    status: 'open',
  },
  {
    title: 'Prepare the launch of the Local Safety Council',
    commitment: 'danilovgrad-safety-council',
    kind: 'check_in',
    dueDate: '2027-01-20',
    status: 'open',
  },
  {
    title: 'Find funding for the youth platform',
    commitment: 'rajshahi-youth-platform',
    kind: 'check_in',
    dueDate: '2026-09-30',
    status: 'open',
    note: 'No reply from the division since the summer.',
  },
  {
    title: 'Collect TLCC minutes from the ten municipalities',
    commitment: 'rajshahi-tlcc',
    kind: 'check_in',
    dueDate: '2026-12-31',
    status: 'open',
  },
  {
    title: 'Deliver the Peace and Unity Committees roadmap to the ministry',
    commitment: 'lilongwe-peace-committee',
    kind: 'technical_assistance',
    dueDate: '2026-11-30',
    status: 'open',
  },
  {
    title: 'Introduce Highland Park to remembrance practitioners in Oslo',
    commitment: 'highland-park-remembrance',
    kind: 'peer_introduction',
    dueDate: '2023-07-31',
    status: 'done',
    completedAt: '2023-07-12',
  },
  {
    title: 'Quarterly check-in with IOM on local prevention plans',
    commitment: 'fallujah-prevention-plan',
    kind: 'check_in',
    dueDate: '2026-10-01',
    status: 'open',
  },
  {
    title: 'Restart contact with Zubair on its prevention plan',
    commitment: 'zubair-prevention-plan',
    kind: 'check_in',
    dueDate: '2026-11-01',
    status: 'open',
  },
  {
    title: 'Agree date and venue of the Madrid dialogue',
    commitment: 'madrid-host',
    kind: 'check_in',
    dueDate: '2027-02-28',
    status: 'open',
  },
  {
    title: 'Support a second youth dialogue in Zanzibar',
    commitment: 'zanzibar-youth-dialogue',
    kind: 'workshop',
    dueDate: '2026-08-31',
    status: 'done',
    completedAt: '2026-08-20',
  },
  {
    title: 'Introduce interested cities to Strasbourg',
    engagement: 'european-parliament-dialogue',
    kind: 'peer_introduction',
    dueDate: '2024-07-31',
    status: 'done',
    completedAt: '2024-07-10',
  },
  {
    title: 'Share the MoU implementation plan with the hub',
    commitment: 'rabat-mou',
    kind: 'check_in',
    dueDate: '2024-09-30',
    status: 'done',
    completedAt: '2024-09-18',
  },
  {
    title: 'Technical assistance on the Trincomalee risk profile',
    commitment: 'trincomalee-risk-profile',
    kind: 'technical_assistance',
    dueDate: '2024-05-31',
    status: 'done',
    completedAt: '2024-05-28',
  },
  {
    title: 'Publish the transatlantic policy brief',
    engagement: 'transatlantic-webinars',
    kind: 'other',
    dueDate: '2024-03-31',
    status: 'done',
    completedAt: '2024-03-15',
  },
];

export const DEMO_OUTCOMES: DemoOutcome[] = [
  {
    city: 'cape-town',
    commitment: 'cape-town-strategy',
    date: '2023-03-01',
    type: 'policy_adopted',
    description: 'Cape Town adopted its prevention strategy as part of its safety and security framework.',
    verified: true,
  },
  {
    city: 'nansana',
    commitment: 'nansana-neighbourhood-watch',
    date: '2024-06-14',
    type: 'people_trained',
    value: 150,
    unit: 'people trained',
    description: 'Municipal officials, community leaders and young people trained to run the Neighbourhood Watch.',
    verified: true,
  },
  {
    city: 'nansana',
    commitment: 'nansana-youth-desk',
    date: '2024-02-01',
    type: 'institution_created',
    description: 'Nansana opened a youth desk.',
    verified: true,
  },
  {
    city: 'nansana',
    date: '2023-06-01',
    type: 'national_policy_change',
    description: 'After the national-local dialogue, local governments were invited onto the national P/CVE steering committee.',
  },
  {
    city: 'masaka',
    commitment: 'masaka-councils',
    date: '2024-03-01',
    type: 'institution_created',
    value: 3,
    unit: 'councils',
    description: "Disability, women's and youth councils set up, followed by a youth dialogue.",
    verified: true,
  },
  {
    city: 'masaka',
    date: '2024-12-01',
    type: 'cities_joined',
    value: 5,
    unit: 'Ugandan cities',
    description: 'Five Ugandan cities joined the network after the national-local dialogue.',
  },
  {
    city: 'trincomalee',
    commitment: 'trincomalee-committee',
    date: '2024-03-01',
    type: 'institution_created',
    description: 'Local Prevention Committee of community leaders, clergy and youth in place.',
    verified: true,
  },
  {
    city: 'trincomalee',
    commitment: 'trincomalee-risk-profile',
    date: '2024-06-01',
    type: 'other',
    description: 'An evidence-based risk profile of the city completed.',
  },
  {
    city: 'rajshahi',
    commitment: 'rajshahi-tlcc',
    date: '2024-01-20',
    type: 'other',
    value: 10,
    unit: 'mayors committed',
    description: 'Ten mayors committed to put prevention on their TLCC agendas.',
  },
  {
    city: 'lilongwe',
    commitment: 'lilongwe-peace-committee',
    date: '2024-07-01',
    type: 'national_policy_change',
    description: 'The national government began rolling out Peace and Unity Committees to cities.',
  },
  {
    city: 'rabat',
    date: '2024-02-01',
    type: 'cities_joined',
    value: 5,
    unit: 'Moroccan cities',
    description: 'Rabat, Marrakesh and Oujda, then Fez and Tangier joined the network.',
    verified: true,
  },
  {
    city: 'rabat',
    commitment: 'rabat-mou',
    date: '2024-05-01',
    type: 'policy_adopted',
    description: 'MoU signed with the association of communal council presidents.',
  },
  {
    city: 'halabja',
    commitment: 'halabja-prevention-plan',
    date: '2024-11-01',
    type: 'policy_adopted',
    description: 'Halabja adopted its local prevention plan.',
  },
  {
    city: 'liege',
    commitment: 'liege-youth-remembrance',
    date: '2024-05-08',
    type: 'youth_engaged',
    value: 10,
    unit: 'young people',
    description: 'The mayor invited the ten Young Cities participants to the ceremony at the national resistance memorial.',
    verified: true,
  },
  {
    city: 'zanzibar',
    commitment: 'zanzibar-youth-dialogue',
    date: '2024-02-01',
    type: 'youth_engaged',
    description: 'First dialogue between the municipal council and youth-led organisations.',
  },
  {
    city: 'border-wg',
    commitment: 'border-wg-widening',
    date: '2024-05-01',
    type: 'cities_joined',
    value: 5,
    unit: 'countries added',
    description: 'Border cities of Burundi, DR Congo, Malawi, Mozambique and Somalia joined the working group.',
  },
  {
    city: 'danilovgrad',
    commitment: 'danilovgrad-safety-council',
    date: '2023-10-15',
    type: 'other',
    description: 'The municipality decided to create a Local Safety Council.',
  },
];
