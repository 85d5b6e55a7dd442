/**
 * Entry point of the `securejoin` admin CLI (`npm run securejoin -- <args>`, or bin/securejoin.js).
 * Everything testable lives in run.ts; this file only binds it to the process.
 */
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
