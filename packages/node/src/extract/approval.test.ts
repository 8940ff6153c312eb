import { describe, expect, it } from 'vitest';
import { approvalOf, type ChainVersion } from './approval';

const grant: ChainVersion = {
  permitId: 'P1',
  previousId: null,
  kind: 'GRANTED',
  activeFrom: '2030-01-01T00:00:00.000Z',
};
const amended: ChainVersion = {
  permitId: 'P2',
  previousId: 'P1',
  kind: 'AMENDED',
  activeFrom: '2030-06-01T00:00:00.000Z',
};
const renewed: ChainVersion = {
  permitId: 'P3',
  previousId: 'P2',
  kind: 'RENEWED',
  activeFrom: '2034-01-01T00:00:00.000Z',
};
const amendedAgain: ChainVersion = {
  permitId: 'P4',
  previousId: 'P3',
  kind: 'AMENDED',
  activeFrom: '2035-01-01T00:00:00.000Z',
};

describe('approvalOf (Art. 71(3): the registry as of the approval)', () => {
  it('is the grant for the first version and for amendments of it', () => {
    expect(approvalOf([grant], 'P1')).toEqual({ at: grant.activeFrom, basis: 'grant', approvedIn: 'P1' });
    expect(approvalOf([grant, amended], 'P2')).toEqual({
      at: grant.activeFrom,
      basis: 'grant',
      approvedIn: 'P1',
    });
  });

  it('is the renewal for a renewed version and the amendments after it', () => {
    const chain = [grant, amended, renewed, amendedAgain];
    expect(approvalOf(chain, 'P3')).toEqual({ at: renewed.activeFrom, basis: 'renewal', approvedIn: 'P3' });
    expect(approvalOf(chain, 'P4')).toEqual({ at: renewed.activeFrom, basis: 'renewal', approvedIn: 'P3' });
  });

  it('names the version it still needs when an earlier one has not arrived', () => {
    expect(approvalOf([amended], 'P2')).toEqual({ missing: 'P1' });
    expect(approvalOf([], 'P9')).toEqual({ missing: 'P9' });
  });
});
