import { describe, expect, it } from 'vitest';
import { DUO_TERMS } from '@openehds/core';
import {
  cleanDataUse,
  conditionParameters,
  dataUseFields,
  DUO_MODIFIERS,
  DUO_PERMISSIONS,
  duoIri,
  duoTerm,
  outcomeClass,
  patchCondition,
  primaryOf,
  setPermission,
  toggleModifier,
} from './duo';

describe('DUO terms in the browser', () => {
  it('repeat exactly the permissions and modifiers of the matching rules (ids, shorthands, labels)', () => {
    const web = [...DUO_PERMISSIONS, ...DUO_MODIFIERS]
      .map((t) => [t.id, t.shorthand, t.label, t.role])
      .sort();
    const core = DUO_TERMS.filter((t) => t.role !== 'class')
      .map((t) => [t.id, t.shorthand, t.label, t.role])
      .sort();
    expect(web).toEqual(core);
  });

  it('finds a term by id, OBO IRI or shorthand, and links it', () => {
    expect(duoTerm('DUO:0000046')?.shorthand).toBe('NCU');
    expect(duoTerm('http://purl.obolibrary.org/obo/DUO_0000007')?.shorthand).toBe('DS');
    expect(duoTerm('hmb')?.id).toBe('DUO:0000006');
    expect(duoTerm('DUO:0000001')).toBeUndefined();
    expect(duoIri('DUO:0000006')).toBe('http://purl.obolibrary.org/obo/DUO_0000006');
  });

  it('edits one permission first and modifiers after it', () => {
    let list = setPermission([], 'DUO:0000006');
    list = toggleModifier(list, 'DUO:0000046', true);
    list = toggleModifier(list, 'DUO:0000022', true);
    list = setPermission(list, 'DUO:0000007');
    expect(list.map((c) => c.code)).toEqual(['DUO:0000007', 'DUO:0000046', 'DUO:0000022']);
    expect(primaryOf(list)?.code).toBe('DUO:0000007');
    list = patchCondition(list, 'DUO:0000022', { countries: ['fi', ' '] });
    list = toggleModifier(list, 'DUO:0000046', false);
    expect(cleanDataUse(list)).toEqual([{ code: 'DUO:0000007' }, { code: 'DUO:0000022', countries: ['FI'] }]);
    expect(setPermission(list, null).map((c) => c.code)).toEqual(['DUO:0000022']);
    expect(cleanDataUse([])).toBeUndefined();
  });

  it('says the parameters in words, names the form fields, and colours the outcomes', () => {
    expect(conditionParameters({ code: 'DUO:0000025', until: '2030-12-31', months: 24 })).toBe(
      'until 2030-12-31; 24 months',
    );
    expect(conditionParameters({ code: 'DUO:0000006' })).toBe('');
    expect(dataUseFields(1)).toContain('dataUse.0.diseaseCodes');
    expect(outcomeClass('incompatible')).toMatch(/rejected/);
    expect(outcomeClass('requires')).toMatch(/pending/);
    expect(outcomeClass(null)).toMatch(/pending/);
  });
});
