import type { Db } from '@openehds/db';
import { invalid, planAmendment, type NamedPerson } from '@openehds/core';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { lockPermit, nextPermitNumber, type PermitContent, type PermitRecord } from './store';
import { writeSuccession } from './succession';
import { piFirst, toVersion } from './versions';

/** What an amendment may change (TEHDAS2 D6.3: an administrative amendment). */
export interface AmendInput {
  reason: string;
  /** The authorised persons, replacing the list: adding or removing a person (Art. 68(10)(d)). */
  persons?: NamedPerson[];
  /** (h) specific conditions, replacing the list. */
  conditions?: string[];
  /** An earlier end of the access period (ISO date or date-time); a later one is a renewal (Art. 68(12)). */
  validUntil?: string;
}

/**
 * Fields an amendment may never change. TEHDAS2 D6.3: adding a person is an administrative amendment,
 * but new variables or datasets (and so a new purpose, period or form of the data) need a new
 * application, assessed under Art. 68(1)–(2) like the first.
 */
export const NEEDS_NEW_APPLICATION = ['datasets', 'variables', 'purposes', 'period', 'dataForm'] as const;

/** Refuses, before anything else, a body that tries to change what only a new application can. */
export function refuseSubstantiveChanges(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const asked = NEEDS_NEW_APPLICATION.filter((k) => k in body);
  if (!asked.length) return;
  throw invalid(
    `an amendment cannot change ${asked.join(', ')}: new variables or datasets need a new application (TEHDAS2 D6.3); an amendment changes the authorised persons, the conditions or shortens the period`,
    asked.map((path) => ({ path, message: 'needs a new application (TEHDAS2 D6.3)' })),
  );
}

function checkPersons(persons: NamedPerson[]): void {
  const issues: { path: string; message: string }[] = [];
  if (!persons.some((x) => x.role === 'principal_investigator'))
    issues.push({ path: 'persons', message: 'name the principal investigator (Art. 68(10)(d))' });
  const seen = new Set<string>();
  persons.forEach((x, i) => {
    const email = x.email.toLowerCase();
    if (seen.has(email)) issues.push({ path: `persons.${i}.email`, message: `${x.email} is named twice` });
    seen.add(email);
  });
  if (issues.length) throw invalid('the authorised persons are not valid', issues);
}

/**
 * Amends the current version of a permit: a new permit id with status AMENDED, its own signed
 * document, the previous version closed now (D6.4). Only the current version can be amended (409).
 */
export async function amendPermit(
  db: Db,
  p: Principal,
  id: string,
  input: AmendInput,
  config: HubConfig,
  now = new Date(),
): Promise<PermitRecord> {
  if (input.persons === undefined && input.conditions === undefined && input.validUntil === undefined)
    throw invalid('an amendment changes the persons, the conditions or the end date; none was given', [
      { path: 'persons', message: 'give persons, conditions or validUntil' },
    ]);
  if (input.persons) checkPersons(input.persons);
  const key = await hubKeyPair(db);
  return db.transaction(async (tx) => {
    const current = await lockPermit(tx, id);
    const newId = await nextPermitNumber(tx, config.hdab.country, now);
    const succession = planAmendment(
      toVersion(current),
      { permitId: newId, ...(input.validUntil ? { validUntil: new Date(input.validUntil) } : {}) },
      now,
    );
    const changes: Partial<Pick<PermitContent, 'persons' | 'conditions'>> = {};
    if (input.persons)
      changes.persons = piFirst(input.persons).map(({ name, email, role, orcid }) => ({
        name,
        email,
        role,
        ...(orcid ? { orcid } : {}),
      }));
    if (input.conditions) changes.conditions = input.conditions;
    const before = new Set(current.content.persons.map((x) => x.email.toLowerCase()));
    const after = new Set((changes.persons ?? current.content.persons).map((x) => x.email.toLowerCase()));
    return writeSuccession(tx, {
      current,
      succession,
      changes,
      event: 'amend',
      reason: input.reason,
      principal: p,
      key,
      now,
      details: {
        changed: Object.keys(input).filter((k) => k !== 'reason'),
        personsAdded: [...after].filter((e) => !before.has(e)).length,
        personsRemoved: [...before].filter((e) => !after.has(e)).length,
        ...(input.validUntil ? { validUntil: succession.next.validUntil.toISOString() } : {}),
      },
    });
  });
}
