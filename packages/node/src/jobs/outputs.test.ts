import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AIRLOCK_LIMITS, airlockName, collectOutputs, mediaTypeOf } from './outputs';

describe('job outputs for the airlock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-job-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flattens folders into plain names and refuses names the airlock would not take', () => {
    expect(airlockName('tables/counts.csv')).toBe('tables__counts.csv');
    expect(airlockName('counts.csv')).toBe('counts.csv');
    expect(airlockName('.hidden')).toBeNull();
    expect(airlockName('a b.csv')).toBeNull();
    expect(mediaTypeOf('x.CSV')).toBe('text/csv');
    expect(mediaTypeOf('model.bin')).toBe('application/octet-stream');
  });

  it('sends regular files, withholds symlinks, odd names and files over the limit, saying why', async () => {
    // Prepare
    mkdirSync(join(dir, 'tables'));
    writeFileSync(join(dir, 'tables', 'counts.csv'), 'group,n\na,12\n');
    writeFileSync(join(dir, 'odd name.txt'), 'x');
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(AIRLOCK_LIMITS.fileBytes + 1));
    symlinkSync('/etc/hostname', join(dir, 'link.txt'));
    // Execute
    const r = await collectOutputs(dir);
    // Assert
    expect(r.files).toEqual([
      {
        name: 'tables__counts.csv',
        mediaType: 'text/csv',
        contentBase64: Buffer.from('group,n\na,12\n').toString('base64'),
      },
    ]);
    expect(r.withheld.map((w) => w.path).sort()).toEqual(['big.bin', 'odd name.txt']);
    expect(r.listed).toEqual([{ name: 'tables__counts.csv', size: 13 }]);
  });
});
