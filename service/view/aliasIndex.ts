/**
 * The policy view's index (issue 19): keyed alias hash -> when that alias can answer, in typed
 * arrays (an open-addressing table with linear probing), about 21 bytes a slot, so a replica
 * holds a million meetings' aliases in tens of megabytes with no object per alias.
 *
 * A slot's key is 90 bits of the alias's keyed hash (../aliasHash.ts: 15 base64url characters);
 * two of a million aliases sharing them is about one chance in 10^15. Its window is the one open
 * now or opening next, in whole seconds widened outward (opening rounded down, closing up), so
 * "closed" from here is always right; "open" sends the look-up on to the sealed room, which
 * decides to the millisecond (core/infinity decideServiceConfiguration). A recurring meeting's
 * slot moves on to its next occurrence's window when the current one closes, with no write.
 */
import { windowAtOrNext } from '../../core/infinity/opening';
import type { Opening } from '../../core/infinity/opening';
import type { EpochMs } from '../../core/types';
import { ALIAS_HASH_PREFIX } from '../aliasHash';

const EMPTY = 0;
/** Marks a used slot in its first key word (keys use 30 bits of each word). */
const USED = 0x40000000;
const RECURRING = 1;
/** A window that never closes (a series without end), in seconds. */
const NEVER = 0xffffffff;
const MAX_LOAD = 0.8;
const MIN_CAPACITY = 1024;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SIXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i += 1) SIXTET[BASE64URL.charCodeAt(i)] = i;

/** 30 bits from five base64url characters of `hash` from `at`. */
function word(hash: string, at: number): number {
  let w = 0;
  for (let i = at; i < at + 5; i += 1) w = (w << 6) | (SIXTET[hash.charCodeAt(i)] ?? 0);
  return w & 0x3fffffff;
}

/** The 90-bit key of a keyed alias hash (`h1.` + base64url). @throws on anything else. */
export function indexKey(hash: string): [number, number, number] {
  if (!hash.startsWith(ALIAS_HASH_PREFIX) || hash.length < ALIAS_HASH_PREFIX.length + 15) throw new Error('not a keyed alias hash');
  const at = ALIAS_HASH_PREFIX.length;
  return [word(hash, at), word(hash, at + 5), word(hash, at + 10)];
}

function mix(a: number, b: number, c: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77), 0xc2b2ae3d) >>> 0;
}

const toSeconds = (w: { opensAt: EpochMs; closesAt: EpochMs }): [number, number] => [
  Math.max(0, Math.floor(w.opensAt / 1000)),
  Number.isFinite(w.closesAt) ? Math.min(NEVER - 1, Math.ceil(w.closesAt / 1000)) : NEVER,
];

export class AliasIndex {
  #capacity = MIN_CAPACITY;
  #size = 0;
  #k0 = new Int32Array(MIN_CAPACITY);
  #k1 = new Int32Array(MIN_CAPACITY);
  #k2 = new Int32Array(MIN_CAPACITY);
  #opens = new Uint32Array(MIN_CAPACITY);
  #closes = new Uint32Array(MIN_CAPACITY);
  #flags = new Uint8Array(MIN_CAPACITY);
  /** Recurring aliases' openings (a minority), by key, to find the next occurrence's window. */
  readonly #series = new Map<string, HeldSeries>();

  /** Aliases held. */
  get size(): number {
    return this.#size;
  }

  /** Bytes the index holds (its typed arrays, and an estimate for the series kept beside them). */
  get bytes(): number {
    return this.#capacity * 21 + this.#series.size * 400;
  }

  /** Holds `hash` as answering within `opening` (replacing what it held), or forgets it when `opening` is null. */
  set(hash: string, opening: Opening | null, now: EpochMs): void {
    const [a, b, c] = indexKey(hash);
    if (opening === null) return void this.#remove(a, b, c);
    if ((this.#size + 1) / this.#capacity > MAX_LOAD) this.#grow();
    let i = this.#find(a, b, c);
    if (i < 0) {
      i = ~i;
      this.#k0[i] = a | USED;
      this.#k1[i] = b;
      this.#k2[i] = c;
      this.#size += 1;
    }
    const name = seriesName(a, b, c);
    if (opening.series === null) {
      [this.#opens[i], this.#closes[i]] = toSeconds({ opensAt: opening.from, closesAt: opening.until });
      this.#flags[i] = 0;
      this.#series.delete(name);
      return;
    }
    const held = { opening, at: now };
    this.#series.set(name, held);
    this.#flags[i] = RECURRING;
    this.#place(i, held, now);
  }

  /** Forgets `hash`. */
  delete(hash: string): void {
    const [a, b, c] = indexKey(hash);
    this.#remove(a, b, c);
  }

  /**
   * Whether `hash` may answer at `now`: false means closed or unknown (the same answer, from the
   * same few array reads); true means inside its window to the second: ask the sealed room.
   */
  mayOpen(hash: string, now: EpochMs): boolean {
    const [a, b, c] = indexKey(hash);
    const i = this.#find(a, b, c);
    if (i < 0) return false;
    const seconds = now / 1000;
    if (this.#flags[i] === RECURRING && (seconds >= (this.#closes[i] as number) || seconds < (this.#opens[i] as number))) this.#advance(i, a, b, c, now);
    return (this.#opens[i] as number) <= seconds && seconds < (this.#closes[i] as number);
  }

  /** Forgets everything (a reload starts afresh). */
  clear(): void {
    this.#allocate(MIN_CAPACITY);
    this.#size = 0;
    this.#series.clear();
  }

  /**
   * A recurring alias outside its slot's window: when that window has closed, or the clock went
   * back before the instant it was computed for, the window open now or next takes its place.
   */
  #advance(i: number, a: number, b: number, c: number, now: EpochMs): void {
    const held = this.#series.get(seriesName(a, b, c));
    if (held && (now / 1000 >= (this.#closes[i] as number) || now < held.at)) this.#place(i, held, now);
  }

  /** Puts the window of `held` open at `now` or next into slot `i` (none left: a window that never opens). */
  #place(i: number, held: HeldSeries, now: EpochMs): void {
    held.at = now;
    const next = windowAtOrNext(held.opening, now);
    [this.#opens[i], this.#closes[i]] = next === null ? [NEVER, 0] : toSeconds(next);
  }

  /** The slot holding the key, or ~(the empty slot where it would go). */
  #find(a: number, b: number, c: number): number {
    const mask = this.#capacity - 1;
    const tagged = a | USED;
    for (let i = mix(a, b, c) & mask; ; i = (i + 1) & mask) {
      const k = this.#k0[i] as number;
      if (k === EMPTY) return ~i;
      if (k === tagged && this.#k1[i] === b && this.#k2[i] === c) return i;
    }
  }

  #remove(a: number, b: number, c: number): void {
    let i = this.#find(a, b, c);
    if (i < 0) return;
    this.#series.delete(seriesName(a, b, c));
    this.#size -= 1;
    // Backward-shift deletion: later slots of the same probe run move up, so no tombstones.
    const mask = this.#capacity - 1;
    for (let j = (i + 1) & mask; this.#k0[j] !== EMPTY; j = (j + 1) & mask) {
      const home = mix((this.#k0[j] as number) & ~USED, this.#k1[j] as number, this.#k2[j] as number) & mask;
      // The entry at j may fill the hole at i unless its home lies cyclically in (i, j].
      if (i <= j ? home > i && home <= j : home > i || home <= j) continue;
      this.#copy(j, i);
      i = j;
    }
    this.#k0[i] = EMPTY;
  }

  #copy(from: number, to: number): void {
    this.#k0[to] = this.#k0[from] as number;
    this.#k1[to] = this.#k1[from] as number;
    this.#k2[to] = this.#k2[from] as number;
    this.#opens[to] = this.#opens[from] as number;
    this.#closes[to] = this.#closes[from] as number;
    this.#flags[to] = this.#flags[from] as number;
  }

  #allocate(capacity: number): void {
    this.#capacity = capacity;
    this.#k0 = new Int32Array(capacity);
    this.#k1 = new Int32Array(capacity);
    this.#k2 = new Int32Array(capacity);
    this.#opens = new Uint32Array(capacity);
    this.#closes = new Uint32Array(capacity);
    this.#flags = new Uint8Array(capacity);
  }

  #grow(): void {
    const [k0, k1, k2, opens, closes, flags, old] = [this.#k0, this.#k1, this.#k2, this.#opens, this.#closes, this.#flags, this.#capacity];
    this.#allocate(old * 2);
    const mask = this.#capacity - 1;
    for (let j = 0; j < old; j += 1) {
      if (k0[j] === EMPTY) continue;
      let i = mix((k0[j] as number) & ~USED, k1[j] as number, k2[j] as number) & mask;
      while (this.#k0[i] !== EMPTY) i = (i + 1) & mask;
      this.#k0[i] = k0[j] as number;
      this.#k1[i] = k1[j] as number;
      this.#k2[i] = k2[j] as number;
      this.#opens[i] = opens[j] as number;
      this.#closes[i] = closes[j] as number;
      this.#flags[i] = flags[j] as number;
    }
  }
}

/** A recurring alias's opening, and the instant its slot's window was computed for. */
interface HeldSeries {
  opening: Opening;
  at: EpochMs;
}

function seriesName(a: number, b: number, c: number): string {
  return `${a}.${b}.${c}`;
}
