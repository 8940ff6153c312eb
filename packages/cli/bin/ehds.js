#!/usr/bin/env node
// The `ehds` command. The platform runs its TypeScript sources through tsx (no build step; see
// docs/adr/0001-typescript-without-build.md), so this launcher registers tsx's loader first.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
