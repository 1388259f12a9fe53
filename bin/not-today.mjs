#!/usr/bin/env node
// The `not-today` command. The project is TypeScript run as-is: tsx's loader is registered
// here, in-process, so every subcommand is one Node process (no build step, no child process).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../local/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
