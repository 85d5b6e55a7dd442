/**
 * Optimistic concurrency: which write a PUT or DELETE is, from its `If-Match` / `If-None-Match`
 * headers and the stored version. The task pane and the event runtime write the same meeting;
 * a write based on an old version must never overwrite a newer one.
 */

/** The ETag of a version: a strong tag, the version number quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: `"3"` (or weak `W/"3"`); null when it names none
 * (absent, `*`, malformed, a list).
 */
export function versionFromIfMatch(header: string | undefined): number | null {
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"([1-9][0-9]{0,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

/** What a PUT is, before the database is asked. */
export type PutIntent =
  | { kind: 'create' }
  | { kind: 'replace'; version: number }
  | { kind: 'refuse'; status: 400 | 428; message: string };

/**
 * `If-None-Match: *` creates, `If-Match: "<version>"` replaces that version; neither is 428 (the
 * client must say which it means), both or a malformed tag is 400.
 */
export function putIntent(ifMatch: string | undefined, ifNoneMatch: string | undefined): PutIntent {
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    return { kind: 'refuse', status: 400, message: 'send either If-Match or If-None-Match, not both' };
  }
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*'
      ? { kind: 'create' }
      : { kind: 'refuse', status: 400, message: 'If-None-Match must be * (create only when the meeting does not exist)' };
  }
  if (ifMatch !== undefined) {
    const version = versionFromIfMatch(ifMatch);
    return version === null
      ? { kind: 'refuse', status: 400, message: 'If-Match must be the quoted version from the ETag, e.g. "3"' }
      : { kind: 'replace', version };
  }
  return { kind: 'refuse', status: 428, message: 'send If-None-Match: * to create or If-Match: "<version>" to replace' };
}

/** What a DELETE is: of a given version, or (admins only) of whatever is stored. */
export type DeleteIntent = { kind: 'delete'; version: number | null } | { kind: 'refuse'; status: 400 | 428; message: string };

/** `If-Match: "<version>"` deletes that version; without it only an admin may delete (a revoke). */
export function deleteIntent(ifMatch: string | undefined, isAdmin: boolean): DeleteIntent {
  if (ifMatch === undefined) {
    return isAdmin
      ? { kind: 'delete', version: null }
      : { kind: 'refuse', status: 428, message: 'send If-Match: "<version>" to delete' };
  }
  const version = versionFromIfMatch(ifMatch);
  return version === null
    ? { kind: 'refuse', status: 400, message: 'If-Match must be the quoted version from the ETag, e.g. "3"' }
    : { kind: 'delete', version };
}
