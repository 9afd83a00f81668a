/** Country names that are something else, and capitals that stand for governments, on sentences written here. */
import { analyseStory } from '../../../../lambdas/core/classify/analyse';

const codes = (title: string, text: string, language?: string) =>
  analyseStory({ title, text, ...(language ? { language } : {}) })
    .countries.map((c) => c.code)
    .sort();

describe('country names in other roles', () => {
  it('reads capitals in "relations between X and Y" as their governments', () => {
    expect(
      codes(
        'Coffee exports slow',
        'Growers blamed the frost. The tariff row has soured relations between Brasilia and Washington.',
      ),
    ).toEqual(['BRA', 'USA']);
  });

  it('still reads a capital after "between" as a place when no relationship is named', () => {
    expect(codes('Rail link', 'A new night train will run between Vienna and Munich from spring.')).toEqual(
      [],
    );
  });

  it('does not take a prime minister called Montenegro for the country', () => {
    expect(
      codes(
        'Lisbon budget passes',
        'The government of Luís Montenegro won the vote on Tuesday. Montenegro thanked the opposition for abstaining.',
        'en',
      ),
    ).not.toContain('MNE');
  });

  it('keeps Montenegro the country', () => {
    expect(codes('Balkan talks', 'Montenegro and Serbia agreed to reopen a border crossing.')).toEqual([
      'MNE',
      'SRB',
    ]);
  });

  it('does not read a bank called Credit Suisse as Switzerland', () => {
    expect(
      codes('Bond losses', 'Investors who held Credit Suisse bonds lost their appeal in London.'),
    ).not.toContain('CHE');
  });

  it('reads Pape as a given name in English, and as the Pope in French', () => {
    expect(
      codes('Cup final', 'Pape Gueye scored twice as the visitors won the cup final.', 'en'),
    ).not.toContain('VAT');
    expect(codes('Visite', 'Le Pape François a reçu le président italien.', 'fr')).toContain('VAT');
  });
});
