/**
 * Model formulas in R's notation (`diabetes ~ age + sex + bmi`), the way data users already write
 * them. Supported: `+` terms, an intercept by default (`- 1` or `+ 0` drops it, `+ 1` keeps it),
 * `- term` to remove a term, interactions `a:b` and crossings `a*b` (= a + b + a:b). Terms are
 * ordered by degree, main effects first, as R does. Anything else is refused naming the token.
 */
import { invalid } from '@openehds/core';

/** A parsed formula: the response, whether there is an intercept, and terms as lists of variables. */
export interface Formula {
  response: string;
  intercept: boolean;
  /** Each term is one variable (main effect) or several (an interaction), in the order written. */
  terms: string[][];
  /** Every right-hand-side variable once, in order of first appearance. */
  variables: string[];
}

type Token = { kind: 'name' | 'number' | 'op'; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const name = /^[A-Za-z_.][A-Za-z0-9_.]*/.exec(source.slice(i));
    if (name && name[0] !== '.') {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw bad(source, i, 'an unclosed backtick');
      tokens.push({ kind: 'name', text: source.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const num = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], at: i });
      i += num[0].length;
      continue;
    }
    if ('~+-:*'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch, at: i });
      i++;
      continue;
    }
    throw bad(
      source,
      i,
      `'${ch}'`,
      ch === '.' ? ' (`.` for "all other columns" is not supported; list them)' : '',
    );
  }
  return tokens;
}

function bad(source: string, at: number, what: string, hint = '') {
  return invalid(`formula '${source}': unexpected ${what} at position ${at + 1}${hint}`, [
    { path: 'formula', message: `unexpected ${what} at position ${at + 1}${hint}` },
  ]);
}

/** Parses an R-style model formula; throws AppError `invalid` naming the offending token. */
export function parseFormula(source: string): Formula {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (kind: Token['kind'], what: string): Token => {
    const t = tokens[pos];
    if (!t) throw bad(source, source.length, 'end of formula', `; expected ${what}`);
    if (t.kind !== kind) throw bad(source, t.at, `'${t.text}'`, `; expected ${what}`);
    pos++;
    return t;
  };

  const response = expect('name', 'the response variable before ~').text;
  const tilde = expect('op', "'~'");
  if (tilde.text !== '~') throw bad(source, tilde.at, `'${tilde.text}'`, "; expected '~'");

  let intercept = true;
  const terms: string[][] = [];
  const keyOf = (t: string[]) => [...t].sort().join(':');
  const add = (t: string[]) => {
    if (!terms.some((x) => keyOf(x) === keyOf(t))) terms.push(t);
  };
  const remove = (t: string[]) => {
    const i = terms.findIndex((x) => keyOf(x) === keyOf(t));
    if (i >= 0) terms.splice(i, 1);
  };

  // interaction := name (':' name)*
  const interaction = (): string[] => {
    const vars = [expect('name', 'a variable name').text];
    while (peek()?.text === ':') {
      pos++;
      const v = expect('name', "a variable name after ':'").text;
      if (!vars.includes(v)) vars.push(v);
    }
    return vars;
  };
  // item := 0 | 1 | interaction ('*' interaction)*
  const item = (sign: 1 | -1) => {
    const t = peek();
    if (!t) throw bad(source, source.length, 'end of formula', '; expected a term');
    if (t.kind === 'number') {
      pos++;
      if (t.text !== '0' && t.text !== '1')
        throw bad(source, t.at, `'${t.text}'`, '; only 0 and 1 (intercept) may appear as numbers');
      // +1 / −0 keep the intercept; −1 / +0 drop it.
      intercept = (t.text === '1') === (sign === 1);
      return;
    }
    const factors = [interaction()];
    while (peek()?.text === '*') {
      pos++;
      factors.push(interaction());
    }
    // a*b*c expands to every non-empty combination of the factors.
    const expanded: string[][] = [];
    for (let mask = 1; mask < 1 << factors.length; mask++) {
      const vars: string[] = [];
      factors.forEach((f, i) => {
        if (mask & (1 << i)) for (const v of f) if (!vars.includes(v)) vars.push(v);
      });
      expanded.push(vars);
    }
    for (const e of expanded) (sign === 1 ? add : remove)(e);
  };

  if (!peek()) throw bad(source, source.length, 'end of formula', "; expected terms after '~'");
  let sign: 1 | -1 = 1;
  if (peek()?.text === '-') {
    pos++;
    sign = -1;
  }
  item(sign);
  while (pos < tokens.length) {
    const op = tokens[pos]!;
    if (op.text !== '+' && op.text !== '-') throw bad(source, op.at, `'${op.text}'`, "; expected '+' or '-'");
    pos++;
    item(op.text === '+' ? 1 : -1);
  }

  for (const t of terms)
    if (t.includes(response))
      throw invalid(`formula '${source}': the response '${response}' also appears on the right of ~`, [
        { path: 'formula', message: `'${response}' is both response and covariate` },
      ]);
  // Main effects first, then two-way interactions, … (stable within a degree), as R orders terms.
  const ordered = terms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.length - b.t.length || a.i - b.i)
    .map((x) => x.t);
  const variables: string[] = [];
  for (const t of ordered) for (const v of t) if (!variables.includes(v)) variables.push(v);
  return { response, intercept, terms: ordered, variables };
}
