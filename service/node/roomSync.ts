/**
 * Keeps the node's rooms in step with a meeting write, inside the write's transaction: the node
 * is told after the database accepted the row (so only the winner of a version talks to it) and
 * before commit (so a refusal rolls the write back). Each step remembers how to undo itself,
 * for when a later step or the commit fails.
 */
import { roomSpecToInput } from '../../core/room';
import type { RoomSpec } from '../../core/room';
import type { NodeClient } from './nodeClient';

/** Node steps taken during one write, undone (best effort) if the write does not commit. */
export class RoomSync {
  private readonly undo: Array<() => Promise<void>> = [];

  constructor(private readonly node: NodeClient | null) {}

  /** The room after a write: `before` (null on create), `after` (null on delete). */
  async apply(before: RoomSpec | null, after: RoomSpec | null): Promise<void> {
    if (!this.node) return;
    const node = this.node;
    if (after) {
      await node.putRoom(after.alias, roomSpecToInput(after));
      const sameRoom = before && before.alias.toLowerCase() === after.alias.toLowerCase();
      this.undo.push(sameRoom ? () => node.putRoom(before.alias, roomSpecToInput(before)) : () => node.deleteRoom(after.alias));
    }
    if (before && (!after || before.alias.toLowerCase() !== after.alias.toLowerCase())) {
      await node.deleteRoom(before.alias);
      this.undo.push(() => node.putRoom(before.alias, roomSpecToInput(before)));
    }
  }

  /** Undoes the steps taken, newest first; returns the errors of steps that could not be undone. */
  async rollback(): Promise<unknown[]> {
    const failures: unknown[] = [];
    for (const step of this.undo.reverse()) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    this.undo.length = 0;
    return failures;
  }
}
