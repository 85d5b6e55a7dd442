/**
 * The two kinds of user mistakes the CLI reports without a stack trace. Anything else that
 * escapes a command is a bug and is reported as one.
 */

/** Wrong command line (unknown option, missing argument): exit code 2, with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose help to point to, e.g. `policy export`. */
  constructor(message: string, readonly command = '') {
    super(message);
  }
}

/** Well-formed command, bad input (invalid policy, unreadable file, bad emails): exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes: 0 success, 1 invalid input, 2 usage error, 70 internal error (sysexits EX_SOFTWARE). */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;
