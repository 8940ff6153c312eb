import { describe, expect, it } from 'vitest';
import type { StakeholderOrgJson } from '@openehds/client';
import { draftFromOrg, emptyOrgDraft, issuesByField, orgInputFromDraft, parseGpus } from './form-model';

describe('organisation form model', () => {
  it('reads GPUs as model:count by line or ";", and refuses what it cannot read', () => {
    expect(parseGpus('AMD MI250X:100\nNVIDIA A100: 8; ')).toEqual([
      { model: 'AMD MI250X', count: 100 },
      { model: 'NVIDIA A100', count: 8 },
    ]);
    expect(parseGpus('')).toEqual([]);
    expect(parseGpus('lots of GPUs')).toBeNull();
  });

  it('sends compute capabilities only for an AI Factory, and round-trips an organisation', () => {
    const draft = {
      ...emptyOrgDraft(),
      name: 'X',
      country: 'fi',
      gpus: 'H100:8',
      services: 'Slurm; Jupyter',
    };
    expect(orgInputFromDraft(draft, 'bad').input.aiCapabilities).toBeNull();
    const factory = orgInputFromDraft({ ...draft, type: 'ai_factory' }, 'bad');
    expect(factory.input.aiCapabilities).toEqual({
      gpus: [{ model: 'H100', count: 8 }],
      partitions: [],
      services: ['Slurm', 'Jupyter'],
    });
    expect(orgInputFromDraft({ ...draft, type: 'ai_factory', gpus: 'many' }, 'bad').issues).toEqual([
      { path: 'gpus', message: 'bad' },
    ]);
    const org = {
      name: 'Y',
      type: 'ai_factory',
      country: 'IT',
      ehdsRoles: ['data_user'],
      aiCapabilities: { gpus: [{ model: 'A100', count: 4 }], partitions: ['boost'], services: [] },
      interest: 2,
      influence: 5,
      website: null,
      description: 'd',
      organisationId: null,
    } as unknown as StakeholderOrgJson;
    const { input } = orgInputFromDraft(draftFromOrg(org), 'bad');
    expect(input).toEqual({ ...org, website: null });
  });

  it('sends a blank score as NaN for the hub to name, and places issues on fields', () => {
    expect(Number.isNaN(orgInputFromDraft({ ...emptyOrgDraft(), interest: ' ' }, '').input.interest)).toBe(
      true,
    );
    expect(
      issuesByField([
        { path: 'country', message: 'a' },
        { path: 'aiCapabilities.gpus[0].count', message: 'b' },
        { path: 'ehdsRoles[1]', message: 'c' },
        { message: 'd' },
      ]),
    ).toEqual({ country: ['a'], gpus: ['b'], ehdsRoles: ['c'], '': ['d'] });
  });
});
