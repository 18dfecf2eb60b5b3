#!/usr/bin/env node
// `npx trialfinder` from the repository: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
