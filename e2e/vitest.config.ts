import { defineConfig } from 'vitest/config';

// Browser journeys: real hub and node processes, driven through Debian's Chromium (DESIGN.md §5).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
