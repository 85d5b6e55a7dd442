/**
 * The addresses this replica has seen shut out for guessing, until their shut-out ends: a copy
 * of what the database says (./guesses.ts), never more. It only spares a guessing address's
 * further look-ups the database round trip; it never lets an address in sooner, and a replica
 * that has not seen the shut-out yet learns it from the database on the address's next look-up.
 */

/** Most addresses kept; past it the one whose shut-out ends first is forgotten (the database still refuses it). */
const MAX_ADDRESSES = 10_000;

export class ShutOutAddresses {
  readonly #until = new Map<string, number>();
  /** The latest end among shut-outs forgotten to stay bounded: until then this copy is not the whole truth. */
  #forgottenUntil = 0;

  /**
   * Whether every shut-out in force at `now` is held here (none was forgotten to stay bounded):
   * the policy view (service/view/) then refuses shut-out addresses from memory alone.
   */
  complete(now: number): boolean {
    return now >= this.#forgottenUntil;
  }

  /** Whether `address` is shut out at `now` (forgetting it once its shut-out has ended). */
  has(address: string, now: number): boolean {
    const until = this.#until.get(address);
    if (until === undefined) return false;
    if (until > now) return true;
    this.#until.delete(address);
    return false;
  }

  /** Remembers that `address` is shut out until `until` (epoch ms). */
  add(address: string, until: number, now: number): void {
    if (until <= now) return;
    if (this.#until.size >= MAX_ADDRESSES && !this.#until.has(address)) this.#evict(now);
    this.#until.set(address, Math.max(until, this.#until.get(address) ?? 0));
  }

  /** Forgets everything (the view reloads what is in force from the database). */
  clear(): void {
    this.#until.clear();
    this.#forgottenUntil = 0;
  }

  get size(): number {
    return this.#until.size;
  }

  #evict(now: number): void {
    let first: [string, number] | null = null;
    for (const entry of this.#until) {
      if (entry[1] <= now) this.#until.delete(entry[0]);
      else if (!first || entry[1] < first[1]) first = entry;
    }
    if (this.#until.size >= MAX_ADDRESSES && first) {
      this.#until.delete(first[0]);
      this.#forgottenUntil = Math.max(this.#forgottenUntil, first[1]);
    }
  }
}
