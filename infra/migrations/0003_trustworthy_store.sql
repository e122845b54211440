-- 0003: a store the application cannot forge, and clocks that never run backwards.
-- See docs/integrity.md (threat model) and docs/adr/0001-event-store.md.
--
-- 1. Every event written other than by ledger_append is completed by the database itself (its
--    transaction id, its recorded time, its link to the previous event of its stream, its hash) and
--    refused unless it extends its stream's head; a stream's head moves only with its event.
--    ledger_append's own writes (the application's only way to write) are built the same way by
--    the function and skip these row triggers, which cost a third of the throughput on every row.
-- 2. Recorded time is taken after the streams are locked, in one short critical section that also
--    gives the transaction its id; it is never earlier than the last recorded time handed out nor
--    than the heads of the streams written. So within a stream and along the gap-free global order
--    (transaction id, position), recorded time never goes backwards.
-- 3. An event id already recorded with other content is a conflict, never a silent replay: content
--    digests are compared, not ids alone. The same request twice in one batch is a replay.
-- 4. The application role may only read and EXECUTE ledger_append (SECURITY DEFINER, pinned
--    search_path); it cannot insert or update the log directly.

-- The writer's RFC 8785 content digest, kept with the event (NULL for events recorded before 0003;
-- `verify` recomputes every digest from the stored fields either way).
ALTER TABLE events ADD COLUMN content_digest char(64);

-- The last recorded time handed out, in milliseconds since the epoch. A sequence, because it is
-- not transactional: a time handed out is never handed out again, whatever rolls back.
CREATE SEQUENCE ledger_recorded_clock AS bigint MINVALUE 0 START 0;

-- The recorded time of this transaction's events (see 2 above). Also records it for the insert
-- trigger in the transaction-local setting ledger.recorded_ms.
CREATE FUNCTION ledger_clock(p_not_before timestamptz) RETURNS timestamptz LANGUAGE plpgsql
SET search_path = pg_catalog, public AS $$
DECLARE
  v_ms bigint;
BEGIN
  PERFORM pg_advisory_lock(7210522003);
  BEGIN
    -- The transaction's id is given here, inside the section, so ids and times are handed out in one order.
    PERFORM pg_current_xact_id();
    v_ms := greatest(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint,
                     coalesce(pg_sequence_last_value('ledger_recorded_clock'), 0),
                     coalesce(ceil(extract(epoch FROM p_not_before) * 1000)::bigint, 0));
    PERFORM setval('ledger_recorded_clock', v_ms);
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock(7210522003);
    RAISE;
  END;
  PERFORM pg_advisory_unlock(7210522003);
  PERFORM set_config('ledger.recorded_ms', v_ms::text, true);
  RETURN to_timestamp(v_ms / 1000.0);
END $$;

-- The link of an event in its stream's chain (docs/integrity.md). Plain SQL, names qualified and
-- no SET clause, so the planner inlines it where it is used.
CREATE FUNCTION ledger_link(p_prev text, p_stream text, p_version bigint, p_recorded timestamptz, p_digest text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
    'ledger-event-v1' || E'\n' || p_prev || E'\n' || p_stream || E'\n' || p_version::text || E'\n'
    || pg_catalog.to_char(p_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || E'\n' || p_digest, 'UTF8')), 'hex')
$$;

-- Every event inserted other than by ledger_append is completed and checked by the database
-- itself: its transaction id is set to the inserting transaction's and its recorded time to the
-- ledger clock's (whatever the row said); its previous hash and hash, when not given, are computed;
-- and it is refused unless it extends its stream (the version before it exists and was not
-- recorded later, its previous hash is that event's hash, its hash is its link). ledger_append's
-- own rows are built the same way by the function (the only way the application can write) and
-- skip the trigger (its WHEN clause: no per-row cost on the hot path); the contract suite and
-- `verify` check them.
CREATE FUNCTION ledger_event_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_prev_hash     text := '0000000000000000000000000000000000000000000000000000000000000000';
  v_prev_recorded timestamptz := '-infinity';
  v_ms            text;
  v_link          text;
BEGIN
  IF NEW.content_digest IS NULL THEN
    RAISE EXCEPTION 'event % has no content digest', NEW.event_id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.stream_version > 1 THEN
    SELECT e.hash, e.recorded_at INTO v_prev_hash, v_prev_recorded FROM public.events e WHERE e.stream_id = NEW.stream_id AND e.stream_version = NEW.stream_version - 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'event % (version %) does not extend its stream %: version % is missing', NEW.event_id, NEW.stream_version, NEW.stream_id, NEW.stream_version - 1
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  v_ms := pg_catalog.current_setting('ledger.recorded_ms', true);
  IF v_ms IS NULL OR v_ms = '' THEN
    PERFORM public.ledger_clock(v_prev_recorded);
    v_ms := pg_catalog.current_setting('ledger.recorded_ms', true);
  END IF;
  NEW.transaction_id := pg_catalog.pg_current_xact_id();
  NEW.recorded_at := pg_catalog.to_timestamp(v_ms::bigint / 1000.0);
  IF NEW.recorded_at < v_prev_recorded THEN
    RAISE EXCEPTION 'event % would be recorded before the event it follows in its stream %', NEW.event_id, NEW.stream_id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.prev_hash IS NOT NULL AND NEW.prev_hash <> v_prev_hash THEN
    RAISE EXCEPTION 'event % does not extend its stream %: its previous hash is not the head''s', NEW.event_id, NEW.stream_id USING ERRCODE = 'check_violation';
  END IF;
  NEW.prev_hash := v_prev_hash;
  v_link := public.ledger_link(v_prev_hash, NEW.stream_id, NEW.stream_version, NEW.recorded_at, NEW.content_digest);
  IF NEW.hash IS NOT NULL AND NEW.hash <> v_link THEN
    RAISE EXCEPTION 'event % does not extend its stream %: its hash is not its link', NEW.event_id, NEW.stream_id USING ERRCODE = 'check_violation';
  END IF;
  NEW.hash := v_link;
  RETURN NEW;
END $$;
CREATE TRIGGER events_complete_and_check BEFORE INSERT ON events FOR EACH ROW
  WHEN (pg_catalog.current_setting('ledger.appending', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION ledger_event_insert();

-- A stream's head is its last event: written other than by ledger_append, it moves only with
-- that event, never on its own.
CREATE FUNCTION ledger_stream_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_hash     text;
  v_recorded timestamptz;
BEGIN
  SELECT e.hash, e.recorded_at INTO v_hash, v_recorded FROM public.events e WHERE e.stream_id = NEW.stream_id AND e.stream_version = NEW.version;
  IF NOT FOUND OR v_hash <> NEW.last_hash
     OR EXISTS (SELECT 1 FROM public.events e WHERE e.stream_id = NEW.stream_id AND e.stream_version = NEW.version + 1) THEN
    RAISE EXCEPTION 'the head of stream % moves only with its last event', NEW.stream_id USING ERRCODE = 'check_violation';
  END IF;
  NEW.updated_at := v_recorded;
  IF TG_OP = 'INSERT' THEN
    NEW.created_at := (SELECT e.recorded_at FROM public.events e WHERE e.stream_id = NEW.stream_id AND e.stream_version = 1);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER streams_head_is_its_last_event BEFORE INSERT OR UPDATE ON streams FOR EACH ROW
  WHEN (pg_catalog.current_setting('ledger.appending', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION ledger_stream_head();

-- Whether stored events are exactly the events of a request (same ids, one stream, in order, same content).
CREATE FUNCTION ledger_is_replay(p_stream text, p_events jsonb) RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, public AS $$
  SELECT count(*) = jsonb_array_length(p_events)
         AND bool_and(e.stream_id = p_stream)
         AND count(DISTINCT e.stream_version - x.ord) = 1
         AND bool_and(coalesce(e.content_digest = (x.ev ->> 'digest'),
                               e.hash = ledger_link(e.prev_hash, e.stream_id, e.stream_version, e.recorded_at, x.ev ->> 'digest')))
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(ev, ord)
    JOIN events e ON e.event_id = (x.ev ->> 'eventId')::uuid
$$;

-- The append, request by request: used when a batch holds an event id already recorded (a retry,
-- or the same request twice in one batch). Each request's events are inserted before the next
-- request is decided, so a repeat later in the batch meets them and is a replay.
CREATE OR REPLACE FUNCTION ledger_append_checked(p_requests jsonb) RETURNS jsonb LANGUAGE plpgsql
SET search_path = pg_catalog, public AS $$
DECLARE
  v_request   jsonb;
  v_results   jsonb := '[]'::jsonb;
  v_stream    text;
  v_expected  jsonb;
  v_current   bigint;
  v_exists    boolean;
  v_version   bigint;
  v_positions bigint[];
  v_last_hash text;
  v_hash      text;
  v_event     jsonb;
  v_position  bigint;
  v_any_known boolean;
  v_recorded  timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(key)
     FROM (SELECT DISTINCT hashtextextended(r ->> 'streamId', 0) AS key FROM jsonb_array_elements(p_requests) r ORDER BY key) keys;
  v_recorded := ledger_clock((SELECT max(s.updated_at) FROM streams s WHERE s.stream_id IN (SELECT r ->> 'streamId' FROM jsonb_array_elements(p_requests) r)));

  FOR v_request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    v_stream := v_request ->> 'streamId';
    v_expected := v_request -> 'expected';
    SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(v_request -> 'events') x(ev) JOIN events e ON e.event_id = (x.ev ->> 'eventId')::uuid) INTO v_any_known;
    IF v_any_known THEN
      IF ledger_is_replay(v_stream, v_request -> 'events') THEN
        v_results := v_results || (
          SELECT jsonb_build_array(jsonb_build_object('ok', true, 'replay', true, 'version', max(e.stream_version),
                                                      'positions', jsonb_agg(e.global_position ORDER BY e.stream_version)))
            FROM events e WHERE e.event_id IN (SELECT (x.ev ->> 'eventId')::uuid FROM jsonb_array_elements(v_request -> 'events') x(ev)));
      ELSE
        v_results := v_results || jsonb_build_array(jsonb_build_object('ok', false, 'code', 'EventIdConflict'));
      END IF;
      CONTINUE;
    END IF;

    SELECT s.version INTO v_current FROM streams s WHERE s.stream_id = v_stream;
    v_exists := FOUND;
    IF NOT v_exists THEN v_current := 0; END IF;
    IF NOT (v_expected IS NULL OR v_expected = 'null'::jsonb
            OR (v_expected = '"no-stream"'::jsonb AND NOT v_exists)
            OR (v_expected = '"stream-exists"'::jsonb AND v_exists)
            OR (jsonb_typeof(v_expected) = 'number' AND v_expected::text::bigint = v_current)) THEN
      v_results := v_results || jsonb_build_array(jsonb_build_object('ok', false, 'code', 'WrongExpectedVersion', 'actual', v_current));
      CONTINUE;
    END IF;

    SELECT s.last_hash INTO v_last_hash FROM streams s WHERE s.stream_id = v_stream;
    IF NOT FOUND THEN v_last_hash := repeat('0', 64); END IF;
    v_version := v_current;
    v_positions := '{}';
    PERFORM set_config('ledger.appending', 'on', true);
    FOR v_event IN SELECT x.ev FROM jsonb_array_elements(v_request -> 'events') WITH ORDINALITY AS x(ev, ord) ORDER BY x.ord LOOP
      v_version := v_version + 1;
      v_position := nextval('events_global_position_seq');
      v_hash := ledger_link(v_last_hash, v_stream, v_version, v_recorded, v_event ->> 'digest');
      INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at,
                          recorded_at, prev_hash, hash, content_digest)
      VALUES (v_position, v_stream, v_version, (v_event ->> 'eventId')::uuid, v_event ->> 'type', (v_event ->> 'schemaVersion')::integer,
              v_event -> 'data', v_event -> 'metadata', (v_event ->> 'occurredAt')::timestamptz, v_recorded, v_last_hash, v_hash, v_event ->> 'digest');
      v_last_hash := v_hash;
      v_positions := v_positions || v_position;
    END LOOP;

    IF v_exists THEN
      UPDATE streams SET version = v_version, last_hash = v_last_hash, updated_at = v_recorded WHERE stream_id = v_stream;
    ELSE
      INSERT INTO streams (stream_id, type, version, last_hash, created_at, updated_at)
      VALUES (v_stream, coalesce(v_request ->> 'streamType', split_part(v_stream, '-', 1)), v_version, v_last_hash, v_recorded, v_recorded);
    END IF;
    PERFORM set_config('ledger.appending', '', true);
    v_results := v_results || jsonb_build_array(jsonb_build_object('ok', true, 'replay', false, 'version', v_version, 'positions', to_jsonb(v_positions)));
  END LOOP;
  RETURN v_results;
END $$;

-- The set-based fast path: a handful of statements per batch, whatever its size. It numbers each
-- request's events from its stream's head, links and hashes them (ledger_link) with the one
-- recorded time of the transaction (ledger_clock, after the locks), and inserts them with the
-- stream heads; its own writes skip the row triggers, which would only redo this work.
CREATE OR REPLACE FUNCTION ledger_append(p_requests jsonb) RETURNS jsonb LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  r_stream   text[];
  r_type     text[];
  r_expected jsonb[];
  r_count    int[];
  e_id       uuid[];
  e_type     text[];
  e_schema   int[];
  e_data     jsonb[];
  e_metadata jsonb[];
  e_occurred timestamptz[];
  e_digest   text[];
  e_stream   text[];
  e_position bigint[];
  e_version  bigint[];
  e_prev     text[];
  e_hash     text[];
  s_id       text[];
  s_type     text[];
  s_version  bigint[];
  s_hash     text[];
  s_touched  boolean[];
  s_updated  timestamptz;
  v_recorded timestamptz;
  v_results  jsonb[] := '{}';
  v_written  boolean := false;
  i int; j int; k int; si int; v_current bigint; v_expected jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(key)
     FROM (SELECT DISTINCT hashtextextended(r ->> 'streamId', 0) AS key FROM jsonb_array_elements(p_requests) r ORDER BY key) keys;

  BEGIN
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

    -- The same event id twice in one batch (a retry that joined it): decided request by request.
    IF cardinality(e_id) <> (SELECT count(DISTINCT id) FROM unnest(e_id) id) THEN
      RETURN ledger_append_checked(p_requests);
    END IF;

    SELECT array_agg(r ->> 'streamId' ORDER BY ord),
           array_agg(coalesce(r ->> 'streamType', split_part(r ->> 'streamId', '-', 1)) ORDER BY ord),
           array_agg(coalesce(r -> 'expected', 'null'::jsonb) ORDER BY ord),
           array_agg(jsonb_array_length(r -> 'events') ORDER BY ord)
      INTO r_stream, r_type, r_expected, r_count
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS q(r, ord);

    SELECT coalesce(array_agg(s.stream_id), '{}'), coalesce(array_agg(s.type), '{}'), coalesce(array_agg(s.version), '{}'),
           coalesce(array_agg(s.last_hash::text), '{}'), coalesce(array_agg(false), '{}'), max(s.updated_at)
      INTO s_id, s_type, s_version, s_hash, s_touched, s_updated
      FROM streams s WHERE s.stream_id = ANY (r_stream);

    -- The transaction's id and recorded time, after the locks and before any write.
    v_recorded := ledger_clock(s_updated);

    k := 0;
    FOR i IN 1 .. cardinality(r_stream) LOOP
      si := array_position(s_id, r_stream[i]);
      IF si IS NULL THEN
        si := cardinality(s_id) + 1;
        s_id[si] := r_stream[i]; s_type[si] := r_type[i]; s_version[si] := 0; s_hash[si] := repeat('0', 64); s_touched[si] := false;
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
          e_hash[k] := ledger_link(s_hash[si], r_stream[i], e_version[k], v_recorded, e_digest[k]);
          s_version[si] := e_version[k];
          s_hash[si] := e_hash[k];
        END LOOP;
        s_touched[si] := true;
        v_written := true;
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
      PERFORM set_config('ledger.appending', 'on', true);
      INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at,
                          recorded_at, prev_hash, hash, content_digest)
      SELECT e.position, e.stream, e.version, e.id, e.type, e.schema, e.data, e.metadata, e.occurred, v_recorded, e.prev, e.hash, e.digest
        FROM unnest(e_position, e_stream, e_version, e_id, e_type, e_schema, e_data, e_metadata, e_occurred, e_prev, e_hash, e_digest)
             AS e(position, stream, version, id, type, schema, data, metadata, occurred, prev, hash, digest)
       WHERE e.position IS NOT NULL
       ORDER BY e.position;

      INSERT INTO streams AS s (stream_id, type, version, last_hash, created_at, updated_at)
      SELECT t.id, t.type, t.version, t.hash, v_recorded, v_recorded
        FROM unnest(s_id, s_type, s_version, s_hash, s_touched) AS t(id, type, version, hash, touched)
       WHERE t.touched
      ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash, updated_at = excluded.updated_at;
      PERFORM set_config('ledger.appending', '', true);
    END IF;

    RETURN to_jsonb(v_results);
  EXCEPTION WHEN unique_violation THEN
    RETURN ledger_append_checked(p_requests);
  END;
END $$;

ALTER FUNCTION ledger_append(jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION ledger_append(jsonb) SET enable_seqscan = off;
ALTER FUNCTION ledger_append_checked(jsonb) SET enable_seqscan = off;

-- Least privilege (see 4 above). The application role reads, and appends only through
-- ledger_append; read models live in its own schema. Created by the provisioning of the embedded
-- database and the tests (libs/event-store/src/postgres/roles.ts); a deployment creates it itself.
REVOKE ALL ON FUNCTION ledger_append(jsonb), ledger_append_checked(jsonb), ledger_clock(timestamptz), ledger_is_replay(text, jsonb) FROM PUBLIC;

-- What the application role may do, granted again at every start (migrations.ts), so a role
-- created after this migration gets it too. Earlier grants (0001: INSERT, UPDATE) are withdrawn.
CREATE FUNCTION ledger_grant_app() RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN
    REVOKE ALL ON events, streams, schema_migrations FROM ledger_app;
    REVOKE ALL ON SEQUENCE events_global_position_seq, ledger_recorded_clock FROM ledger_app;
    GRANT SELECT ON events, streams TO ledger_app;
    GRANT EXECUTE ON FUNCTION ledger_append(jsonb) TO ledger_app;
  END IF;
END $$;
SELECT ledger_grant_app();
