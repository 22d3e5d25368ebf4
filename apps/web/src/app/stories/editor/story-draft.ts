import { Language, Quote, Ref, SensitivityAnswers, StoryCategory, StoryDetail, StoryFigureWordings } from '@impact/contracts';

/** What the editor holds of a story while it is written: everything the author can change. */
export interface Draft {
  title: string;
  category: StoryCategory;
  language: Language;
  body: string;
  quotes: Quote[];
  cities: Ref[];
  engagements: Ref[];
  commitments: Ref[];
  outcomes: Ref[];
  /** The cited figures worded in the story's language, by outcome id. */
  figureWording: StoryFigureWordings;
  sensitivity: SensitivityAnswers;
}

export const EMPTY_DRAFT: Draft = {
  title: '',
  category: 'peer_learning',
  language: 'en',
  body: '',
  quotes: [],
  cities: [],
  engagements: [],
  commitments: [],
  outcomes: [],
  figureWording: {},
  sensitivity: { consentForNamedPeople: false, noDetailsExposingIndividuals: false, cityAgreedToPublication: false },
};

export function fromStory(s: StoryDetail): Draft {
  return {
    title: s.title,
    category: s.category,
    language: s.language,
    body: s.body,
    quotes: s.quotes.map((q) => ({ ...q })),
    cities: s.cities,
    engagements: s.engagements,
    commitments: s.commitments,
    outcomes: s.outcomes.map((o) => ({
      id: o.id,
      name: o.value !== null ? `${o.value} ${o.unit ?? ''} — ${o.description}` : o.description,
    })),
    figureWording: { ...s.figureWording },
    sensitivity: {
      consentForNamedPeople: s.sensitivity.consentForNamedPeople,
      noDetailsExposingIndividuals: s.sensitivity.noDetailsExposingIndividuals,
      cityAgreedToPublication: s.sensitivity.cityAgreedToPublication,
    },
  };
}
