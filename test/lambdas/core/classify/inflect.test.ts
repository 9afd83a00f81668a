import { expandDemonym } from '../../../../lambdas/core/classify/inflect';

describe('expandDemonym', () => {
  it('inflects Spanish, Portuguese, German and French base forms', () => {
    expect(expandDemonym('~es:mexicano')).toEqual(['mexicano', 'mexicana', 'mexicanos', 'mexicanas']);
    expect(expandDemonym('~pt:alemão')).toEqual(['alemão', 'alemã', 'alemães', 'alemãs']);
    expect(expandDemonym('~de:polnisch')).toContain('polnischen');
    expect(expandDemonym('~fr:Indien:Indienne').sort()).toEqual([
      'Indien',
      'Indienne',
      'Indiennes',
      'Indiens',
    ]);
  });
  it('leaves plain words alone', () => expect(expandDemonym('Cambodian')).toEqual(['Cambodian']));
});
