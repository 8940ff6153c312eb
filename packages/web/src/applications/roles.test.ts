import { describe, expect, it } from 'vitest';
import { applicationNavFor } from './roles';

describe('applicationNavFor', () => {
  it('gives data users their applications and HDAB staff the work queue, nobody else either', () => {
    expect(applicationNavFor('data_user')).toEqual([{ to: '/applications', label: 'mine' }]);
    expect(applicationNavFor('hdab_staff')).toEqual([{ to: '/backoffice', label: 'queue' }]);
    expect(applicationNavFor('data_holder')).toEqual([]);
    expect(applicationNavFor('admin')).toEqual([]);
    expect(applicationNavFor(null)).toEqual([]);
  });
});
