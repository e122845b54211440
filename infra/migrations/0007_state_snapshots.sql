-- 0007: snapshots of a stream's folded state, a cache beside the log (docs/adr/0010-state-snapshots.md).
--
-- Never part of the record: no hash covers them, verify, proofs, replay and audit packs never read
-- them, and deleting every row loses nothing but time. A snapshot is used only while
--   * it was folded by the same code (code_version: a digest of the deciders' sources), and
--   * the event at its version still has the hash it was folded from (event_hash, joined on read),
--   * it holds no name whose key has been destroyed: a state with personal names is encrypted under
--     a key derived from every one of their keys (key_ids), so `ledger forget` shreds it too.
-- last_occurred_at is the latest occurredAt among versions 1..stream_version (events may be entered
-- out of date order): the snapshot serves a state "as at" T only when it is not after T.
CREATE TABLE state_snapshots (
  stream_id        text        NOT NULL,
  state_kind       text        NOT NULL,
  code_version     text        NOT NULL,
  stream_version   bigint      NOT NULL CHECK (stream_version >= 1),
  event_hash       char(64)    NOT NULL,
  last_occurred_at timestamptz NOT NULL,
  key_ids          uuid[]      NOT NULL,
  state            bytea       NOT NULL,
  taken_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, state_kind, code_version, stream_version)
);

-- The application may read and add snapshots, not change one; pruning old code versions is the owner's.
CREATE FUNCTION ledger_grant_app_snapshots() RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN
    REVOKE ALL ON state_snapshots FROM ledger_app;
    GRANT SELECT, INSERT ON state_snapshots TO ledger_app;
  END IF;
END $$;
SELECT ledger_grant_app_snapshots();
