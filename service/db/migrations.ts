/**
 * The schema, as numbered migrations. Append only: a migration that has run anywhere is never
 * edited; a change is a new entry. The same SQL runs on PostgreSQL and PGlite.
 */

/** One migration: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'meetings and audit',
    sql: `
      CREATE TABLE meetings (
        id text PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        organizer_id text NOT NULL,
        organizer_name text NOT NULL,
        subject text NOT NULL,
        -- The room alias, lower-cased as the node keys rooms: one alias belongs to one meeting.
        alias_key text NOT NULL UNIQUE,
        -- The room spec (PINs, access code, passcodes) sealed with AES-256-GCM: see service/codes.ts.
        room_sealed text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX meetings_by_organizer ON meetings (organizer_id, created_at);
      -- Who created, changed or deleted which meeting, and when. Never the codes.
      CREATE TABLE meeting_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'replace', 'delete')),
        meeting_id text NOT NULL,
        organizer_id text NOT NULL,
        version integer NOT NULL
      );
      CREATE INDEX meeting_audit_by_meeting ON meeting_audit (meeting_id, id);
    `,
  },
  {
    version: 2,
    name: 'codes key check',
    sql: `
      -- A value sealed with the codes key at first start: a later start with another key is refused
      -- instead of serving meetings it cannot open.
      CREATE TABLE codes_key_check (
        id integer PRIMARY KEY CHECK (id = 1),
        sealed text NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'policy aliases and participant names',
    sql: `
      -- Every alias of every meeting (web, numeric, personal), lower-cased: Infinity's policy
      -- requests look meetings up here. Unique, so two meetings can never share an alias.
      CREATE TABLE meeting_aliases (
        alias_key text PRIMARY KEY,
        meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('web', 'dial', 'inviteeWeb', 'inviteeDial')),
        invitee_index integer CHECK (invitee_index >= 0)
      );
      CREATE INDEX meeting_aliases_by_meeting ON meeting_aliases (meeting_id);
      -- "Name (n)": one ordinal per participant per invitee per occurrence (name_key). The two
      -- unique keys make the count atomic across replicas: a racing insert retries.
      CREATE TABLE participant_names (
        name_key text NOT NULL,
        participant text NOT NULL,
        ordinal integer NOT NULL CHECK (ordinal >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name_key, participant),
        UNIQUE (name_key, ordinal)
      );
      CREATE INDEX participant_names_by_age ON participant_names (created_at);
      -- Meetings written before this migration: their aliases, from the plain column (the
      -- sealed room's access code and invitee aliases arrive with the next write).
      INSERT INTO meeting_aliases (alias_key, meeting_id, kind, invitee_index)
        SELECT alias_key, id, 'web', NULL FROM meetings;
    `,
  },
  {
    version: 4,
    name: 'draft expiry',
    sql: `
      -- Whether the sealed room says sent, in plain, so the draft sweep (service/jobs/draftExpiry.ts)
      -- finds unsent meetings by index. NULL for meetings written before: the sweep opens their
      -- sealed room to decide, and the sealed room stays the truth for every row.
      ALTER TABLE meetings ADD COLUMN sent boolean;
      CREATE INDEX meetings_unsent_by_age ON meetings (updated_at) WHERE sent IS NOT TRUE;
      -- The sweep's removals are audited as their own action.
      ALTER TABLE meeting_audit DROP CONSTRAINT meeting_audit_action_check;
      ALTER TABLE meeting_audit ADD CONSTRAINT meeting_audit_action_check CHECK (action IN ('create', 'replace', 'delete', 'expire'));
      -- When each "Name (n)" number's occurrence window closes: pruned a day later. Rows from
      -- before (and from a replica not yet upgraded) count as closing a day after they are written.
      ALTER TABLE participant_names ADD COLUMN closes_at timestamptz NOT NULL DEFAULT (now() + interval '1 day');
      CREATE INDEX participant_names_by_close ON participant_names (closes_at);
    `,
  },
  {
    version: 5,
    name: 'hashed aliases and guess counts',
    sql: `
      -- Aliases are kept as keyed hashes from now on (service/aliasHash.ts); the rows written
      -- before are converted at start by service/db/rehashAliases.ts, which needs the codes key.
      COMMENT ON COLUMN meetings.alias_key IS 'HMAC of the web alias (h1.<base64url>), never the alias';
      COMMENT ON COLUMN meeting_aliases.alias_key IS 'HMAC of the alias (h1.<base64url>), never the alias';
      -- Failed policy look-ups per caller address (service/store/guesses.ts).
      CREATE TABLE policy_guesses (
        address text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 1),
        blocked_until timestamptz
      );
      CREATE INDEX policy_guesses_by_window ON policy_guesses (window_start);
      -- Security events an admin reviews (an address shut out for guessing). Never a code or alias.
      CREATE TABLE security_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        address text,
        until timestamptz,
        failures integer
      );
    `,
  },
  {
    version: 6,
    name: 'policy view: openings and change notifications',
    sql: `
      -- When a meeting's aliases can answer at all (core/infinity/opening.ts), in plain so every
      -- replica's policy view (service/view/) loads without opening sealed rooms: epoch ms of the
      -- first window's opening and the last one's closing (Infinity: a series without end), and
      -- the series. NULL: never (a draft, no window). Times, never a code. opening_known is false
      -- for rows written before this migration: service/db/backfillOpenings.ts fills them at start.
      ALTER TABLE meetings ADD COLUMN open_from_ms double precision;
      ALTER TABLE meetings ADD COLUMN open_until_ms double precision;
      ALTER TABLE meetings ADD COLUMN series jsonb;
      ALTER TABLE meetings ADD COLUMN opening_known boolean NOT NULL DEFAULT false;
      -- A notification per changed alias or opening, sent by the writing transaction itself and
      -- delivered when it commits: each replica re-reads what changed (service/view/policyView.ts).
      -- Payload: 'a' + the alias's keyed hash, or 'm' + a meeting id. Never an alias or a code.
      CREATE FUNCTION securejoin_notify_alias() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('securejoin_view', 'a' || OLD.alias_key); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('securejoin_view', 'a' || NEW.alias_key); END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER meeting_aliases_notify AFTER INSERT OR UPDATE OR DELETE ON meeting_aliases
        FOR EACH ROW EXECUTE FUNCTION securejoin_notify_alias();
      CREATE FUNCTION securejoin_notify_opening() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('securejoin_view', 'm' || NEW.id);
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER meetings_opening_notify AFTER UPDATE ON meetings FOR EACH ROW
        WHEN (OLD.sent IS DISTINCT FROM NEW.sent OR OLD.open_from_ms IS DISTINCT FROM NEW.open_from_ms
              OR OLD.open_until_ms IS DISTINCT FROM NEW.open_until_ms OR OLD.series IS DISTINCT FROM NEW.series
              OR OLD.opening_known IS DISTINCT FROM NEW.opening_known)
        EXECUTE FUNCTION securejoin_notify_opening();
      -- An address shut out for guessing (service/store/guesses.ts): every replica refuses it from
      -- memory. Payload: the shut-out's end (epoch ms), a space, the address.
      CREATE FUNCTION securejoin_notify_shut_out() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.blocked_until IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.blocked_until IS DISTINCT FROM NEW.blocked_until) THEN
          PERFORM pg_notify('securejoin_shut_out', floor(extract(epoch FROM NEW.blocked_until) * 1000)::bigint || ' ' || NEW.address);
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER policy_guesses_notify AFTER INSERT OR UPDATE ON policy_guesses
        FOR EACH ROW EXECUTE FUNCTION securejoin_notify_shut_out();
    `,
  },
  {
    version: 7,
    name: 'attendance from the event sink',
    sql: `
      -- Who actually came (issue 23): one row per participant Infinity's Event sink reported on an
      -- alias of a meeting. Never the alias, a PIN or a passcode: the meeting, the invitee it
      -- stands for (and their name then), the "Name (n)" number, what the node reported.
      -- No foreign key: the record outlives the meeting until its retention ends.
      CREATE TABLE attendance (
        participant text PRIMARY KEY,
        meeting_id text NOT NULL,
        organizer_id text NOT NULL,
        occurrence_at timestamptz,
        attendee_kind text NOT NULL CHECK (attendee_kind IN ('invitee', 'host', 'shared')),
        invitee_index integer CHECK (invitee_index >= 0),
        invitee_name text,
        ordinal integer CHECK (ordinal >= 1),
        display_name text,
        role text CHECK (role IN ('host', 'guest')),
        protocol text,
        joined_at timestamptz,
        left_at timestamptz,
        duration_s double precision CHECK (duration_s >= 0),
        event_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attendance_by_meeting ON attendance (meeting_id, joined_at);
      CREATE INDEX attendance_by_age ON attendance (recorded_at);
      -- Events already taken, so a node resending one changes nothing. Keyed by the event's own
      -- time too: a node's numbering starts again at 1 when its sink restarts.
      CREATE TABLE eventsink_received (
        node text NOT NULL,
        seq bigint NOT NULL,
        sent_at double precision NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (node, seq, sent_at)
      );
      CREATE INDEX eventsink_received_by_age ON eventsink_received (received_at);
      -- The newest sequence number per Conferencing Node, to notice events lost on the way.
      CREATE TABLE eventsink_nodes (
        node text PRIMARY KEY,
        last_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
