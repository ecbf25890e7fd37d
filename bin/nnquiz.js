#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can cache compiled code between runs, which shortens every start.
module.enableCompileCache?.();
await import('../dist/cli.js');
