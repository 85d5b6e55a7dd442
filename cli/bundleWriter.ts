/**
 * Writes the admin bundle all or nothing: every file goes into a fresh folder beside the target,
 * which then takes the target's place with one rename. A failure on the way leaves the target as
 * it was. The target may be missing or empty; a non-empty one is replaced only with `force`, and
 * only when it holds a previous bundle and nothing else (so `--out ~ --force` deletes nothing).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { MARKER_PATH } from './bundle';
import type { BundleFile } from './bundle';
import { InputError } from './errors';
import { encodeText, outFolderProblem } from './io';

/** Every file under `dir`, as bundle paths ("a/b.txt"). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Why a non-empty `dir` may not be replaced, or null when it holds a previous bundle and nothing else. */
function notABundle(dir: string): string | null {
  let listed: unknown;
  try {
    listed = (JSON.parse(readFileSync(join(dir, MARKER_PATH), 'utf8')) as { files?: unknown }).files;
  } catch {
    return `it holds no SecureJoin bundle (no readable ${MARKER_PATH}): --force replaces only a previous bundle; choose an empty or new folder`;
  }
  if (!Array.isArray(listed)) return `its ${MARKER_PATH} lists no files: choose an empty or new folder`;
  const known = new Set<unknown>([...listed, MARKER_PATH]);
  const foreign = filesUnder(dir).filter((f) => !known.has(f));
  if (foreign.length > 0) return `it holds files that are not part of the bundle (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''}): move them away or choose another folder`;
  return null;
}

/**
 * Writes `files` as the folder `dir` (absolute). `shown` names it in messages.
 * @throws InputError when the folder may not be written or a write fails (nothing changed then).
 */
export function writeBundle(dir: string, shown: string, files: readonly BundleFile[], force: boolean): void {
  let mode: 'create' | 'empty' | 'replace' = 'create';
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InputError(`--out ${shown} is a file, not a folder`);
    if (readdirSync(dir).length > 0) {
      if (!force) throw new InputError(`--out ${shown} is not empty: pass --force to replace a previous bundle there`);
      const why = notABundle(dir);
      if (why) throw new InputError(`--out ${shown} is not empty and cannot be replaced: ${why}`);
      mode = 'replace';
    } else mode = 'empty';
  } else {
    const folderProblem = outFolderProblem(shown, dir);
    if (folderProblem) throw new InputError(folderProblem);
  }
  let staging: string;
  try {
    staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}.new-`));
  } catch (error) {
    throw new InputError(`cannot write beside ${shown}: ${(error as Error).message}`);
  }
  try {
    chmodSync(staging, 0o755); // mkdtemp makes it 0700; nothing here is secret and admins copy it around
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, encodeText(file.content, file.encoding), { flag: 'wx' });
    }
    if (mode === 'empty') rmdirSync(dir); // fails if a file appeared meanwhile: then nothing is replaced
    if (mode !== 'replace') {
      try {
        renameSync(staging, dir);
      } catch (error) {
        if (mode === 'empty') mkdirSync(dir); // put the empty folder back
        throw error;
      }
      return;
    }
    const old = mkdtempSync(join(dirname(dir), `.${basename(dir)}.old-`));
    rmdirSync(old); // only its unique name is wanted
    renameSync(dir, old);
    try {
      renameSync(staging, dir);
    } catch (error) {
      renameSync(old, dir);
      throw error;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write ${shown}: ${(error as Error).message} (nothing was changed)`);
  }
}
