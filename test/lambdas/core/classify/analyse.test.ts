import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseStory, classifySentence, dyadKey } from '../../../../lambdas/core/classify/analyse';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../fixtures/classify', name), 'utf8')) as {
    title: string;
    text: string;
  };

describe('analyseStory on the seed facts', () => {
  const a = analyseStory(fixture('seed-letter.json'));

  it('finds a cooperative SUPPORT story between Cambodia and Russia', () => {
    expect(a.decision.diplomatic).toBe(true);
    expect(a.decision.plover).toBe('SUPPORT');
    expect(a.decision.subtype).toBe('cooperative');
    expect(a.decision.dyad).toBe('KHM-RUS');
    expect(a.decision.actor?.country).toBe('KHM');
    expect(a.decision.recipient?.country).toBe('RUS');
    expect(a.decision.evidence.length).toBeGreaterThan(0);
    expect(a.decision.reason).toMatch(/congratulat/i);
  });

  it('lists KHM, RUS and UKR and no region as a country', () => {
    expect(a.countries.map((c) => c.code).sort()).toEqual(['KHM', 'RUS', 'UKR']);
    const khm = a.countries.find((c) => c.code === 'KHM');
    expect(khm?.namedAs).toEqual(expect.arrayContaining(['demonym', 'name']));
    expect(a.countries.find((c) => c.code === 'RUS')?.namedAs).toContain('capital');
  });

  it('names Hun Sen and Vladimir Putin with roles and countries', () => {
    const names = a.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Hun Sen', 'Vladimir Putin']));
    expect(a.people.find((p) => p.name === 'Vladimir Putin')?.country).toBe('RUS');
    expect(a.people.find((p) => p.name === 'Hun Sen')?.country).toBe('KHM');
  });

  it('names the CPP, the UN and ASEAN', () => {
    const names = a.organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(["Cambodian People's Party", 'United Nations', 'ASEAN']));
    expect(a.organizations.find((o) => o.name === "Cambodian People's Party")?.acronym).toBe('CPP');
  });
});

describe('dyad keys', () => {
  it('sorts two countries and puts a country before a body', () => {
    expect(dyadKey({ code: 'JPN', igo: false }, { code: 'CHN', igo: false })).toBe('CHN-JPN');
    expect(dyadKey({ code: 'EU', igo: true }, { code: 'RUS', igo: false })).toBe('RUS-EU');
  });
});

describe('classifySentence', () => {
  it('types clear sentences', () => {
    expect(classifySentence('Germany summoned the Iranian ambassador on Tuesday.').plover).toBe('ACCUSE');
    expect(classifySentence('Police arrested twelve protesters outside the ministry.').plover).toBe('COERCE');
    expect(classifySentence('The weather was pleasant.').plover).toBeUndefined();
  });
});

describe('edge cases', () => {
  it('returns a non-diplomatic decision with a reason for empty or foreign-script input', () => {
    for (const input of [
      { title: '', text: '' },
      { title: '首脑会谈', text: '两国领导人举行会谈。' },
    ]) {
      const a = analyseStory(input);
      expect(a.decision.diplomatic).toBe(false);
      expect(a.decision.reason).not.toBe('');
      expect(a.countries).toEqual([]);
    }
  });

  it('types the predicate between marked source and target spans', () => {
    expect(classifySentence('<s>Canada</s> expelled <t>two Chinese diplomats</t> on Monday.').plover).toBe(
      'SANCTION',
    );
    expect(
      classifySentence('<s>The rebels</s> said they will release <t>the hostages</t> next week.').plover,
    ).toBe('AGREE');
    expect(classifySentence('<s>The minister</s> held talks with <t>his Thai counterpart</t>.').plover).toBe(
      'CONSULT',
    );
  });
});
