import { resultLine, textLanguage } from './story-text';

describe('textLanguage', () => {
  it('tells Arabic by its script and the Latin languages by their small words and letters', () => {
    expect(textLanguage('Municipal officials, community leaders and young people trained in early warning')).toBe('en');
    expect(textLanguage('Agents municipaux formés à l’alerte précoce')).toBe('fr');
    expect(textLanguage('Jóvenes de los barrios formados en mediación')).toBe('es');
    expect(textLanguage('موظفو البلدية في برنامج PVE')).toBe('ar');
  });

  it('says nothing when the words do not tell', () => {
    expect(textLanguage('150')).toBeNull();
    expect(textLanguage('Neighbourhood watch groups')).toBeNull();
    expect(textLanguage('')).toBeNull();
  });
});

describe('resultLine', () => {
  const trained = {
    type: 'people_trained' as const,
    value: 150,
    unit: 'people trained',
    description: 'Municipal officials and young people trained in the model',
    date: '2025-03-10',
  };

  it('keeps the record’s words in their own language', () => {
    expect(resultLine(trained, 'en')).toBe(
      '- **150 people trained** — Municipal officials and young people trained in the model (March 2025)',
    );
  });

  it('in another language, writes its own sentence: what the result counts and the number, without the foreign unit', () => {
    expect(resultLine(trained, 'fr')).toBe('- Personnes formées : **150** (mars 2025)');
    expect(resultLine(trained, 'es')).toBe('- Personas formadas: **150** (marzo de 2025)');
    expect(resultLine({ ...trained, value: null }, 'ar')).toBe('- أشخاص مدرَّبون (مارس 2025)');
    expect(resultLine({ ...trained, type: 'other', description: 'Neighbourhood watch groups' }, 'fr')).toBe(
      '- Résultat enregistré : **150** (mars 2025)',
    );
  });

  it('uses the wording given in the story’s language, the number staying the record’s', () => {
    expect(resultLine(trained, 'ar', { unit: 'شخصًا', description: 'موظفو البلدية' })).toBe('- **150 شخصًا** — موظفو البلدية (مارس 2025)');
  });
});
