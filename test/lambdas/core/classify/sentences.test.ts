import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv } from '../../../../cli/eval/events';
import { dropAside, sentenceShape, typeSentence, unmark } from '../../../../lambdas/core/classify/sentences';

// Sentences written for these tests (not from any corpus), labelled with PLOVER roots (YIELD = CONCEDE or
// RETREAT): `long-tail` probes less common wording, `plain` everyday wording, `syntax` asides, passives,
// fronted clauses and reported speech, `shapes` conditional threats and reported accusations.
const rows = parseTsv(readFileSync(join(__dirname, '../../../fixtures/classify/sentences.tsv'), 'utf8'));
const asGold = (p: string | undefined) => (p === 'CONCEDE' || p === 'RETREAT' ? 'YIELD' : (p ?? 'NONE'));

describe('unmark', () => {
  it('strips the marks and remembers the spans', () => {
    const { plain, spans } = unmark('<s>Ruritania</s> scolded <t>Freedonia</t>.');
    expect(plain).toBe('Ruritania scolded Freedonia.');
    expect(spans.map((s) => [s.kind, plain.slice(s.start, s.end)])).toEqual([
      ['s', 'Ruritania'],
      ['t', 'Freedonia'],
    ]);
  });
});

describe('typeSentence on the written sentences', () => {
  it.each(['long-tail', 'plain', 'syntax', 'shapes'])('types most of the %s set right', (set) => {
    const own = rows.filter((r) => r.set === set);
    const right = own.filter((r) => asGold(typeSentence(r.marked_sentence as string).plover) === r.gold_root);
    // Measured: long-tail 98/107, plain 63/69, syntax 25/30, shapes 16/20; the floors leave room for small
    // rule changes.
    expect(right.length / own.length).toBeGreaterThan(set === 'syntax' || set === 'shapes' ? 0.7 : 0.88);
    expect(own.length).toBeGreaterThanOrEqual(set === 'shapes' ? 20 : 30);
  });
});

describe('wording the rules learned from the written sentences', () => {
  it.each([
    ['<s>Ghana</s> undertook to open talks with <t>Togo</t>.', 'AGREE'],
    ['<s>The envoy</s> flew to <t>Riyadh</t> for a two-day stay.', 'CONSULT'],
    ['<s>Poland</s> stood shoulder to shoulder with <t>Lithuania</t>.', 'SUPPORT'],
    ['<s>Lagos</s> and <t>Accra</t> pooled resources against smugglers.', 'COOPERATE'],
    ['<s>Oslo</s> will bankroll schools for <t>refugee</t> children.', 'AGREE'],
    ['<s>The army</s> pulled its tanks back from <t>the frontier</t>.', 'RETREAT'],
    ['<s>Aid groups</s> pressed <t>the junta</t> to free the detainees.', 'REQUEST'],
    ['<s>Moscow</s> lashed out at <t>Tallinn</t> over the statue.', 'ACCUSE'],
    ['<s>The cabinet</s> brushed off <t>union</t> calls for a pay rise.', 'REJECT'],
    ['<s>The rebels</s> gave <t>the governor</t> 24 hours to resign.', 'THREATEN'],
    ['<s>The council</s> broke off trade talks with <t>the islands</t>.', 'SANCTION'],
    ['<s>The ministry</s> called up 5,000 reservists near <t>the border</t>.', 'MOBILIZE'],
    ['<s>The junta</s> seized the farms of <t>opposition leaders</t>.', 'COERCE'],
  ])('%s → %s', (marked, plover) => {
    expect(typeSentence(marked).plover).toBe(plover);
  });
  it('does not read "shoulder" as "should"', () => {
    expect(typeSentence('<s>Kyiv</s> shouldered the costs of <t>the talks</t>.').plover).not.toBe('REQUEST');
  });
});

describe('dropAside', () => {
  it('drops a participial aside between the source and its verb', () => {
    expect(dropAside('<s>Seoul</s>, stung by the leak, summoned <t>the envoy</t>.')).toBe(
      '<s>Seoul</s> summoned <t>the envoy</t>.',
    );
  });
  it('keeps an aside that holds the target, and text that is not an aside', () => {
    const withTarget = '<s>Chile</s>, along with <t>Peru</t>, signed the accord.';
    expect(dropAside(withTarget)).toBe(withTarget);
    const plain = '<s>Chile</s> signed the accord, officials said.';
    expect(dropAside(plain)).toBe(plain);
  });
});

describe('sentenceShape', () => {
  it('reads a hostile act announced on a condition as a threat', () => {
    const marked = 'If <t>Oslo</t> signs the deal, <s>Moscow</s> will cut off gas supplies.';
    expect(sentenceShape(marked, 'AGREE')).toBe('THREATEN');
    expect(typeSentence(marked).plover).toBe('THREATEN');
  });
  it('leaves a conditional offer alone', () => {
    expect(
      sentenceShape('<s>Rome</s> will lift the duties if <t>Tunis</t> reopens the port.', 'AGREE'),
    ).toBeUndefined();
  });
  it('reads a speaker reporting the target’s hostile deeds as an accusation', () => {
    const marked = '<s>Villagers</s> said <t>the militia</t> had burned their homes.';
    expect(sentenceShape(marked, 'ASSAULT')).toBe('ACCUSE');
    expect(typeSentence(marked).plover).toBe('ACCUSE');
  });
  it('keeps reported demands and promises as the rules type them', () => {
    expect(sentenceShape('<s>Paris</s> said <t>Bamako</t> must hold elections.', 'REQUEST')).toBeUndefined();
    expect(
      sentenceShape('<s>Paris</s> said <t>the army</t> would shell the town.', 'ASSAULT'),
    ).toBeUndefined();
  });
});
