import { describe, expect, it } from 'vitest';
import * as core from '@openehds/core';
import * as client from './index';

/**
 * The client mirrors the hub's vocabularies instead of importing them, so it depends on nothing but
 * fetch (DESIGN.md §2) and stays out of node:crypto in the browser. This test keeps the mirror
 * honest: a code added, renamed or reordered on one side only fails here, not in a user's browser.
 */
describe('client vocabularies mirror the hub', () => {
  it('has the same codes, in the same order, as @openehds/core', () => {
    expect(client.APPLICATION_KINDS).toEqual(core.APPLICATION_KINDS);
    expect(client.APPLICATION_STATUSES).toEqual(core.APPLICATION_STATUSES);
    expect(client.APPLICATION_EVENTS).toEqual(core.APPLICATION_EVENTS);
    expect(client.OUTCOMES).toEqual(core.OUTCOMES);
    expect(client.PURPOSES).toEqual(core.PURPOSES);
    expect(client.PURPOSE_LETTER).toEqual(core.PURPOSE_LETTER);
    expect(client.PUBLIC_BODY_PURPOSES).toEqual(core.PUBLIC_BODY_PURPOSES);
    expect(client.PROHIBITED_USES).toEqual(core.PROHIBITED_USES);
    expect(client.PERSON_ROLES).toEqual(core.PERSON_ROLES);
    expect(client.LEGAL_BASES).toEqual(core.LEGAL_BASES);
    expect(client.ETHICS_STATUSES).toEqual(core.ETHICS_STATUSES);
    expect(client.CRITERION_IDS).toEqual(core.CRITERION_IDS);
    expect(client.VERDICTS).toEqual(core.VERDICTS);
    expect(client.STAFF_TRANSITIONS.every((e) => core.EVENT_ACTOR[e] === 'staff')).toBe(true);
    expect(client.AIRLOCK_STATUSES).toEqual(core.AIRLOCK_STATUSES);
    expect(client.FILE_VOTES).toEqual(core.FILE_VOTES);
  });
});
