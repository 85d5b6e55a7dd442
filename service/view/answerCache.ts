/**
 * The decrypted meetings of the aliases being called, kept only as long as needed: an alias is
 * looked up in the database (and its sealed room opened) on its first call in a window, then
 * answered from here until it changes (the view deletes it), its window closes, or it is the
 * oldest of too many. Unknown and closed aliases never get here (the index answers them).
 */
import type { Clock } from '../../core/types';
import { roomWindowAt } from '../../core/roomSpec/window';
import type { FoundAlias } from '../store/aliases';

/** Most meetings' answers held at once (a few kilobytes each). */
const MAX_ENTRIES = 20_000;
/** How often answers whose window has closed are dropped. */
const PRUNE_EVERY_MS = 60_000;

export class AnswerCache {
  readonly #held = new Map<string, FoundAlias | null>();
  #version = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {
    this.#timer = setInterval(() => this.#prune(), PRUNE_EVERY_MS);
    this.#timer.unref();
  }

  /**
   * Changes whenever anything is dropped: a look-up that began before a change must not store
   * what it read (it may predate the change), so `set` takes the version seen before reading.
   */
  get version(): number {
    return this.#version;
  }

  /** The held answer (null: the database had none), or undefined when not held. */
  get(aliasHash: string): FoundAlias | null | undefined {
    return this.#held.get(aliasHash);
  }

  set(aliasHash: string, found: FoundAlias | null, versionBeforeRead: number): void {
    if (versionBeforeRead !== this.#version) return;
    if (this.#held.size >= MAX_ENTRIES) this.#held.delete(this.#held.keys().next().value as string);
    this.#held.set(aliasHash, found);
  }

  delete(aliasHash: string): void {
    this.#version += 1;
    this.#held.delete(aliasHash);
  }

  clear(): void {
    this.#version += 1;
    this.#held.clear();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #prune(): void {
    const now = this.clock();
    for (const [hash, found] of this.#held) {
      if (found === null || roomWindowAt(found.room, now) === null) this.#held.delete(hash);
    }
  }
}
