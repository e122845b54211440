-- 0006: importing a ledger copied from another store (`ledger migrate-store`), keeping what was
-- recorded: event ids, each event's recorded time, previous hash and hash. See
-- docs/adr/0005-eventstoredb-adapter.md ("Copying a ledger between stores").
--
-- ledger_append sets the recorded time and computes the links itself, and the insert trigger does
-- the same for any other row (0003): neither can keep a recorded time or a hash made elsewhere, and
-- a copy that recomputed them would no longer match the hashes an auditor already holds. This is
-- the one deliberate path that keeps them, and it refuses anything that is not an exact extension
-- of the log as it stands:
--   * only the owner role may execute it (not ledger_app): importing is an operator's act;
--   * each event must extend its stream exactly: its version is the head's plus one, its previous
--     hash is the head's hash, and its hash is the link recomputed here (ledger_link) from the
--     previous hash, stream, version, recorded time and content digest;
--   * its recorded time is kept only if it is not earlier than its stream's head nor than the last
--     recorded time the log has handed out (ledger_recorded_clock): the imported log, like one
--     written by ledger_append, never runs backwards within a stream or along its order, and the
--     clock is moved up to it, so later appends are never recorded before an imported event;
--   * the content digest is taken as given (RFC 8785 is not computed in SQL); `verify`, which
--     migrate-store runs on the copy, recomputes every digest from the stored fields.
-- Each call is one transaction: its events get this transaction's id and positions in the order
-- given, so the copy's gap-free order is the source's.
CREATE FUNCTION ledger_import(p_events jsonb) RETURNS integer LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_event     jsonb;
  v_stream    text;
  v_version   bigint;
  v_recorded  timestamptz;
  v_digest    text;
  v_prev      text;
  v_hash      text;
  v_head_version bigint;
  v_head_hash text;
  v_head_time timestamptz;
  v_exists    boolean;
  v_clock_ms  bigint;
  v_ms        bigint;
  v_count     integer := 0;
BEGIN
  -- Every stream of the call, locked in key order as ledger_append locks them, before any write.
  PERFORM pg_advisory_xact_lock(key)
     FROM (SELECT DISTINCT hashtextextended(e ->> 'streamId', 0) AS key FROM jsonb_array_elements(p_events) e ORDER BY key) keys;
  -- The same critical section as ledger_clock: one order for transaction ids and recorded times.
  PERFORM pg_advisory_lock(7210522003);
  BEGIN
    PERFORM pg_current_xact_id();
    v_clock_ms := coalesce(pg_sequence_last_value('ledger_recorded_clock'), 0);
    FOR v_event IN SELECT x.e FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord) ORDER BY x.ord LOOP
      v_stream := v_event ->> 'streamId';
      v_version := (v_event ->> 'streamVersion')::bigint;
      v_recorded := (v_event ->> 'recordedAt')::timestamptz;
      v_digest := v_event ->> 'contentDigest';
      v_prev := v_event ->> 'prevHash';
      v_hash := v_event ->> 'hash';
      v_ms := floor(extract(epoch FROM v_recorded) * 1000)::bigint;
      IF v_digest IS NULL OR v_digest !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'import refused: event % has no content digest', v_event ->> 'eventId' USING ERRCODE = 'check_violation';
      END IF;
      IF v_ms / 1000.0 <> extract(epoch FROM v_recorded) THEN
        RAISE EXCEPTION 'import refused: event % has a recorded time finer than milliseconds, which is not what was hashed', v_event ->> 'eventId' USING ERRCODE = 'check_violation';
      END IF;

      SELECT s.version, s.last_hash, s.updated_at INTO v_head_version, v_head_hash, v_head_time FROM streams s WHERE s.stream_id = v_stream;
      v_exists := FOUND;
      IF NOT v_exists THEN
        v_head_version := 0; v_head_hash := repeat('0', 64); v_head_time := '-infinity';
      END IF;
      IF v_version <> v_head_version + 1 OR v_prev IS DISTINCT FROM v_head_hash THEN
        RAISE EXCEPTION 'import refused: event % (version % of %) does not extend its stream, whose head is version %', v_event ->> 'eventId', v_version, v_stream, v_head_version
          USING ERRCODE = 'check_violation';
      END IF;
      IF v_hash IS DISTINCT FROM ledger_link(v_prev, v_stream, v_version, v_recorded, v_digest) THEN
        RAISE EXCEPTION 'import refused: event % (version % of %): its hash is not its link', v_event ->> 'eventId', v_version, v_stream USING ERRCODE = 'check_violation';
      END IF;
      IF v_recorded < v_head_time OR v_ms < v_clock_ms THEN
        RAISE EXCEPTION 'import refused: event % (version % of %) was recorded at %, before what the log has already recorded', v_event ->> 'eventId', v_version, v_stream, v_recorded
          USING ERRCODE = 'check_violation';
      END IF;
      v_clock_ms := v_ms;

      PERFORM set_config('ledger.appending', 'on', true);
      INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at,
                          recorded_at, prev_hash, hash, content_digest)
      VALUES (nextval('events_global_position_seq'), v_stream, v_version, (v_event ->> 'eventId')::uuid, v_event ->> 'type',
              (v_event ->> 'schemaVersion')::integer, v_event -> 'data', v_event -> 'metadata', (v_event ->> 'occurredAt')::timestamptz,
              v_recorded, v_prev, v_hash, v_digest);
      IF v_exists THEN
        UPDATE streams SET version = v_version, last_hash = v_hash, updated_at = v_recorded WHERE stream_id = v_stream;
      ELSE
        INSERT INTO streams (stream_id, type, version, last_hash, created_at, updated_at)
        VALUES (v_stream, coalesce(v_event ->> 'streamType', split_part(v_stream, '-', 1)), v_version, v_hash, v_recorded, v_recorded);
      END IF;
      PERFORM set_config('ledger.appending', '', true);
      v_count := v_count + 1;
    END LOOP;
    IF v_clock_ms > coalesce(pg_sequence_last_value('ledger_recorded_clock'), 0) THEN
      PERFORM setval('ledger_recorded_clock', v_clock_ms);
    END IF;
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock(7210522003);
    RAISE;
  END;
  PERFORM pg_advisory_unlock(7210522003);
  RETURN v_count;
END $$;

-- The owner's alone: not PUBLIC, never granted to ledger_app (ledger_grant_app grants only ledger_append).
REVOKE ALL ON FUNCTION ledger_import(jsonb) FROM PUBLIC;
