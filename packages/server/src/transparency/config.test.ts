import { describe, expect, it } from 'vitest';
import { parseHubConfig } from '../config';
import { registerConfigOf } from './config';

describe('register configuration', () => {
  it('publishes on decision unless the hub says manual', () => {
    const config = parseHubConfig({});
    expect(registerConfigOf(config)).toEqual({ publishDecisions: 'on-decision' });
    const manual = parseHubConfig({ register: { publishDecisions: 'manual' } });
    expect(registerConfigOf(manual)).toEqual({ publishDecisions: 'manual' });
    expect(() => parseHubConfig({ register: { publishDecisions: 'never' } })).toThrow(/register/);
  });
});
