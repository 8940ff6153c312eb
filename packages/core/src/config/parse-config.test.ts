import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseConfig, zodIssues } from './parse-config';

describe('parseConfig', () => {
  const schema = z.object({ port: z.number().int().min(1).max(65535), dataDir: z.string().min(1) });

  it('names every bad key', () => {
    let err: unknown;
    try {
      parseConfig(schema, { port: 70000, dataDir: '' }, 'hub');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const message = (err as AppError).message;
    expect(message).toBe('invalid hub configuration: fix the config keys port, dataDir');
    expect((err as AppError).issues.map((i) => i.path)).toEqual(['port', 'dataDir']);
  });

  it('returns the parsed value when valid', () => {
    expect(parseConfig(schema, { port: 8080, dataDir: './data' }, 'hub')).toEqual({
      port: 8080,
      dataDir: './data',
    });
  });

  it('formats array paths with brackets', () => {
    const r = z.object({ a: z.array(z.object({ b: z.string() })) }).safeParse({ a: [{ b: 1 }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(zodIssues(r.error)[0]?.path).toBe('a[0].b');
  });
});
