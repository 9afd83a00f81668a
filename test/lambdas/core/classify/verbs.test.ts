import { classifySentence } from '../../../../lambdas/core/classify/analyse';
import { findVerbs, inflections } from '../../../../lambdas/core/classify/verbs';

describe('inflections', () => {
  it('builds regular forms, doubling a final consonant after a short vowel', () => {
    expect(inflections('ban')).toEqual(expect.arrayContaining(['bans', 'banned', 'banning']));
    expect(inflections('deny')).toEqual(['deny', 'denies', 'denied', 'denying']);
    expect(inflections('push')).toEqual(['push', 'pushes', 'pushed', 'pushing']);
    expect(inflections('free')).toContain('freeing');
  });
});

describe('findVerbs (generated CAMEO verb lexicon)', () => {
  it('types verbs the hand rules do not list, in text order', () => {
    const hits = findVerbs('The panel interrogated the envoy and then petitioned the court.');
    expect(hits.map((h) => [h.match, h.plover])).toEqual([
      ['interrogated', 'ACCUSE'],
      ['petitioned', 'REQUEST'],
    ]);
  });
  it('skips lexicon words used as nouns after a determiner', () => {
    expect(findVerbs('The senate interrogated him').map((h) => h.match)).toEqual(['interrogated']);
    expect(findVerbs('They read the petition aloud')).toEqual([]);
    expect(findVerbs('They petition the court').map((h) => h.plover)).toEqual(['REQUEST']);
  });
  it('ignores words that are not in the lexicon', () => {
    expect(findVerbs('The weather was pleasant on the coast.')).toEqual([]);
  });
});

describe('classifySentence with the lexicon as fallback', () => {
  it('uses a lexicon verb when no predicate rule matches', () => {
    const r = classifySentence('<s>The senators</s> interrogated <t>the spy chief</t> behind closed doors.');
    expect(r.plover).toBe('ACCUSE');
    expect(r.cameoCode).toBeUndefined();
  });
  it('keeps the hand rules first when they match', () => {
    const r = classifySentence('<s>Villagers</s> petitioned <t>the governor</t> over the new dam.');
    expect(r.plover).toBe('REQUEST');
    expect(r.cameoCode).toBe('100');
  });
});

describe('predicate rules', () => {
  it('types road blockades as protest, not rejection', () => {
    expect(
      classifySentence('<s>Striking farmers</s> blocked the main roads into <t>the capital</t>.').plover,
    ).toBe('PROTEST');
    expect(classifySentence('<s>The senate</s> blocked <t>the spending bill</t> again.').plover).toBe(
      'REJECT',
    );
  });
  it('types formal complaints as accusations and asylum as aid', () => {
    expect(
      classifySentence('<s>Hungary</s> lodged a formal protest with <t>Slovakia</t> over the border fence.')
        .plover,
    ).toBe('ACCUSE');
    expect(
      classifySentence('<s>Ecuador</s> granted political asylum to <t>the former minister</t>.').plover,
    ).toBe('AID');
  });
  it('separates welcomes, broken-up rallies, announced sanctions and shared know-how', () => {
    expect(
      classifySentence('<s>The king</s> gave a warm welcome to <t>the visiting Chilean president</t>.')
        .plover,
    ).toBe('CONSULT');
    expect(
      classifySentence('<s>Riot police</s> prevented the march planned by <t>teachers</t> on Sunday.').plover,
    ).toBe('COERCE');
    expect(classifySentence('<s>The bloc</s> said it would impose tariffs on <t>Ruritania</t>.').plover).toBe(
      'THREATEN',
    );
    expect(
      classifySentence('<s>Norway</s> has been sharing expertise with <t>Chile</t> on fisheries.').plover,
    ).toBe('COOPERATE');
  });
  it('lets the verb after a modal type the predicate when it is a request or a probe', () => {
    expect(classifySentence('<s>Oslo</s> will ask <t>Lima</t> to return the stolen paintings.').plover).toBe(
      'REQUEST',
    );
    expect(
      classifySentence('<s>The regulator</s> will investigate <t>the airline</t> over delays.').plover,
    ).toBe('ACCUSE');
    expect(
      classifySentence('<s>The junta</s> said it will never negotiate with <t>the rebels</t>.').plover,
    ).toBe('REJECT');
    expect(
      classifySentence('<s>The rebels</s> said they will release <t>the hostages</t> soon.').plover,
    ).toBe('AGREE');
  });
  it('types deadlines, decided concessions, vote boycotts and joint drills', () => {
    expect(classifySentence('<s>Quito</s> gave <t>the miners</t> a ten-day deadline to leave.').plover).toBe(
      'THREATEN',
    );
    expect(
      classifySentence('<s>Tokyo</s> has decided to lift the export curbs on <t>Seoul</t>.').plover,
    ).toBe('RETREAT');
    expect(
      classifySentence('<s>The opposition</s> will boycott the vote called by <t>the king</t>.').plover,
    ).toBe('THREATEN');
    expect(
      classifySentence('<s>The opposition</s> boycotted the vote called by <t>the king</t>.').plover,
    ).toBe('PROTEST');
    expect(
      classifySentence('<s>Peru</s> and <t>Chile</t> began joint naval exercises off the coast.').plover,
    ).toBe('COOPERATE');
  });
  it('does not read months, agent nouns, names or "aide" as acts', () => {
    expect(
      classifySentence('<s>The union</s> on March 3 filed a lawsuit against <t>the port authority</t>.')
        .plover,
    ).toBe('ACCUSE');
    expect(
      classifySentence('<s>Rebel chiefs</s> said the fighters will hand in <t>their rifles</t>.').plover,
    ).toBe('AGREE');
    expect(
      classifySentence('<s>The junta</s> ordered the opposition daily <t>La Voz</t> to suspend publication.')
        .plover,
    ).toBe('COERCE');
    expect(
      classifySentence(
        '<s>A court</s> has given final approval for an aide of <t>the ex-premier</t> to be sent home.',
      ).plover,
    ).toBe('RETREAT');
  });
  it('does not read names and nouns that start like verbs as acts', () => {
    // "Metzger", "Hitchens", "William" and "Forces" begin like met, hit, will and force.
    expect(classifySentence('<s>The club</s> said Metzger denied <t>the report</t>.').plover).toBe('REJECT');
    expect(classifySentence('<s>Aides</s> said Hitchens praised <t>the mayor</t>.').plover).toBe('SUPPORT');
    expect(classifySentence('<s>Aides</s> said William congratulated <t>the team</t>.').plover).toBe(
      'SUPPORT',
    );
    expect(classifySentence('<s>The minister</s> said the Forces must respect <t>the vote</t>.').plover).toBe(
      'REQUEST',
    );
  });
  it('types peacekeepers arriving or deploying as aid, other arrivals as meetings', () => {
    expect(classifySentence('<s>Irish peacekeepers</s> arrived in <t>Lebanon</t> on Monday.').plover).toBe(
      'AID',
    );
    expect(classifySentence('<s>The Irish premier</s> arrived in <t>Lebanon</t> on Monday.').plover).toBe(
      'CONSULT',
    );
  });
  it('skips an apposition after the source before typing the predicate', () => {
    expect(
      classifySentence(
        '<s>Ruritania</s>, a state that hosts a naval base, has released <t>the trawler crew</t>.',
      ).plover,
    ).toBe('RETREAT');
  });
  it('reads an offer of troops as intent (AGREE) and an offer to help as support', () => {
    expect(
      classifySentence('<s>Chile</s> is ready to contribute troops to <t>the UN mission</t>.').plover,
    ).toBe('AGREE');
    expect(classifySentence('<s>Chile</s> is ready to contribute to <t>the UN mission</t>.').plover).toBe(
      'SUPPORT',
    );
  });
  it('reads war games held by two coordinated sides as cooperation, one side alone as mobilisation', () => {
    expect(classifySentence('<s>Peru</s> and <t>Chile</t> launched war games off the coast.').plover).toBe(
      'COOPERATE',
    );
    expect(
      classifySentence('The war game was staged by <s>Peruvian marines</s> and <t>Chilean troops</t>.')
        .plover,
    ).toBe('COOPERATE');
    expect(classifySentence('<s>Peru</s> launched war games near <t>the disputed waters</t>.').plover).toBe(
      'MOBILIZE',
    );
  });
  it('keeps air strikes and shows of resolve out of PROTEST', () => {
    expect(classifySentence('<s>The coalition</s> said a drone strike hit <t>the depot</t>.').plover).toBe(
      'ASSAULT',
    );
    expect(
      classifySentence('<s>Dock workers</s> began a strike against <t>the port operator</t>.').plover,
    ).toBe('PROTEST');
  });
});
