import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { validateDuration } from './duration';
import { parsePermitNumber, permitNumber } from './permit-number';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('validateDuration (Art. 68(12))', () => {
  it('accepts up to exactly 10 years, including from a leap day', () => {
    expect(() => validateDuration(d('2027-01-01'), d('2037-01-01'))).not.toThrow();
    expect(() => validateDuration(d('2028-02-29'), d('2038-02-28'))).not.toThrow();
  });

  it('refuses one instant more, an empty or inverted period, and invalid dates', () => {
    const over = (() => {
      try {
        validateDuration(d('2028-02-29'), d('2038-03-01'));
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(over).toBeInstanceOf(AppError);
    expect(over?.message).toMatch(/at most 10 years \(Art\. 68\(12\)\).*until 2038-02-28/);
    expect(() => validateDuration(d('2027-01-01'), d('2027-01-01'))).toThrow(/end after it starts/);
    expect(() => validateDuration(d('2027-01-01'), d('2026-01-01'))).toThrow(AppError);
    expect(() => validateDuration(new Date('nope'), d('2026-01-01'))).toThrow(
      /validFrom is not a valid date/,
    );
  });
});

describe('permitNumber', () => {
  it('formats country-year-sequence and reads it back', () => {
    expect(permitNumber(123, 2026, 'FI')).toBe('FI-2026-000123');
    expect(permitNumber(999_999, 2030, 'el')).toBe('EL-2030-999999');
    expect(parsePermitNumber('FI-2026-000123')).toEqual({ country: 'FI', year: 2026, seq: 123 });
    expect(parsePermitNumber('FI-2026-000000')).toBeNull();
    expect(parsePermitNumber('P-2027-0042-FI')).toBeNull();
  });

  it('refuses a bad sequence, year or country, listing every field at fault', () => {
    try {
      permitNumber(0, 26, 'FIN');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).issues.map((i) => i.path)).toEqual(['seq', 'year', 'country']);
    }
    expect(() => permitNumber(1_000_000, 2026, 'FI')).toThrow(AppError);
    expect(() => permitNumber(1.5, 2026, 'FI')).toThrow(AppError);
  });
});
