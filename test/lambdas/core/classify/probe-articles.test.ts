import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStory } from '../../../../lambdas/core/classify/analyse';

interface Row {
  id: string;
  title: string;
  body: string;
  language: string;
  labels: {
    diplomatic: boolean;
    subtype: string | null;
    plover: string | null;
    dyad: string | null;
    countries: string[];
  };
}

const load = (file: string) =>
  readFileSync(join(__dirname, '../../../fixtures/classify', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

// Wire-style articles written to probe generalisation (not from any corpus), labelled by
// design/diplomatic-stories.md: every diplomatic PLOVER type, traps, IGO dyads, capitals, demonyms, es/fr/de/pt.
// probe-articles.jsonl was written in batches, each scored once and then fixed for; blind-articles.jsonl (50,
// written like the dev set) and blind2-articles.jsonl (50 more, after the blind set's fixes) were each scored
// once before any fix they led to (docs/quality.md has the first passes).
describe.each(['probe-articles.jsonl', 'blind-articles.jsonl', 'blind2-articles.jsonl'])(
  '%s (aggregate, against the issue targets)',
  (file) => {
    const rows = load(file);
    const results = rows.map((row) => ({
      row,
      analysis: analyseStory({ title: row.title, text: row.body, language: row.language }),
    }));

    it('covers diplomatic and non-diplomatic stories in five languages', () => {
      expect(rows.length).toBeGreaterThanOrEqual(40);
      expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['en', 'es', 'fr', 'de', 'pt']));
      expect(rows.filter((r) => r.labels.diplomatic).length).toBeGreaterThan(15);
      expect(rows.filter((r) => !r.labels.diplomatic).length).toBeGreaterThan(10);
    });

    it('reaches diplomatic F1 >= 0.95, type >= 0.85, dyad >= 0.90 on the true positives', () => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let typeOk = 0;
      let dyadOk = 0;
      for (const { row, analysis } of results) {
        const d = analysis.decision;
        if (d.diplomatic && row.labels.diplomatic) {
          tp++;
          if (d.plover === row.labels.plover) typeOk++;
          if (d.dyad === row.labels.dyad) dyadOk++;
        } else if (d.diplomatic) fp++;
        else if (row.labels.diplomatic) fn++;
      }
      const f1 = (2 * tp) / (2 * tp + fp + fn);
      expect(f1).toBeGreaterThanOrEqual(0.95);
      expect(typeOk / tp).toBeGreaterThanOrEqual(0.85);
      expect(dyadOk / tp).toBeGreaterThanOrEqual(0.9);
    });

    it('reaches countries set-F1 >= 0.95', () => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const { row, analysis } of results) {
        const got = new Set(analysis.countries.map((c) => c.code));
        const gold = new Set(row.labels.countries);
        for (const c of got) gold.has(c) ? tp++ : fp++;
        for (const c of gold) if (!got.has(c)) fn++;
      }
      expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThanOrEqual(0.95);
    });

    it('keeps the subtype of the main event on the true positives', () => {
      const hits = results.filter((r) => r.analysis.decision.diplomatic && r.row.labels.diplomatic);
      const ok = hits.filter((r) => r.analysis.decision.subtype === r.row.labels.subtype).length;
      expect(ok / hits.length).toBeGreaterThanOrEqual(0.85);
    });
  },
);

// One short case per general fix the probe set led to, so that each rule can fail on its own.
describe('rules found by probing', () => {
  const decide = (title: string, text: string, language?: string) =>
    analyseStory({ title, text, ...(language ? { language } : {}) }).decision;
  const codes = (title: string, text: string) => analyseStory({ title, text }).countries.map((c) => c.code);

  it('reads "Niger State" as a Nigerian state, not the country', () => {
    expect(
      codes('Blast in Niger State', 'ABUJA, Jan 2 (Wire) - A blast in Niger State killed 12 people.'),
    ).toEqual([]);
    expect(codes('U.S. warns', 'The U.S. State Department said Niger must free the president.')).toEqual(
      expect.arrayContaining(['USA', 'NER']),
    );
  });

  it('does not count capitals listed after a preposition', () => {
    expect(
      codes(
        'Festival tour',
        'LIMA, June 2 (Wire) - The show went to Santiago, Montevideo and Quito last year.',
      ),
    ).toEqual([]);
  });

  it('sends a one-way act by listed co-actors to the side outside the list', () => {
    const d = decide(
      'Sweden and Finland condemn Russian incursion, summon envoys',
      'STOCKHOLM, June 2 (Wire) - Sweden summoned the Russian ambassador on Thursday over an airspace violation.',
    );
    expect(d.dyad).toBe('RUS-SWE');
    expect(d.plover).toBe('ACCUSE');
  });

  it("does not read a country's company as the country", () => {
    const d = decide(
      "Japan's Hondaku signs deal with India's Bharat Motors",
      'TOKYO, July 9 (Wire) - Japanese carmaker Hondaku said it signed an agreement with Bharat Motors.',
    );
    expect(d.diplomatic).toBe(false);
  });

  it('keeps a candidate promise and a denied meeting hypothetical', () => {
    expect(
      decide(
        'Opposition candidate vows to restore ties with Israel if elected',
        'BOGOTA, May 1 (Wire) - A Colombian opposition candidate said he would restore relations with Israel if elected.',
      ).diplomatic,
    ).toBe(false);
    expect(
      decide(
        'Kremlin denies plans for Putin to meet Zelenskiy',
        'MOSCOW, May 1 (Wire) - The Kremlin said there were no plans for President Vladimir Putin to hold a meeting with Ukraine\'s president. "Nothing is being discussed," a spokesman said, declining to say who would attend talks in Turkey.',
      ).diplomatic,
    ).toBe(false);
  });

  it('types requests for and rejections of mediation, and a body suspending a member', () => {
    expect(
      decide(
        'Ethiopia asks African Union to mediate in dispute with Somalia',
        'ADDIS ABABA, Feb 1 (Wire) - Ethiopia formally asked the African Union to mediate.',
      ).plover,
    ).toBe('REQUEST');
    expect(
      decide(
        "Venezuela rejects Brazil's offer to mediate",
        'CARACAS, Aug 1 (Wire) - Venezuela rejected a Brazilian proposal to broker talks.',
      ).plover,
    ).toBe('REJECT');
    const s = decide(
      'ECOWAS suspends Guinea after coup',
      'ACCRA, Sept 8 (Wire) - ECOWAS suspended Guinea from its bodies after soldiers seized power.',
    );
    expect({ plover: s.plover, dyad: s.dyad }).toEqual({ plover: 'SANCTION', dyad: 'GIN-ECOWAS' });
  });

  it('ties a body official to the body', () => {
    const d = decide(
      'Von der Leyen visits Kyiv',
      'KYIV, Nov 4 (Wire) - European Commission President Ursula von der Leyen arrived in Kyiv for talks with Ukrainian President Volodymyr Zelenskiy. Hungary objects.',
    );
    expect(d.dyad).toBe('UKR-EU');
  });
});
