import { submitBlockers } from './story-gating';

const yes = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };

describe('submit for review gating', () => {
  it('is open for a saved draft with a body and the whole checklist confirmed', () => {
    expect(submitBlockers({ status: 'draft', sensitivity: yes, dirty: false, body: 'Text', mayTransition: true })).toEqual([]);
  });

  it('stays closed until all three checklist points are confirmed', () => {
    for (const missing of Object.keys(yes)) {
      const sensitivity = { ...yes, [missing]: false };
      expect(submitBlockers({ status: 'draft', sensitivity, dirty: false, body: 'Text', mayTransition: true })).toEqual(['checklist']);
    }
  });

  it('asks to save first, and is not offered outside a draft or without the right', () => {
    expect(submitBlockers({ status: 'draft', sensitivity: yes, dirty: true, body: 'Text', mayTransition: true })).toEqual(['unsaved']);
    expect(submitBlockers({ status: 'in_review', sensitivity: yes, dirty: false, body: 'Text', mayTransition: true })).toEqual([
      'notDraft',
    ]);
    expect(submitBlockers({ status: 'draft', sensitivity: yes, dirty: false, body: ' ', mayTransition: false })).toEqual([
      'notAllowed',
      'noBody',
    ]);
  });
});
