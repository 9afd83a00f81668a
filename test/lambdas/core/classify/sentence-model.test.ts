import {
  decodeModel,
  modelSentence,
  posterior,
  predicateWords,
  sentenceFeatures,
  stem,
  unmark,
} from '../../../../lambdas/core/classify/sentence-model';
import { typeSentence } from '../../../../lambdas/core/classify/sentences';

describe('stem', () => {
  it('folds the inflections of a verb together', () => {
    expect(new Set(['agreed', 'agrees', 'agreeing', 'agree'].map(stem)).size).toBe(1);
    expect(new Set(['banned', 'bans', 'ban', 'banning'].map(stem)).size).toBe(1);
    expect(stem('fought')).toBe(stem('fights'));
  });
  it('keeps different verbs apart', () => {
    expect(stem('accused')).not.toBe(stem('agreed'));
  });
});

describe('predicate window', () => {
  it('strips the marks and remembers the spans', () => {
    const { plain, spans } = unmark('<s>Ruritania</s> scolded <t>Freedonia</t>.');
    expect(plain).toBe('Ruritania scolded Freedonia.');
    expect(spans.map((s) => [s.kind, plain.slice(s.start, s.end)])).toEqual([
      ['s', 'Ruritania'],
      ['t', 'Freedonia'],
    ]);
  });
  it('takes the words after the source, the target as a placeholder, and a few words past it', () => {
    expect(
      predicateWords('Officials said <s>Ruritania</s> sharply scolded <t>Freedonia</t> on Monday.'),
    ).toEqual(['sharply', 'scolded', '@T', 'on', 'Monday']);
  });
  it('reads past coordinated sides to the shared verb', () => {
    expect(predicateWords('<s>Ruritania</s> and <t>Freedonia</t> signed a fishing pact.')[0]).toBe('signed');
  });
  it('keeps words just before the first span for passives', () => {
    expect(predicateWords('Grain was shipped to <t>Freedonia</t> by <s>Ruritania</s>.', 14, 6, 3)).toEqual([
      'was',
      'shipped',
      'to',
      '@S',
      'by',
      '@T',
    ]);
  });
  it('marks the first content stems as heads and adds bigrams', () => {
    const f = sentenceFeatures('<s>Ruritania</s> sharply scolded <t>Freedonia</t>');
    expect(f).toContain(`^${stem('scolded')}`);
    expect(f).toContain(`${stem('sharply')}_${stem('scolded')}`);
  });
});

describe('naive Bayes decoding', () => {
  const model = decodeModel(['AID', 'ASSAULT'], 'ship 0:9\nbomb 1:9\nto 0:1 1:1');
  it('favours the class whose features the sentence carries', () => {
    const p = posterior(model, '<s>Ruritania</s> bombed <t>Freedonia</t>');
    expect(p?.[1]).toBeGreaterThan(0.9);
  });
  it('abstains when no feature is known', () => {
    expect(posterior(model, '<s>Ruritania</s> yodelled')).toBeUndefined();
  });
});

describe('the shipped model', () => {
  it('types a clear predicate the way the licensed training sets do', () => {
    expect(modelSentence('<s>Ruritania</s> airlifted food and medicine to <t>Freedonia</t>')?.plover).toBe(
      'AID',
    );
    expect(modelSentence('<s>Ruritania</s> shelled villages in <t>Freedonia</t>')?.plover).toBe('ASSAULT');
  });
});

describe('typeSentence', () => {
  it('keeps the rules when they type the predicate', () => {
    const t = typeSentence('<s>Ruritania</s> condemned <t>Freedonia</t> for the raid.');
    expect(t).toMatchObject({ plover: 'ACCUSE', by: 'rules' });
  });
  it('falls back to the model when the rules find nothing', () => {
    const marked = 'Grain shipments were sent to <t>Freedonia</t> by <s>Ruritania</s> last week.';
    expect(typeSentence(marked, { useModel: false }).plover).toBeUndefined();
    const t = typeSentence(marked);
    expect(t.by).toBe('model');
    expect(t.plover).toBe('AID');
    expect(t.probability).toBeGreaterThanOrEqual(0.4);
  });
});
