-- 0001: the immutable event store. See docs/adr/0001-event-store.md and docs/integrity.md.

CREATE SEQUENCE events_global_position_seq AS bigint;

CREATE TABLE streams (
  stream_id   text        PRIMARY KEY,
  type        text        NOT NULL,
  version     bigint      NOT NULL CHECK (version >= 0),
  last_hash   char(64)    NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  global_position bigint      PRIMARY KEY DEFAULT nextval('events_global_position_seq'),
  stream_id       text        NOT NULL,
  stream_version  bigint      NOT NULL CHECK (stream_version >= 1),
  event_id        uuid        NOT NULL UNIQUE,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL CHECK (schema_version >= 1),
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  prev_hash       char(64)    NOT NULL,
  hash            char(64)    NOT NULL,
  UNIQUE (stream_id, stream_version)
);
ALTER SEQUENCE events_global_position_seq OWNED BY events.global_position;

-- Gap-free global reads order by (transaction_id, global_position).
CREATE INDEX events_transaction_order ON events (transaction_id, global_position);

-- Immutability, enforced by the database itself.
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON streams FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- A stream's head only moves forward, and its identity never changes.
CREATE FUNCTION ledger_stream_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stream_id <> OLD.stream_id OR NEW.type <> OLD.type OR NEW.created_at <> OLD.created_at
     OR NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'stream % can only move forward', OLD.stream_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER streams_forward_only BEFORE UPDATE ON streams FOR EACH ROW EXECUTE FUNCTION ledger_stream_forward_only();

-- The append: one call, one transaction, one round trip, for a batch of requests (group commit).
-- p_requests: [{ "streamId", "streamType", "expected": null | "no-stream" | "stream-exists" | n,
--               "events": [{ "eventId", "type", "schemaVersion", "data", "metadata", "occurredAt", "digest" }] }]
-- Returns one result per request, in order:
--   { "ok": true, "version": n, "positions": [..], "replay": bool }
--   { "ok": false, "code": "WrongExpectedVersion", "actual": n } | { "ok": false, "code": "EventIdConflict" }
-- A refused request writes nothing and does not affect the others in the batch.
--
-- Every stream of the batch is locked first, in key order (no deadlock between batches), before
-- the first write. A transaction is given its xid8 at its first write, so a writer that waited
-- for a stream's lock always gets a higher transaction id than the writer it waited for: within
-- a stream, (transaction_id, global_position) order is version order.
--
-- ledger_append is the set-based fast path: a handful of statements per batch, whatever its size.
-- When any event id of the batch is already recorded (a retry), its writes are rolled back and
-- the whole batch goes to ledger_append_checked, which decides request by request whether it is
-- an idempotent replay.

CREATE FUNCTION ledger_append_checked(p_requests jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_lock_key  bigint;
  v_request   jsonb;
  v_event     jsonb;
  v_results   jsonb := '[]'::jsonb;
  v_recorded  timestamptz := date_trunc('milliseconds', now());
  v_recorded_text text := to_char(date_trunc('milliseconds', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_stream    text;
  v_expected  jsonb;
  v_current   bigint;
  v_last_hash text;
  v_exists    boolean;
  v_version   bigint;
  v_position  bigint;
  v_positions bigint[];
  v_ids       uuid[];
  v_found     record;
BEGIN
  -- Lock every stream of the batch, in key order (no deadlock between batches), before the first
  -- write. A transaction is given its xid8 at its first write, so a writer that waited for a
  -- stream's lock always gets a higher transaction id than the writer it waited for: within a
  -- stream, (transaction_id, global_position) order is version order.
  FOR v_lock_key IN
    SELECT DISTINCT hashtextextended(r ->> 'streamId', 0) AS k FROM jsonb_array_elements(p_requests) r ORDER BY k
  LOOP
    PERFORM pg_advisory_xact_lock(v_lock_key);
  END LOOP;

  FOR v_request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    v_stream := v_request ->> 'streamId';
    v_expected := v_request -> 'expected';
    SELECT array_agg((e ->> 'eventId')::uuid ORDER BY ord) INTO v_ids
      FROM jsonb_array_elements(v_request -> 'events') WITH ORDINALITY AS x(e, ord);

    -- Idempotency: the same event ids again return the original positions.
    SELECT count(*) AS found,
           coalesce(bool_and(e.stream_id = v_stream), false) AS same_stream,
           count(DISTINCT e.stream_version - r.ord) = 1 AS in_order
      INTO v_found
      FROM unnest(v_ids) WITH ORDINALITY AS r(id, ord)
      JOIN events e ON e.event_id = r.id;
    IF v_found.found > 0 THEN
      IF v_found.found = cardinality(v_ids) AND v_found.same_stream AND v_found.in_order THEN
        SELECT jsonb_build_object('ok', true, 'replay', true,
                 'version', max(e.stream_version),
                 'positions', jsonb_agg(e.global_position ORDER BY e.stream_version))
          INTO v_request
          FROM events e WHERE e.event_id = ANY (v_ids);
        v_results := v_results || jsonb_build_array(v_request);
      ELSE
        v_results := v_results || jsonb_build_array(jsonb_build_object('ok', false, 'code', 'EventIdConflict'));
      END IF;
      CONTINUE;
    END IF;

    SELECT s.version, s.last_hash INTO v_current, v_last_hash FROM streams s WHERE s.stream_id = v_stream;
    v_exists := FOUND;
    IF NOT v_exists THEN
      v_current := 0;
      v_last_hash := repeat('0', 64);
    END IF;

    IF NOT (v_expected IS NULL OR v_expected = 'null'::jsonb
            OR (v_expected = '"no-stream"'::jsonb AND NOT v_exists)
            OR (v_expected = '"stream-exists"'::jsonb AND v_exists)
            OR (jsonb_typeof(v_expected) = 'number' AND v_expected::text::bigint = v_current)) THEN
      v_results := v_results || jsonb_build_array(
        jsonb_build_object('ok', false, 'code', 'WrongExpectedVersion', 'actual', v_current));
      CONTINUE;
    END IF;

    v_version := v_current;
    v_positions := '{}';
    FOR v_event IN SELECT e FROM jsonb_array_elements(v_request -> 'events') WITH ORDINALITY AS x(e, ord) ORDER BY ord LOOP
      v_version := v_version + 1;
      v_position := nextval('events_global_position_seq');
      INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, occurred_at, recorded_at, prev_hash, hash)
      VALUES (v_position, v_stream, v_version, (v_event ->> 'eventId')::uuid, v_event ->> 'type',
              (v_event ->> 'schemaVersion')::integer, v_event -> 'data', v_event -> 'metadata',
              (v_event ->> 'occurredAt')::timestamptz, v_recorded, v_last_hash,
              encode(sha256(convert_to(
                'ledger-event-v1' || E'\n' || v_last_hash || E'\n' || v_stream || E'\n' || v_version::text
                || E'\n' || v_recorded_text || E'\n' || (v_event ->> 'digest'), 'UTF8')), 'hex'))
      RETURNING hash INTO v_last_hash;
      v_positions := v_positions || v_position;
    END LOOP;

    IF v_exists THEN
      UPDATE streams SET version = v_version, last_hash = v_last_hash, updated_at = v_recorded
       WHERE stream_id = v_stream;
    ELSE
      INSERT INTO streams (stream_id, type, version, last_hash, created_at, updated_at)
      VALUES (v_stream, coalesce(v_request ->> 'streamType', split_part(v_stream, '-', 1)), v_version,
              v_last_hash, v_recorded, v_recorded);
    END IF;

    v_results := v_results || jsonb_build_array(jsonb_build_object(
      'ok', true, 'replay', false, 'version', v_version, 'positions', to_jsonb(v_positions)));
  END LOOP;

  RETURN v_results;
END $$;

CREATE FUNCTION ledger_append(p_requests jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_recorded      timestamptz := date_trunc('milliseconds', now());
  v_recorded_text text := to_char(date_trunc('milliseconds', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  -- the requests
  r_stream   text[];
  r_type     text[];
  r_expected jsonb[];
  r_count    int[];
  -- every event of the batch, in request order, read once from the JSON
  e_id       uuid[];
  e_type     text[];
  e_schema   int[];
  e_data     jsonb[];
  e_metadata jsonb[];
  e_occurred timestamptz[];
  e_digest   text[];
  e_stream   text[];
  -- filled in for the events of accepted requests only
  e_position bigint[];
  e_version  bigint[];
  e_prev     text[];
  e_hash     text[];
  -- the heads of the batch's streams, as they move
  s_id       text[];
  s_type     text[];
  s_version  bigint[];
  s_hash     text[];
  s_touched  boolean[];
  v_results  jsonb[] := '{}';
  v_written  boolean := false;
  i int; j int; k int; si int; v_current bigint; v_expected jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(key)
     FROM (SELECT DISTINCT hashtextextended(r ->> 'streamId', 0) AS key FROM jsonb_array_elements(p_requests) r ORDER BY key) keys;

  -- The optimistic path checks no event id beforehand: the unique index catches a repeated one, and
  -- then the whole batch is decided again, request by request, by ledger_append_checked.
  BEGIN

    -- Project the scalars first (OFFSET 0 keeps this a separate step): sorting rows that still
    -- carried each whole request would copy the batch once per event.
    SELECT array_agg(t.id ORDER BY t.qo, t.xo), array_agg(t.type ORDER BY t.qo, t.xo),
           array_agg(t.schema ORDER BY t.qo, t.xo), array_agg(t.data ORDER BY t.qo, t.xo),
           array_agg(t.metadata ORDER BY t.qo, t.xo), array_agg(t.occurred ORDER BY t.qo, t.xo),
           array_agg(t.digest ORDER BY t.qo, t.xo), array_agg(t.stream ORDER BY t.qo, t.xo)
      INTO e_id, e_type, e_schema, e_data, e_metadata, e_occurred, e_digest, e_stream
      FROM (SELECT q.ord AS qo, x.ord AS xo, (x.ev ->> 'eventId')::uuid AS id, x.ev ->> 'type' AS type,
                   (x.ev ->> 'schemaVersion')::integer AS schema, x.ev -> 'data' AS data, x.ev -> 'metadata' AS metadata,
                   (x.ev ->> 'occurredAt')::timestamptz AS occurred, x.ev ->> 'digest' AS digest, q.r ->> 'streamId' AS stream
              FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS q(r, ord),
                   jsonb_array_elements(q.r -> 'events') WITH ORDINALITY AS x(ev, ord)
            OFFSET 0) t;

    SELECT array_agg(r ->> 'streamId' ORDER BY ord),
           array_agg(coalesce(r ->> 'streamType', split_part(r ->> 'streamId', '-', 1)) ORDER BY ord),
           array_agg(coalesce(r -> 'expected', 'null'::jsonb) ORDER BY ord),
           array_agg(jsonb_array_length(r -> 'events') ORDER BY ord)
      INTO r_stream, r_type, r_expected, r_count
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS q(r, ord);

    SELECT coalesce(array_agg(s.stream_id), '{}'), coalesce(array_agg(s.type), '{}'), coalesce(array_agg(s.version), '{}'),
           coalesce(array_agg(s.last_hash::text), '{}'), coalesce(array_agg(false), '{}')
      INTO s_id, s_type, s_version, s_hash, s_touched
      FROM streams s WHERE s.stream_id = ANY (r_stream);

    k := 0;
    FOR i IN 1 .. cardinality(r_stream) LOOP
      si := array_position(s_id, r_stream[i]);
      IF si IS NULL THEN
        si := cardinality(s_id) + 1;
        s_id[si] := r_stream[i]; s_type[si] := r_type[i]; s_version[si] := 0;
        s_hash[si] := repeat('0', 64); s_touched[si] := false;
      END IF;
      v_current := s_version[si];
      v_expected := r_expected[i];
      IF v_expected = 'null'::jsonb
         OR (v_expected = '"no-stream"'::jsonb AND v_current = 0)
         OR (v_expected = '"stream-exists"'::jsonb AND v_current > 0)
         OR (jsonb_typeof(v_expected) = 'number' AND v_expected::text::bigint = v_current) THEN
        FOR j IN 1 .. r_count[i] LOOP
          k := k + 1;
          e_version[k] := s_version[si] + 1;
          e_position[k] := nextval('events_global_position_seq');
          e_prev[k] := s_hash[si];
          e_hash[k] := encode(sha256(convert_to(
            'ledger-event-v1' || E'\n' || s_hash[si] || E'\n' || r_stream[i] || E'\n' || e_version[k]::text
            || E'\n' || v_recorded_text || E'\n' || e_digest[k], 'UTF8')), 'hex');
          s_version[si] := e_version[k];
          s_hash[si] := e_hash[k];
        END LOOP;
        s_touched[si] := true;
        v_written := true;
        -- The request's positions are the last r_count[i] assigned (not one jsonb concatenation per event).
        v_results[i] := jsonb_build_object('ok', true, 'replay', false, 'version', s_version[si],
                                           'positions', to_jsonb(e_position[k - r_count[i] + 1 : k]));
      ELSE
        -- A retry of an append that was recorded is a replay, not a conflict: let the checked path decide.
        IF EXISTS (SELECT 1 FROM events WHERE event_id = ANY (e_id[k + 1 : k + r_count[i]])) THEN
          RETURN ledger_append_checked(p_requests);
        END IF;
        k := k + r_count[i];
        e_position[k] := NULL; -- keeps the arrays as long as the batch
        v_results[i] := jsonb_build_object('ok', false, 'code', 'WrongExpectedVersion', 'actual', v_current);
      END IF;
    END LOOP;

    IF v_written THEN
      INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, occurred_at, recorded_at, prev_hash, hash)
      SELECT e.position, e.stream, e.version, e.id, e.type, e.schema, e.data, e.metadata, e.occurred, v_recorded, e.prev, e.hash
        FROM unnest(e_position, e_stream, e_version, e_id, e_type, e_schema, e_data, e_metadata, e_occurred, e_prev, e_hash)
             AS e(position, stream, version, id, type, schema, data, metadata, occurred, prev, hash)
       WHERE e.position IS NOT NULL
       ORDER BY e.position;

      INSERT INTO streams AS s (stream_id, type, version, last_hash, created_at, updated_at)
      SELECT t.id, t.type, t.version, t.hash, v_recorded, v_recorded
        FROM unnest(s_id, s_type, s_version, s_hash, s_touched) AS t(id, type, version, hash, touched)
       WHERE t.touched
      ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash, updated_at = excluded.updated_at;
    END IF;

    RETURN to_jsonb(v_results);
  EXCEPTION WHEN unique_violation THEN
    RETURN ledger_append_checked(p_requests);
  END;
END $$;

-- The append's lookups must use their indexes from the first call on a new, empty database
-- (whose statistics would favour sequential scans that grow with the log), and its plans are
-- reused, not re-planned, on every call.
ALTER FUNCTION ledger_append(jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION ledger_append(jsonb) SET enable_seqscan = off;
ALTER FUNCTION ledger_append_checked(jsonb) SET enable_seqscan = off;

-- The application role may only read and append. (Created when the migrating user may create roles.)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN
    CREATE ROLE ledger_app NOLOGIN;
  END IF;
  GRANT SELECT, INSERT ON events TO ledger_app;
  GRANT SELECT, INSERT, UPDATE ON streams TO ledger_app;
  GRANT USAGE ON SEQUENCE events_global_position_seq TO ledger_app;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'ledger_app role not created: the migrating user may not create roles';
END $$;
