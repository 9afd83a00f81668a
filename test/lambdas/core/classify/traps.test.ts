import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStory } from '../../../../lambdas/core/classify/analyse';

const cases = JSON.parse(
  readFileSync(join(__dirname, '../../../fixtures/classify/traps.json'), 'utf8'),
) as Record<string, { title: string; text: string }>;
const analyse = (name: string) => {
  const c = cases[name];
  if (!c) throw new Error(`no fixture ${name}`);
  return analyseStory(c);
};
const codes = (name: string) =>
  analyse(name)
    .countries.map((c) => c.code)
    .sort();

describe('country traps', () => {
  it('reads Georgia as the US state when the text is about Atlanta', () =>
    expect(codes('georgiaState')).not.toContain('GEO'));
  it('reads Georgia as the country beside Tbilisi', () =>
    expect(codes('georgiaCountry')).toEqual(['ARM', 'GEO']));
  it('does not take Michael Jordan for the country', () =>
    expect(codes('jordanPerson')).not.toContain('JOR'));
  it('keeps Jordan the country', () => expect(codes('jordanCountry')).toEqual(['IRQ', 'JOR']));
  it('maps Turkey, Türkiye and Turkish to TUR but not the bird', () => {
    const tur = analyse('turkey').countries.find((c) => c.code === 'TUR');
    expect(tur?.count).toBe(4);
  });
  it('keeps Niger and Nigeria apart, and the Niger Delta is no country', () => {
    const a = analyse('nigerNigeria').countries;
    expect(a.find((c) => c.code === 'NER')?.count).toBe(2);
    expect(a.find((c) => c.code === 'NGA')?.count).toBe(2);
  });
  it('tells the Guineas apart', () => expect(codes('guinea')).toEqual(['GIN', 'GNB', 'GNQ', 'PNG']));
  it('tells the Congos apart', () => {
    const a = analyse('congo').countries;
    expect(a.find((c) => c.code === 'COD')?.count).toBe(2);
    expect(a.find((c) => c.code === 'COG')?.count).toBe(2);
  });
  it('does not read the Washington Post, Washington state or Denzel Washington as the USA', () =>
    expect(codes('washington')).toEqual([]));
  it('reads capitals in subject position as their governments, not places', () => {
    const a = analyse('washingtonMetonym').countries;
    expect(a.map((c) => c.code).sort()).toEqual(['CHN', 'PHL', 'USA']);
    expect(a.find((c) => c.code === 'USA')?.namedAs).toEqual(['capital']);
  });
  it('keeps regions apart from countries', () => expect(codes('regions')).toEqual([]));
  it('reads combining forms and hyphenated adjectives', () => {
    const a = analyseStory({
      title: 'Ties',
      text: 'Sino-Japanese talks and Franco-German plans met Saudi-led objections.',
    });
    expect(a.countries.map((c) => c.code).sort()).toEqual(['CHN', 'DEU', 'FRA', 'JPN', 'SAU']);
  });
});

describe('other senses and background are not diplomatic', () => {
  for (const name of ['brandAmbassador', 'webSummit', 'footballSanctions', 'background', 'georgiaState']) {
    it(name, () => {
      const d = analyse(name).decision;
      expect(d.diplomatic).toBe(false);
      expect(d.reason.length).toBeGreaterThan(0);
    });
  }
});

describe('five languages', () => {
  it('French: signing an agreement is SUPPORT between France and Germany', () => {
    const d = analyse('french').decision;
    expect([d.diplomatic, d.plover, d.dyad]).toEqual([
      true,
      'SUPPORT',
      'DEU-FRA'.split('-').sort().join('-'),
    ]);
  });
  it('Spanish: expelling diplomats is SANCTION', () => {
    const d = analyse('spanish').decision;
    expect([d.diplomatic, d.plover, d.dyad, d.subtype]).toEqual([true, 'SANCTION', 'ARG-VEN', 'conflictual']);
  });
  it('German: summoning an ambassador is ACCUSE', () => {
    const d = analyse('german').decision;
    expect([d.diplomatic, d.plover, d.dyad]).toEqual([true, 'ACCUSE', 'DEU-RUS']);
  });
  it('Portuguese: a trade agreement between Brazil and Argentina', () => {
    const d = analyse('portuguese').decision;
    expect([d.diplomatic, d.plover, d.dyad]).toEqual([true, 'SUPPORT', 'ARG-BRA']);
  });
});
