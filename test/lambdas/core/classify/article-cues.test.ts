/** Acts and parties found by running a blind set of written articles (each case here is new wording). */
import { analyseStory } from '../../../../lambdas/core/classify/analyse';

describe('article cues from the blind set', () => {
  it("reads a body's resolution censuring a state as an accusation, even with a market word nearby", () => {
    const d = analyseStory({
      title: 'Nuclear watchdog board rebukes Syria over blocked inspections',
      text:
        'VIENNA, March 3 (Test Wire) - The board of the International Atomic Energy Agency adopted a resolution on ' +
        'Wednesday censuring Syria for blocking inspectors and asking it to account for its stock of uranium.\n\n' +
        'Diplomats said the vote was 22 to 4.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'ACCUSE' });
    expect(d.dyad).toBe('SYR-IAEA');
  });

  it('reads turning down a proposal to go to arbitration as a rejection', () => {
    const d = analyseStory({
      title: "Guyana turns down Venezuela's proposal to send border case to arbitration",
      text:
        "GEORGETOWN, May 9 (Test Wire) - Guyana on Friday rejected Venezuela's proposal to send their border " +
        'dispute to international arbitration, saying the case already sits before the world court.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'REJECT', dyad: 'GUY-VEN' });
  });

  it('reads asking another state to reconvene or host talks as a request, not as the talks', () => {
    const d = analyseStory({
      title: 'Chad asks Qatar to reconvene Doha talks with rebel groups',
      text:
        "N'DJAMENA, April 4 (Test Wire) - Chad's foreign minister formally asked Qatar on Thursday to reconvene " +
        'peace talks in Doha, in a letter handed to the Qatari ambassador.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'REQUEST', dyad: 'QAT-TCD' });
  });

  it("reads rejecting another state's complaint as a rejection", () => {
    const d = analyseStory({
      title: "Uganda rejects Kenya's complaint to the African Union over border fence",
      text:
        'KAMPALA, Oct 2 (Test Wire) - Uganda on Thursday rejected a complaint Kenya had lodged with the African Union ' +
        'over a new border fence, calling it groundless.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'REJECT', dyad: 'KEN-UGA' });
  });

  it('reads threatening to shut a consulate as a threat', () => {
    const d = analyseStory({
      title: 'Latvia threatens to shut Belarusian consulate after border incident',
      text:
        'RIGA, Aug 8 (Test Wire) - Latvia threatened on Friday to shut the Belarusian consulate in Daugavpils if ' +
        'Minsk does not explain how armed men crossed the border.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'THREATEN', dyad: 'BLR-LVA' });
  });

  it('reads asking the Security Council for an urgent meeting as a request', () => {
    const d = analyseStory({
      title: 'Benin asks UN Security Council for urgent meeting over border raids',
      text:
        "COTONOU, May 3 (Test Wire) - Benin's foreign minister wrote to the U.N. Security Council on Saturday asking " +
        'it to convene an urgent meeting on raids along the northern border.',
    }).decision;
    expect(d).toMatchObject({ diplomatic: true, plover: 'REQUEST' });
  });

  it("does not give two untitled leaders the dateline's country", () => {
    const a = analyseStory({
      title: "Lula and Modi sign statement backing India's bid for a council seat",
      text:
        "NEW DELHI, Feb 20 (Test Wire) - Brazil endorsed India's bid for a permanent council seat on Friday after " +
        'talks between President Luiz Inácio Lula da Silva and Prime Minister Narendra Modi in New Delhi.',
    });
    expect(a.decision.actor).not.toMatchObject({ name: 'Luiz Inácio Lula da Silva', country: 'IND' });
    expect(a.decision.recipient).not.toMatchObject({ name: 'Luiz Inácio Lula da Silva', country: 'IND' });
  });
});
