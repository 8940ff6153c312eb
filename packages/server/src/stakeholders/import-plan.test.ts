import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { planOrgImport } from './import-plan';
import { orgCsvRow, ORG_CSV_COLUMNS } from './org-csv';
import { toCsv } from './csv';
import type { StakeholderOrg } from './model';

const HEADER = 'name,type,country,ehds_roles,interest,influence,gpus,partitions,services,website,description';

describe('planOrgImport', () => {
  it('reports each bad row with its line and reason, and keeps the good rows', () => {
    const text = [
      HEADER,
      'Helix Bio,biotech,DE,data_user,4,2,,,,https://helix.example,"Oncology, AI"',
      'Nowhere,pharma,DE,,3,3,,,,,',
      'Bad Country,research,XX,,3,3,,,,,',
      ',hdab,FI,,3,3,,,,,',
      'Too Keen,patient_organisation,FR,,6,0,,,,,',
      'helix bio,biotech,AT,,2,2,,,,,',
      'Old Name,regulator,EU,,5,5,,,,,',
      '"Compute ""North""",ai_factory,fi,,3,5,"AMD MI250X:11912; NVIDIA A100:64",standard-g;small-g,Slurm,,',
      'Short,biotech',
      'Wrong GPUs,ai_factory,IT,,3,3,lots,,,,',
      'Not a factory,biotech,IT,,3,3,NVIDIA H100:8,,,,',
      'Bad role,data_holder,ES,"data_holder; owner",3,3,,,,,',
    ].join('\r\n');
    const plan = planOrgImport(text, new Set(['old name']));
    expect(plan.good.map((g) => [g.line, g.input.name])).toEqual([
      [2, 'Helix Bio'],
      [9, 'Compute "North"'],
    ]);
    expect(plan.good[1]!.input).toMatchObject({
      country: 'FI',
      aiCapabilities: {
        gpus: [
          { model: 'AMD MI250X', count: 11912 },
          { model: 'NVIDIA A100', count: 64 },
        ],
        partitions: ['standard-g', 'small-g'],
        services: ['Slurm'],
      },
    });
    const bad = Object.fromEntries(plan.bad.map((b) => [b.line, b.reasons.join(' | ')]));
    expect(Object.keys(bad).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
    expect(bad[3]).toMatch(/^type: unknown type "pharma"; use one of biotech/);
    expect(bad[4]).toMatch(/^country: "XX" is not a country code/);
    expect(bad[5]).toMatch(/^name: give the organisation's name$/);
    expect(bad[6]).toMatch(/interest: interest is a whole number from 1.*\| influence: influence is/);
    expect(bad[7]).toMatch(/duplicate name; "helix bio" is also on line 2/);
    expect(bad[8]).toMatch(/duplicate name; "Old Name" is already in the registry/);
    expect(bad[10]).toMatch(/the row has 2 fields but the header has 11/);
    expect(bad[11]).toMatch(/^gpus: write each GPU type as model:count/);
    expect(bad[12]).toMatch(/only an AI Factory has compute capabilities/);
    expect(bad[13]).toMatch(/ehds_roles: unknown EHDS role "owner"/);
  });

  it('puts the line of a multi-line record where it starts', () => {
    const text = `${HEADER}\n"Two\nLine Org",biotech,DE,,3,3,,,,,\nx,biotech,QQ,,3,3,,,,,\n`;
    const plan = planOrgImport(text, new Set());
    expect(plan.good.map((g) => g.line)).toEqual([2]);
    expect(plan.bad.map((b) => b.line)).toEqual([4]);
  });

  it('accepts columns in any order and optional columns left out, with a BOM', () => {
    const plan = planOrgImport(
      '\uFEFFcountry,name,influence,interest,type\nEL,Athens Lab,2,4,research\n',
      new Set(),
    );
    expect(plan.good[0]!.input).toMatchObject({
      name: 'Athens Lab',
      country: 'GR',
      interest: 4,
      influence: 2,
    });
    expect(plan.bad).toEqual([]);
  });

  it('refuses a file whose header is not an organisations header, naming each problem', () => {
    const refused = (text: string) => {
      try {
        planOrgImport(text, new Set());
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        return (err as AppError).issues.map((i) => i.message);
      }
      throw new Error('not refused');
    };
    expect(refused('name,type,colour,colour\n')).toEqual([
      'the column "country" is missing',
      'the column "interest" is missing',
      'the column "influence" is missing',
      expect.stringMatching(/^unknown column "colour"/),
      expect.stringMatching(/^unknown column "colour"/),
      'the column "colour" appears twice',
    ]);
    expect(refused('')).toEqual([expect.stringMatching(/start the file with the header/)]);
  });

  it('imports back what the export wrote', () => {
    const org: StakeholderOrg = {
      id: 'x',
      name: '=Formula, "quoted"',
      type: 'ai_factory',
      country: 'IT',
      ehdsRoles: ['data_user'],
      aiCapabilities: {
        gpus: [{ model: 'NVIDIA A100', count: 13824 }],
        partitions: ['boost'],
        services: ['Slurm'],
      },
      interest: 5,
      influence: 4,
      website: 'https://example.eu/x',
      description: 'line one\nline two',
      organisationId: null,
      organisationName: null,
      peopleCount: 0,
      createdAt: '',
      updatedAt: '',
    };
    const plan = planOrgImport(toCsv(ORG_CSV_COLUMNS, [orgCsvRow(org)]), new Set());
    expect(plan.bad).toEqual([]);
    const { name, type, country, ehdsRoles, aiCapabilities, interest, influence, website, description } = org;
    expect(plan.good[0]!.input).toEqual({
      name,
      type,
      country,
      ehdsRoles,
      aiCapabilities,
      interest,
      influence,
      website,
      description,
      organisationId: null,
    });
  });
});
