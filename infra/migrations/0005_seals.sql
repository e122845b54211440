-- 0005: signed seals over the whole log, the Merkle tree they sign, the read-access log, and the
-- per-person keys that make personal data erasable. See docs/integrity.md and
-- docs/adr/0006-seals-and-proofs.md.
--
-- Every table here but personal_data_keys is append-only, like the log: the application role
-- (ledger_app) may read them and add to them only through the SECURITY DEFINER functions below,
-- which check what they are given; the triggers of 0001 refuse UPDATE, DELETE and TRUNCATE.

-- A seal: one signed tree head. The statement is the exact text the sealer signed (docs/integrity.md,
-- "ledger-seal-v1"); the columns are its fields, and ledger_seal refuses a row whose statement is not
-- the statement of its columns, or that does not extend the previous seal.
CREATE TABLE seals (
  seq                    bigint      PRIMARY KEY CHECK (seq >= 1),
  tree_size              bigint      NOT NULL CHECK (tree_size >= 1),
  event_count            bigint      NOT NULL CHECK (event_count >= 0),
  access_count           bigint      NOT NULL CHECK (access_count >= 0),
  root_hash              char(64)    NOT NULL,
  previous_seal_hash     char(64)    NOT NULL,
  sealed_at              timestamptz NOT NULL,
  key_id                 char(64)    NOT NULL,
  public_key             text        NOT NULL,
  statement              text        NOT NULL,
  signature              text        NOT NULL,
  seal_hash              char(64)    NOT NULL UNIQUE,
  -- Where the sealer stopped reading: the event store's checkpoint (port Checkpoint) and the access
  -- log's last id. Not signed: they are how this store finds its place, not what the seal states.
  through_transaction_id text        NOT NULL,
  through_position       bigint      NOT NULL,
  through_access_id      bigint      NOT NULL,
  recorded_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (tree_size = event_count + access_count)
);

-- The tree's perfect subtrees (level L, index i covers leaves [i·2^L, (i+1)·2^L)), each stored once,
-- when it is complete: enough to serve any inclusion or consistency proof in O(log n) reads.
-- A cache of what verify recomputes from the log: a wrong node can only make a proof fail.
-- A leaf (level 0) also names what it seals, `event:<event id>` or `read-access:<id>`: how a proof
-- finds its leaf, and how verify names the event a seal no longer matches.
CREATE TABLE merkle_nodes (
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
  idx   bigint   NOT NULL CHECK (idx >= 0),
  hash  bytea    NOT NULL CHECK (octet_length(hash) = 32),
  ref   text     CHECK ((level = 0) = (ref IS NOT NULL)),
  PRIMARY KEY (level, idx)
);
CREATE UNIQUE INDEX merkle_nodes_ref ON merkle_nodes (ref) WHERE ref IS NOT NULL;

-- Who read which collaboration's restricted data, when, through which route. Written in batches,
-- off the request path (libs/integrity/src/read-access/), sealed into the same tree as the events.
CREATE TABLE read_access_log (
  id               bigint      PRIMARY KEY,
  accessed_at      timestamptz NOT NULL,
  person_id        text        NOT NULL,
  role             text        NOT NULL,
  force            text,
  collaboration_id uuid,
  resource         text        NOT NULL,
  route            text        NOT NULL,
  correlation_id   text,
  client_ip        text,
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX read_access_log_collaboration ON read_access_log (collaboration_id, id);
CREATE SEQUENCE read_access_log_id_seq AS bigint OWNED BY read_access_log.id;

CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER seals_no_truncate BEFORE TRUNCATE ON seals FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER merkle_nodes_no_truncate BEFORE TRUNCATE ON merkle_nodes FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER read_access_log_no_update BEFORE UPDATE ON read_access_log FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER read_access_log_no_delete BEFORE DELETE ON read_access_log FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER read_access_log_no_truncate BEFORE TRUNCATE ON read_access_log FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- Records a seal and the perfect subtrees it completed, in one transaction. The seal must be the next
-- one (seq, previous seal hash), extend the tree (sizes, time), and its statement and seal hash must be
-- those of its fields; the nodes' leaves must be exactly the seal's new leaves. The signature is
-- Ed25519, which SQL cannot check: `ledger verify` does, with the keys held outside the database.
CREATE FUNCTION ledger_seal(p_seal jsonb, p_levels smallint[], p_indexes bigint[], p_hashes bytea[], p_refs text[]) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_prev      seals%ROWTYPE;
  v_seq       bigint := (p_seal ->> 'seq')::bigint;
  v_size      bigint := (p_seal ->> 'treeSize')::bigint;
  v_sealed_at timestamptz := (p_seal ->> 'sealedAt')::timestamptz;
  v_statement text;
  v_leaves    bigint;
BEGIN
  -- One sealer at a time, whatever process it runs in.
  PERFORM pg_advisory_xact_lock(7210522005);
  SELECT * INTO v_prev FROM seals ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND THEN
    v_prev.seq := 0; v_prev.tree_size := 0; v_prev.event_count := 0; v_prev.access_count := 0;
    v_prev.seal_hash := repeat('0', 64); v_prev.sealed_at := '-infinity'; v_prev.through_access_id := 0;
  END IF;
  IF v_seq <> v_prev.seq + 1 OR p_seal ->> 'previousSealHash' IS DISTINCT FROM v_prev.seal_hash::text THEN
    RAISE EXCEPTION 'seal % does not follow seal % (%)', v_seq, v_prev.seq, v_prev.seal_hash USING ERRCODE = 'check_violation';
  END IF;
  IF v_size <= v_prev.tree_size OR (p_seal ->> 'eventCount')::bigint < v_prev.event_count OR (p_seal ->> 'accessCount')::bigint < v_prev.access_count
     OR v_sealed_at < v_prev.sealed_at OR (p_seal ->> 'throughAccessId')::bigint < v_prev.through_access_id THEN
    RAISE EXCEPTION 'seal % does not extend seal %', v_seq, v_prev.seq USING ERRCODE = 'check_violation';
  END IF;
  IF v_sealed_at <> date_trunc('milliseconds', v_sealed_at)
     OR to_char(v_sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') IS DISTINCT FROM p_seal ->> 'sealedAt' THEN
    RAISE EXCEPTION 'seal %: sealedAt must be ISO 8601 UTC with milliseconds', v_seq USING ERRCODE = 'check_violation';
  END IF;
  v_statement := concat_ws(E'\n', 'ledger-seal-v1', v_seq::text, v_size::text, p_seal ->> 'eventCount', p_seal ->> 'accessCount',
                           p_seal ->> 'rootHash', p_seal ->> 'previousSealHash', p_seal ->> 'sealedAt', p_seal ->> 'keyId');
  IF v_statement IS DISTINCT FROM p_seal ->> 'statement'
     OR encode(sha256(convert_to(v_statement, 'UTF8')), 'hex') IS DISTINCT FROM p_seal ->> 'sealHash' THEN
    RAISE EXCEPTION 'seal %: its statement or seal hash is not that of its fields', v_seq USING ERRCODE = 'check_violation';
  END IF;
  -- The new leaves, exactly: [previous tree size, new tree size).
  SELECT count(*) INTO v_leaves FROM unnest(p_levels, p_indexes) AS n(level, idx) WHERE n.level = 0;
  IF v_leaves <> v_size - v_prev.tree_size
     OR EXISTS (SELECT 1 FROM unnest(p_levels, p_indexes) AS n(level, idx) WHERE n.level = 0 AND (n.idx < v_prev.tree_size OR n.idx >= v_size))
     OR EXISTS (SELECT 1 FROM unnest(p_levels, p_indexes) AS n(level, idx) WHERE (n.idx + 1) * (2::numeric ^ n.level) > v_size) THEN
    RAISE EXCEPTION 'seal %: the nodes given are not the new leaves of the tree and the subtrees they complete', v_seq USING ERRCODE = 'check_violation';
  END IF;

  INSERT INTO seals (seq, tree_size, event_count, access_count, root_hash, previous_seal_hash, sealed_at, key_id, public_key, statement,
                     signature, seal_hash, through_transaction_id, through_position, through_access_id)
  VALUES (v_seq, v_size, (p_seal ->> 'eventCount')::bigint, (p_seal ->> 'accessCount')::bigint, p_seal ->> 'rootHash', p_seal ->> 'previousSealHash',
          v_sealed_at, p_seal ->> 'keyId', p_seal ->> 'publicKey', v_statement, p_seal ->> 'signature', p_seal ->> 'sealHash',
          p_seal ->> 'throughTransactionId', (p_seal ->> 'throughPosition')::bigint, (p_seal ->> 'throughAccessId')::bigint);
  INSERT INTO merkle_nodes (level, idx, hash, ref) SELECT * FROM unnest(p_levels, p_indexes, p_hashes, p_refs);
END $$;

-- Appends a batch of read-access entries. Ids are handed out under a lock held until commit, so they
-- are visible in their order: a reader that sees entry n sees every entry before it (the sealer
-- reads the log by id and never skips one committed late). Returns the ids given.
CREATE FUNCTION ledger_log_access(p_entries jsonb) RETURNS bigint[] LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_ids bigint[];
BEGIN
  PERFORM pg_advisory_xact_lock(7210522006);
  WITH given AS (
    SELECT x.e, x.ord, nextval('read_access_log_id_seq') AS id
      FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, ord) ORDER BY x.ord
  ), inserted AS (
    INSERT INTO read_access_log (id, accessed_at, person_id, role, force, collaboration_id, resource, route, correlation_id, client_ip)
    SELECT g.id, (g.e ->> 'accessedAt')::timestamptz, g.e ->> 'personId', g.e ->> 'role', g.e ->> 'force', (g.e ->> 'collaborationId')::uuid,
           g.e ->> 'resource', g.e ->> 'route', g.e ->> 'correlationId', g.e ->> 'clientIp'
      FROM given g ORDER BY g.ord
    RETURNING id
  )
  SELECT array_agg(id ORDER BY id) INTO v_ids FROM inserted;
  RETURN v_ids;
END $$;

-- Per-person keys for personal data (docs/integrity.md, "Personal data and erasure"). The one table
-- of the ledger that changes: a key is destroyed by setting it to NULL (`ledger forget`), and a row
-- is never deleted, so that the erasure itself stays on record. Nothing else may change a row.
CREATE TABLE personal_data_keys (
  key_id     uuid        PRIMARY KEY,
  person_id  text        NOT NULL,
  key        bytea       CHECK (key IS NULL OR octet_length(key) = 32),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  erased_at  timestamptz,
  CHECK ((key IS NULL) = (erased_at IS NOT NULL))
);
-- At most one live key per person.
CREATE UNIQUE INDEX personal_data_keys_live ON personal_data_keys (person_id) WHERE key IS NOT NULL;

CREATE FUNCTION ledger_personal_key_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.key_id <> OLD.key_id OR NEW.person_id <> OLD.person_id OR NEW.created_at <> OLD.created_at
     OR OLD.key IS NULL OR NEW.key IS NOT NULL THEN
    RAISE EXCEPTION 'a personal-data key can only be destroyed, never changed or restored' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER personal_data_keys_erase_only BEFORE UPDATE ON personal_data_keys FOR EACH ROW EXECUTE FUNCTION ledger_personal_key_erase_only();
CREATE TRIGGER personal_data_keys_no_delete BEFORE DELETE ON personal_data_keys FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER personal_data_keys_no_truncate BEFORE TRUNCATE ON personal_data_keys FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- The person's live key, made from the candidate given when there is none (the caller draws it from
-- a CSPRNG; SQL has none without pgcrypto). Two callers at once get the same key.
CREATE FUNCTION ledger_personal_data_key(p_person text, p_candidate bytea) RETURNS TABLE (key_id uuid, key bytea) LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
BEGIN
  INSERT INTO personal_data_keys (key_id, person_id, key) VALUES (gen_random_uuid(), p_person, p_candidate)
    ON CONFLICT (person_id) WHERE key IS NOT NULL DO NOTHING;
  RETURN QUERY SELECT k.key_id, k.key FROM personal_data_keys k WHERE k.person_id = p_person AND k.key IS NOT NULL;
END $$;

-- Destroys every live key of a person: what was encrypted with them can never be read again. The
-- owner's act (`ledger forget`), never the application's. Returns how many keys were destroyed.
CREATE FUNCTION ledger_forget_person(p_person text) RETURNS integer LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_count integer;
BEGIN
  UPDATE personal_data_keys SET key = NULL, erased_at = clock_timestamp() WHERE person_id = p_person AND key IS NOT NULL;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION ledger_seal(jsonb, smallint[], bigint[], bytea[], text[]), ledger_log_access(jsonb),
                       ledger_personal_data_key(text, bytea), ledger_forget_person(text) FROM PUBLIC;

-- What the application role may do with these tables, granted at every start (migrations.ts calls
-- every ledger_grant_app* function), so a role created after this migration gets it too: read them,
-- and add to them through the functions above. Destroying a key stays the owner's.
CREATE FUNCTION ledger_grant_app_integrity() RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN
    REVOKE ALL ON seals, merkle_nodes, read_access_log, personal_data_keys FROM ledger_app;
    REVOKE ALL ON SEQUENCE read_access_log_id_seq FROM ledger_app;
    GRANT SELECT ON seals, merkle_nodes, read_access_log, personal_data_keys TO ledger_app;
    GRANT EXECUTE ON FUNCTION ledger_seal(jsonb, smallint[], bigint[], bytea[], text[]), ledger_log_access(jsonb),
                              ledger_personal_data_key(text, bytea) TO ledger_app;
  END IF;
END $$;
SELECT ledger_grant_app_integrity();
