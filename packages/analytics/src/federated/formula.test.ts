import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { parseFormula } from './formula';

describe('parseFormula', () => {
  it('reads response, main effects and an intercept by default', () => {
    expect(parseFormula('diabetes ~ age + sex + bmi')).toEqual({
      response: 'diabetes',
      intercept: true,
      terms: [['age'], ['sex'], ['bmi']],
      variables: ['age', 'sex', 'bmi'],
    });
  });

  it('drops the intercept with - 1 or + 0 and keeps it with + 1 or - 0', () => {
    expect(parseFormula('y ~ x - 1').intercept).toBe(false);
    expect(parseFormula('y ~ 0 + x').intercept).toBe(false);
    expect(parseFormula('y ~ x + 1').intercept).toBe(true);
    expect(parseFormula('y ~ x - 1 + 1').intercept).toBe(true);
  });

  it('expands a*b to a + b + a:b and orders terms by degree, as R does', () => {
    const f = parseFormula('y ~ a:b + c + a*b');
    expect(f.terms).toEqual([['c'], ['a'], ['b'], ['a', 'b']]);
  });

  it('removes a term with - and accepts backquoted names', () => {
    expect(parseFormula('y ~ a*b - a:b').terms).toEqual([['a'], ['b']]);
    expect(parseFormula('y ~ `body mass`').variables).toEqual(['body mass']);
  });

  it.each([
    ['y ~ log(x)', "'('"],
    ['y ~ .', "'.'"],
    ['y x', "'x'"],
    ['y ~ x +', 'end of formula'],
    ['y ~ x + 2', "'2'"],
    ['~ x', "'~'"],
    ['y ~ x ^ 2', "'^'"],
  ])('refuses %s naming %s', (source, token) => {
    let err: unknown;
    try {
      parseFormula(source);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('invalid');
    expect((err as AppError).message).toContain(token);
    expect((err as AppError).issues[0]!.path).toBe('formula');
  });

  it('refuses the response on both sides', () => {
    expect(() => parseFormula('y ~ x + y')).toThrow(/'y' also appears on the right/);
  });
});
