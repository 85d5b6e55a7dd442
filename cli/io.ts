/**
 * File and stream access for the CLI, with errors phrased for people ("cannot read policy.json:
 * no such file") instead of Node's error objects. Relative paths are the caller's: resolved
 * against `io.cwd` (the folder `npm run securejoin` was started in, see {@link callerFolder}).
 * Inputs are capped ({@link MAX_INPUT_BYTES}) so `policy check /dev/zero` ends at once.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './errors';

/** Where a command reads and writes. Injected so tests can run in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Binary standard output (a UTF-16 .reg file). Default: process.stdout. */
  outBytes?(bytes: Uint8Array): void;
  /** The folder relative paths are resolved against. Default: process.cwd(). */
  cwd?: string;
  /** Standard input, at most `maxBytes + 1` bytes (so a caller can tell "too large"). Default: file descriptor 0. */
  stdin?(maxBytes: number): Uint8Array;
}

/** The largest input read: a policy is a few KiB, an invitee list of 10,000 addresses ~300 KiB. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** The name standing for standard input where a file is expected. */
export const STDIN = '-';

/**
 * The folder the user ran the command in: `npm run securejoin` changes into the package folder
 * and passes the caller's in INIT_CWD; run any other way, the process's own folder.
 */
export function callerFolder(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  return env.npm_lifecycle_event === 'securejoin' && env.INIT_CWD ? env.INIT_CWD : cwd;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a folder in the path is not a directory',
  EEXIST: 'it exists',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** `path` resolved against the caller's folder. */
export function callerPath(io: CliIo, path: string): string {
  return resolve(io.cwd ?? process.cwd(), path);
}

/** Reads `fd` to its end or to `maxBytes + 1` bytes, whichever comes first. */
function readCapped(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking stdin with nothing yet: wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/** Text from bytes: UTF-16LE when it starts with that byte-order mark (a .reg export), else strict UTF-8. */
function decode(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.subarray(2)).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text`);
  }
}

/**
 * Reads a text input: a file (relative to the caller's folder) or, for `-`, standard input.
 * @throws InputError naming the input and the reason (missing, a directory, over the size cap, not text).
 */
export function readInput(io: CliIo, path: string, what = 'file'): string {
  const name = path === STDIN ? `${what} (standard input)` : `${what} ${path}`;
  let bytes: Uint8Array;
  try {
    if (path === STDIN) bytes = io.stdin ? io.stdin(MAX_INPUT_BYTES) : readCapped(0, MAX_INPUT_BYTES);
    else {
      const fd = openSync(callerPath(io, path), 'r');
      try {
        if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
        bytes = readCapped(fd, MAX_INPUT_BYTES);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    throw new InputError(`cannot read ${name}: ${reason(error)}`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: not what this command reads`);
  return decode(bytes, name);
}

/** Where `--out` may write, and what it must never replace. */
export interface OutTarget {
  /** The --out path as given (relative to the caller's folder). */
  path: string;
  /** Replace an existing file (`--force`). */
  force: boolean;
  /** The command's input files (as given; `-` is skipped): never overwritten, even with --force. */
  inputs: readonly string[];
}

/**
 * Why `--out shown` (resolved: `absolute`) cannot be written because of the folder it goes in, or
 * null when that folder exists: "the folder nodir does not exist", rather than Node's ENOENT that
 * leaves the user guessing whether the file or the folder is missing. Nothing is created: a
 * mistyped path must not leave new folders behind.
 */
export function outFolderProblem(shown: string, absolute: string): string | null {
  const folder = dirname(absolute);
  const named = dirname(shown) === '.' ? folder : dirname(shown);
  try {
    if (statSync(folder).isDirectory()) return null;
    return `--out ${shown}: ${named} is a file, not a folder; nothing was written`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `--out ${shown}: the folder ${named} does not exist (create it first, or choose another path); nothing was written`;
    if (code === 'ENOTDIR') return `--out ${shown}: a part of ${named} is a file, not a folder; nothing was written`;
    return null; // another problem (permissions...): the write itself reports it
  }
}

/** Same file: same resolved path, or the same inode (a link, `./x` vs `x`). */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes a file for `--out` (UTF-8, or UTF-16LE with a byte-order mark for Windows .reg files):
 * never over one of the command's inputs, and over an existing file only with `force`.
 * @throws InputError naming the file and why.
 */
export function writeOutput(io: CliIo, target: OutTarget, bytes: Uint8Array): void {
  const path = callerPath(io, target.path);
  const folderProblem = outFolderProblem(target.path, path);
  if (folderProblem) throw new InputError(folderProblem);
  for (const input of target.inputs) {
    if (input !== STDIN && sameFile(path, callerPath(io, input))) {
      throw new InputError(`--out ${target.path} is the input file: write the export to another file (the input stays as it is)`);
    }
  }
  try {
    writeFileSync(path, bytes, { flag: target.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(`--out ${target.path} exists: pass --force to replace it`);
    throw new InputError(`cannot write ${target.path}: ${reason(error)}`);
  }
}

/** Text as the bytes a file holds: UTF-8, or UTF-16LE with a byte-order mark (what regedit writes for version 5.00 files). */
export function encodeText(content: string, encoding: 'utf8' | 'utf16le'): Uint8Array {
  return encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]) : Buffer.from(content, 'utf8');
}

/** Writes bytes to standard output through `io`. */
export function outBytes(io: CliIo, bytes: Uint8Array): void {
  if (io.outBytes) io.outBytes(bytes);
  else process.stdout.write(bytes);
}

/**
 * Reads a UTF-8 text file relative to the process folder (the earlier API, kept so commands
 * written against it still build; new code uses {@link readInput}, which follows the caller's
 * folder and `-`). Capped like readInput. @throws InputError naming the file and the reason.
 */
export function readText(path: string, what = 'file'): string {
  return readInput({ out: () => undefined, err: () => undefined }, path, what);
}

/**
 * Writes a file, replacing any (the earlier API, kept so commands written against it still
 * build; new code uses {@link writeOutput}, which refuses the input and needs --force).
 * @throws InputError naming the file.
 */
export function writeText(path: string, content: string, encoding: 'utf8' | 'utf16le'): void {
  try {
    writeFileSync(path, encodeText(content, encoding));
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${reason(error)}`);
  }
}
