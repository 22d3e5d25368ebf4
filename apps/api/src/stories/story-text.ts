import type { Language, OutcomeType, StoryCategory, StoryDraftSource, StoryFigure, StoryFigureWordings } from '@impact/contracts';
import { fitsLanguage } from '@impact/contracts';

/*
 * The words the API itself writes into a story: category names for exports, and the templates a
 * draft is assembled from. One short, factual narrative per category, in the story's language;
 * the author edits it from there.
 */

export const CATEGORY_LABELS: Record<Language, Record<StoryCategory, string>> = {
  en: {
    peer_learning: 'Inspiring city-led action through peer learning',
    multi_actor: 'Facilitating city-led multi-actor collaboration',
    youth: 'Promoting city-led youth engagement',
    national_local: 'National-local dialogues at country level',
    global_crises: 'Global crises and local impacts',
  },
  fr: {
    peer_learning: 'Inspirer l’action des villes par l’apprentissage entre pairs',
    multi_actor: 'Faciliter la collaboration multi-acteurs menée par les villes',
    youth: 'Promouvoir l’engagement des jeunes mené par les villes',
    national_local: 'Dialogues national-local à l’échelle des pays',
    global_crises: 'Crises mondiales et impacts locaux',
  },
  ar: {
    peer_learning: 'تحفيز عمل المدن عبر التعلّم من النظراء',
    multi_actor: 'تيسير التعاون بين أطراف متعددة بقيادة المدن',
    youth: 'تعزيز مشاركة الشباب بقيادة المدن',
    national_local: 'حوارات وطنية محلية على مستوى البلدان',
    global_crises: 'أزمات عالمية وآثار محلية',
  },
  es: {
    peer_learning: 'Inspirar la acción municipal mediante el aprendizaje entre pares',
    multi_actor: 'Facilitar la colaboración multiactor liderada por las ciudades',
    youth: 'Promover la participación juvenil liderada por las ciudades',
    national_local: 'Diálogos nacional-local a escala de país',
    global_crises: 'Crisis globales e impactos locales',
  },
};

interface Phrases {
  intro: Record<StoryCategory, (city: string, engagements: string) => string>;
  /** When no engagement is linked. */
  introAlone: (city: string) => string;
  engagement: (title: string, when: string, where: string | null) => string;
  hostedBy: (city: string) => string;
  committed: (title: string) => string;
  achieved: string;
  underway: (progress: number) => string;
  followUps: (list: string) => string;
  partners: (list: string) => string;
  results: string;
  /** What a result is, by its type: the product's own words when the record's are in another language. */
  outcome: Record<OutcomeType, string>;
  /** A result line in the product's words: what it is, then its figure. */
  outcomeFigure: (what: string, figure: string) => string;
  figuresNone: string;
  figures: string;
  published: string;
  quotes: string;
  cities: string;
}

const EN: Phrases = {
  intro: {
    peer_learning: (c, e) =>
      `${c} took part in ${e}, where cities compared what works against hate and extremism, and brought the lessons home.`,
    multi_actor: (c, e) =>
      `After ${e}, ${c} set out to bring local government, community leaders and residents together around prevention.`,
    youth: (c, e) => `Following ${e}, ${c} looked for ways to give young people a real voice in preventing hate and extremism.`,
    national_local: (c, e) => `${e} brought ${c} and its national government to the same table on prevention.`,
    global_crises: (c, e) => `As global crises made themselves felt in its neighbourhoods, ${c} joined ${e} to learn from other cities.`,
  },
  introAlone: (c) => `${c} decided to act locally against hate, extremism and polarisation.`,
  engagement: (t, w, p) => `“${t}” (${w}${p ? `, ${p}` : ''})`,
  hostedBy: (c) => `hosted by ${c}`,
  committed: (t) => `The city then committed to “${t}”.`,
  achieved: 'This commitment has been achieved.',
  underway: (p) => `The work is under way (${p}% done).`,
  followUps: (l) => `Support that followed: ${l}.`,
  partners: (l) => `Partners in this work: ${l}.`,
  results: 'Results',
  outcome: {
    institution_created: 'Institution created',
    policy_adopted: 'Policy or plan adopted',
    people_trained: 'People trained',
    cities_joined: 'Cities joined the network',
    national_policy_change: 'National policy change',
    youth_engaged: 'Young people engaged',
    other: 'Result recorded',
  },
  outcomeFigure: (w, f) => `${w}: **${f}**`,
  figuresNone: 'Results will be added as they are verified.',
  figures: 'In figures',
  published: 'Published',
  quotes: 'In their words',
  cities: 'Cities',
};

const FR: Phrases = {
  intro: {
    peer_learning: (c, e) =>
      `${c} a participé à ${e}, où des villes ont comparé ce qui fonctionne contre la haine et l’extrémisme, et en a rapporté des leçons.`,
    multi_actor: (c, e) =>
      `Après ${e}, ${c} a entrepris de réunir autorités locales, responsables communautaires et habitants autour de la prévention.`,
    youth: (c, e) =>
      `À la suite de ${e}, ${c} a cherché à donner aux jeunes une vraie place dans la prévention de la haine et de l’extrémisme.`,
    national_local: (c, e) => `${e} a réuni ${c} et son gouvernement national autour de la prévention.`,
    global_crises: (c, e) => `Face aux répercussions locales des crises mondiales, ${c} a rejoint ${e} pour apprendre d’autres villes.`,
  },
  introAlone: (c) => `${c} a décidé d’agir localement contre la haine, l’extrémisme et la polarisation.`,
  engagement: (t, w, p) => `« ${t} » (${w}${p ? `, ${p}` : ''})`,
  hostedBy: (c) => `accueilli par ${c}`,
  committed: (t) => `La ville s’est ensuite engagée : « ${t} ».`,
  achieved: 'Cet engagement est réalisé.',
  underway: (p) => `Le travail est en cours (${p} % accompli).`,
  followUps: (l) => `Accompagnement réalisé : ${l}.`,
  partners: (l) => `Partenaires : ${l}.`,
  results: 'Résultats',
  outcome: {
    institution_created: 'Institution créée',
    policy_adopted: 'Politique ou plan adopté',
    people_trained: 'Personnes formées',
    cities_joined: 'Villes ayant rejoint le réseau',
    national_policy_change: 'Changement de politique nationale',
    youth_engaged: 'Jeunes mobilisés',
    other: 'Résultat enregistré',
  },
  outcomeFigure: (w, f) => `${w} : **${f}**`,
  figuresNone: 'Les résultats seront ajoutés une fois vérifiés.',
  figures: 'En chiffres',
  published: 'Publié',
  quotes: 'Paroles',
  cities: 'Villes',
};

const AR: Phrases = {
  intro: {
    peer_learning: (c, e) => `شاركت ${c} في ${e}، حيث تبادلت المدن ما ينجح في مواجهة الكراهية والتطرف، وعادت بالدروس إلى مجتمعها.`,
    multi_actor: (c, e) => `بعد ${e}، سعت ${c} إلى جمع الحكومة المحلية وقادة المجتمع والسكان حول الوقاية.`,
    youth: (c, e) => `في أعقاب ${e}، بحثت ${c} عن سبل تمنح الشباب صوتًا حقيقيًا في الوقاية من الكراهية والتطرف.`,
    national_local: (c, e) => `جمع ${e} بين ${c} وحكومتها الوطنية حول طاولة واحدة بشأن الوقاية.`,
    global_crises: (c, e) => `مع وصول آثار الأزمات العالمية إلى أحيائها، انضمت ${c} إلى ${e} للتعلّم من مدن أخرى.`,
  },
  introAlone: (c) => `قررت ${c} أن تعمل محليًا ضد الكراهية والتطرف والاستقطاب.`,
  engagement: (t, w, p) => `«${t}» (${w}${p ? `، ${p}` : ''})`,
  hostedBy: (c) => `باستضافة ${c}`,
  committed: (t) => `ثم التزمت المدينة بما يلي: «${t}».`,
  achieved: 'تحقق هذا الالتزام.',
  underway: (p) => `العمل جارٍ (أُنجز ${p}٪).`,
  followUps: (l) => `الدعم الذي تلا ذلك: ${l}.`,
  partners: (l) => `الشركاء في هذا العمل: ${l}.`,
  results: 'النتائج',
  outcome: {
    institution_created: 'إنشاء مؤسسة',
    policy_adopted: 'اعتماد سياسة أو خطة',
    people_trained: 'أشخاص مدرَّبون',
    cities_joined: 'مدن انضمت إلى الشبكة',
    national_policy_change: 'تغيير في السياسة الوطنية',
    youth_engaged: 'شباب منخرطون',
    other: 'نتيجة مسجَّلة',
  },
  outcomeFigure: (w, f) => `${w}: **${f}**`,
  figuresNone: 'ستُضاف النتائج بعد التحقق منها.',
  figures: 'بالأرقام',
  published: 'تاريخ النشر',
  quotes: 'بكلماتهم',
  cities: 'المدن',
};

const ES: Phrases = {
  intro: {
    peer_learning: (c, e) =>
      `${c} participó en ${e}, donde las ciudades compararon lo que funciona contra el odio y el extremismo, y llevó esas lecciones a casa.`,
    multi_actor: (c, e) =>
      `Tras ${e}, ${c} se propuso reunir al gobierno local, a líderes comunitarios y a vecinos en torno a la prevención.`,
    youth: (c, e) => `Después de ${e}, ${c} buscó maneras de dar a los jóvenes una voz real en la prevención del odio y el extremismo.`,
    national_local: (c, e) => `${e} sentó a ${c} y a su gobierno nacional a la misma mesa sobre la prevención.`,
    global_crises: (c, e) =>
      `Cuando las crisis globales se hicieron sentir en sus barrios, ${c} se sumó a ${e} para aprender de otras ciudades.`,
  },
  introAlone: (c) => `${c} decidió actuar localmente contra el odio, el extremismo y la polarización.`,
  engagement: (t, w, p) => `«${t}» (${w}${p ? `, ${p}` : ''})`,
  hostedBy: (c) => `organizado por ${c}`,
  committed: (t) => `La ciudad se comprometió entonces a: «${t}».`,
  achieved: 'Este compromiso se ha cumplido.',
  underway: (p) => `El trabajo está en marcha (${p} % completado).`,
  followUps: (l) => `Apoyo posterior: ${l}.`,
  partners: (l) => `Socios en este trabajo: ${l}.`,
  results: 'Resultados',
  outcome: {
    institution_created: 'Institución creada',
    policy_adopted: 'Política o plan adoptado',
    people_trained: 'Personas formadas',
    cities_joined: 'Ciudades que se unieron a la red',
    national_policy_change: 'Cambio de política nacional',
    youth_engaged: 'Jóvenes involucrados',
    other: 'Resultado registrado',
  },
  outcomeFigure: (w, f) => `${w}: **${f}**`,
  figuresNone: 'Los resultados se añadirán una vez verificados.',
  figures: 'En cifras',
  published: 'Publicado',
  quotes: 'En sus palabras',
  cities: 'Ciudades',
};

export const PHRASES: Record<Language, Phrases> = { en: EN, fr: FR, ar: AR, es: ES };

export function monthYear(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

// Intl.ListFormat is in Node 20 but not in the workspace's TypeScript lib (es2020).
type ListFormatConstructor = new (lang: string, options: { type: 'conjunction' }) => { format(items: readonly string[]): string };
const ListFormat = (Intl as unknown as { ListFormat: ListFormatConstructor }).ListFormat;

export function listOf(items: readonly string[], lang: Language): string {
  return new ListFormat(lang, { type: 'conjunction' }).format(items);
}

/** `150 people trained`, or null when the outcome has no figure. */
export function figureText(f: Pick<StoryFigure, 'value' | 'unit'>, lang: Language): string | null {
  if (f.value === null || f.value === undefined) return null;
  const n = new Intl.NumberFormat(lang).format(f.value);
  return f.unit ? `${n} ${f.unit}` : n;
}

/**
 * One result of a draft, in the story's language: the figure as a story in that language already
 * words it; else the record's own words when they are in that language; else the product's own
 * sentence (what the result is, by its type, and the number, with the unit only when it is in that
 * language). Never a description in another language.
 */
export function resultLine(
  o: Pick<StoryFigure, 'type' | 'value' | 'unit' | 'description' | 'date'>,
  lang: Language,
  worded?: { unit: string | null; description: string },
): string {
  const when = monthYear(o.date, lang);
  const own = worded ?? (recordInLanguage(o, lang) ? o : null);
  if (own) {
    const figure = figureText({ value: o.value, unit: own.unit }, lang);
    const text = mdText(own.description);
    return figure ? `- **${mdText(figure)}** — ${text} (${when})` : `- ${text} (${when})`;
  }
  const p = PHRASES[lang];
  const unit = o.unit && textLanguage(o.unit) === lang ? o.unit : null;
  const figure = figureText({ value: o.value, unit }, lang);
  return figure ? `- ${p.outcomeFigure(p.outcome[o.type], mdText(figure))} (${when})` : `- ${p.outcome[o.type]} (${when})`;
}

/**
 * Whether a record's line reads in `lang`. A line whose words do not tell (a few nouns) is taken as
 * English, the language records are kept in unless typed otherwise, and only when its letters fit.
 */
function recordInLanguage(o: Pick<StoryFigure, 'unit' | 'description'>, lang: Language): boolean {
  const line = `${o.unit ?? ''} ${o.description}`;
  const told = textLanguage(line);
  return told ? told === lang : lang === 'en' && fitsLanguage(line, 'en');
}

// Small words that tell the three Latin-script languages apart (words two of them share are left out).
const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set('the and of to in for with on at by from were was is are their its this that people trained new'.split(' ')),
  fr: new Set(
    'le les des du et pour avec dans sur au aux une est sont été leurs ses cette ce qui personnes formés formées nouvelle'.split(' '),
  ),
  es: new Set('el los las del y para con por una es son fueron sus esta este que personas formadas formados nueva'.split(' ')),
};

/**
 * The language a record's line is written in, as far as its words tell: Arabic by its script; English,
 * French or Spanish by their small words and letters. Null when they do not tell (a number, a word or two).
 */
export function textLanguage(text: string): Language | null {
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const score = { en: 0, fr: 0, es: 0 };
  for (const w of words) for (const l of ['en', 'fr', 'es'] as const) if (FUNCTION_WORDS[l].has(w)) score[l] += 1;
  if (/[ñ¿¡]/u.test(text)) score.es += 2;
  if (/[çœèêàùâîôû]/u.test(text)) score.fr += 2;
  const ranked = (['en', 'fr', 'es'] as const).map((l) => [l, score[l]] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > 0 && ranked[0][1] > ranked[1][1] ? ranked[0][0] : null;
}

/** Markdown text from a record (a title, a name): characters Markdown would act on are escaped. */
export function mdText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The draft's title: the commitment seen from the city. */
export function draftTitle(source: StoryDraftSource): string {
  return `${source.city.name}: ${source.commitment.title}`.slice(0, 300);
}

/** The draft's body: a short factual narrative from the chain, in Markdown, in the story's language. */
export function draftBody(
  source: StoryDraftSource,
  category: StoryCategory,
  lang: Language,
  progress: number,
  wording: StoryFigureWordings = {},
): string {
  const p = PHRASES[lang];
  const city = mdText(source.city.name);
  const engagements = source.engagements.map((e) => {
    const where = e.hostCity ? p.hostedBy(mdText(e.hostCity)) : e.place ? mdText(e.place) : null;
    return p.engagement(mdText(e.title), monthYear(e.startDate, lang), where);
  });
  const paragraphs: string[] = [];
  paragraphs.push(engagements.length ? p.intro[category](city, listOf(engagements, lang)) : p.introAlone(city));

  const commitment = [p.committed(mdText(source.commitment.title))];
  if (source.commitment.description.trim()) commitment.push(mdText(source.commitment.description.trim()));
  commitment.push(source.commitment.status === 'achieved' ? p.achieved : p.underway(progress));
  paragraphs.push(commitment.join(' '));

  const support: string[] = [];
  if (source.followUps.length)
    support.push(
      p.followUps(
        listOf(
          source.followUps.map((f) => mdText(f.title)),
          lang,
        ),
      ),
    );
  if (source.partners.length) support.push(p.partners(listOf(source.partners.map(mdText), lang)));
  if (support.length) paragraphs.push(support.join(' '));

  const results = source.outcomes.map((o) => resultLine(o, lang, wording[o.id]));
  paragraphs.push(`## ${p.results}\n\n${results.length ? results.join('\n') : p.figuresNone}`);
  return paragraphs.join('\n\n');
}
