import { defineConfig } from 'vitest/config';

// Unit and service-backed tests live beside the code (DESIGN.md §5). Browser journeys are in e2e/.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
