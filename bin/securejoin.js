#!/usr/bin/env node
// The installed `securejoin` command: registers tsx so Node can load the TypeScript CLI directly.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
