/** What the API returns for a meeting. Codes are in clear: only the organizer (or an admin) reads it. */
import type { RoomSpec } from '../roomSpec';

/** A stored meeting as the API shows it. */
export interface MeetingView {
  id: string;
  /** Starts at 1, +1 per accepted replace; the ETag is this number quoted. */
  version: number;
  organizer: { id: string; name: string };
  subject: string;
  room: RoomSpec;
  /** ISO 8601, UTC. */
  createdAt: string;
  updatedAt: string;
}
