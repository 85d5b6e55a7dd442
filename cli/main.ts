/**
 * Entry point of the `securejoin` admin CLI (`npm run securejoin -- <args>`, or bin/securejoin.js).
 * Everything testable lives in run.ts; this file only binds it to the process.
 */
import { callerFolder } from './io';
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  outBytes: (bytes) => process.stdout.write(bytes),
  // Under `npm run securejoin` the process runs in the package folder: paths are the caller's.
  cwd: callerFolder(process.env, process.cwd()),
});
