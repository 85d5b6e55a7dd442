/**
 * File and stream access for the CLI, with errors phrased for people ("cannot read policy.json:
 * no such file") instead of Node's error objects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from './errors';

/** Where a command writes: normal output and diagnostics. Injected so tests can run in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a folder in the path is not a directory',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Reads a UTF-8 text file. @throws InputError naming the file and the reason. */
export function readText(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${reason(error)}`);
  }
}

/** Writes a file (UTF-8, or UTF-16LE with a byte-order mark for Windows .reg files). @throws InputError. */
export function writeText(path: string, content: string, encoding: 'utf8' | 'utf16le'): void {
  try {
    if (encoding === 'utf16le') writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(content, 'utf16le')]));
    else writeFileSync(path, content, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${reason(error)}`);
  }
}
