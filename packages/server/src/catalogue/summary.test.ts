import { describe, expect, it } from 'vitest';
import { summarise } from './summary';

describe('catalogue summary', () => {
  it('reads a stored description without texts as empty texts, not as a crash', () => {
    const s = summarise({
      id: 'd1',
      country: 'FI',
      description: { accessRights: 'NON_PUBLIC', title: null, description: '' },
      publishedAt: '2026-11-29T00:00:00.000Z',
    });
    expect(s).toMatchObject({ id: 'd1', title: {}, description: {}, keywords: [], dataUse: [] });
  });
});
