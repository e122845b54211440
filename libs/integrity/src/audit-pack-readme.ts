/**
 * The README.md of every audit pack. Fenced with ~~~ so that it can live in a template literal.
 * It restates what docs/integrity.md specifies, for an auditor who has only the pack.
 */
export const AUDIT_PACK_README = String.raw`# Audit pack: how to verify it

This folder is one collaboration's record from the governance ledger for police-to-police
collaboration: every event of the collaboration and of its decisions, benefits and recommendations,
and the log of who read its restricted data, each with a proof that it is in the ledger's signed,
append-only Merkle tree. You can check all of it offline, without trusting the ledger's operator,
and without the ledger's software. Everything is JSON (UTF-8) or CSV.

| file | what it holds |
|---|---|
| manifest.json | the collaboration, the head every proof leads to, the streams and their event counts, each file's SHA-256 |
| digest.json | the head: the signed tree head (seal) the proofs lead to. **Keep it**: next time, verify the new pack against it |
| seals.json | every seal from the first to the head: each is signed, and each names the one before (a hash chain) |
| public-keys.json | the Ed25519 public keys that signed the seals (keyId = SHA-256 of the raw 32-byte key) |
| events.json | each event with every stored field and its inclusion proof (leafIndex, treeSize, auditPath) |
| read-access.json | who read this collaboration's restricted data, when, through which route; each entry with its inclusion proof |
| consistency.json | (only when exported with --trusted) the proof that the head extends the digest you gave |
| timeline.csv | the events in the log's order, one line each: global_position, stream_id, stream_version, type, occurred_at, recorded_at, back_dated, recorded_by, role, event_id, hash |

## With the ledger's command line

~~~
npm run ledger -- verify-pack <this folder> --public-key <the key file you trust> [--trusted <the digest you kept>]
~~~

It needs no database and no network. Exit code 0: everything verifies; 3: something does not, and
each fault is named (the event, stream and version, or the seal). Without --public-key it checks the
seals against the pack's own keys and says so: compare the keyId with the fingerprint the ledger's
operator published, or with the key of a seal you collected yourself from the digest sink.

## Without the ledger's software

You need SHA-256, an RFC 8785 (JSON Canonicalization Scheme) library, and Ed25519 (OpenSSL 3 has
all but RFC 8785; Python's rfc8785 or JavaScript's canonicalize package provide it).

1. **The key.** For each entry of public-keys.json, SHA-256 of the base64-decoded publicKey (32
   bytes) must equal keyId, and keyId must be a key you trust.

2. **Each seal** (seals.json; digest.json is the last). Its statement is nine lines joined by a line
   feed, no line feed at the end:

   ~~~
   ledger-seal-v1
   <seq>
   <treeSize>
   <eventCount>
   <accessCount>
   <rootHash>
   <previousSealHash>
   <sealedAt>
   <keyId>
   ~~~

   Rebuild it from the fields and compare with statement; sealHash = hex(SHA-256(statement));
   the Ed25519 signature (base64) must verify over the statement's bytes with the key keyId names:

   ~~~
   jq -j '.statement' digest.json > statement.txt
   jq -r '.signature' digest.json | base64 -d > signature.bin
   jq -r '.[0].pem' public-keys.json > key.pem
   openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.txt -sigfile signature.bin
   ~~~

   Seal 1 names 64 zeros as previousSealHash; seal n+1 names seal n's sealHash, has a larger
   treeSize, and treeSize = eventCount + accessCount.

3. **Each event** (events.json, field event). Never trust a stored hash: recompute it.
   contentDigest = hex(SHA-256(UTF-8(JCS({eventId, type, schemaVersion, occurredAt, data,
   metadata})))); hash = hex(SHA-256(UTF-8(the six lines "ledger-event-v1", prevHash, streamId,
   streamVersion, recordedAt, contentDigest joined by line feeds))). It must equal the stored hash.
   Within a stream, version 1's prevHash is 64 zeros and each later version's prevHash is the hash
   of the version before.

4. **Each inclusion proof.** The leaf hash is SHA-256 of the byte 0x00 followed by the UTF-8 text
   "ledger-leaf-v1", a line feed, "event", a line feed, and the event's hash (for a read-access
   entry: "read-access" and the SHA-256 of the entry as RFC 8785 JSON with "format":
   "ledger-access-v1" added). For example:

   ~~~
   printf '\000ledger-leaf-v1\nevent\n%s' <hash> | sha256sum
   ~~~

   Then follow the audit path with RFC 9162 section 2.1.3.2: fn = leafIndex, sn = treeSize - 1,
   r = leaf hash; for each p in auditPath: if sn = 0, fail; if fn is odd or fn = sn, r =
   SHA-256(0x01 ‖ p ‖ r), and if fn is even, shift fn and sn right until fn is odd or 0; otherwise
   r = SHA-256(0x01 ‖ r ‖ p); then shift fn and sn right once. At the end sn must be 0 and r must
   equal the head's rootHash.

5. **Against the digest you kept from before** (a seal from the sink you collect, or the
   digest.json of your last pack): consistency.json proves, with RFC 9162 section 2.1.4.2, that the
   tree of your digest's size is the beginning of the head's tree: nothing you saw before was
   changed, removed or reordered since. If its seq is in seals.json, that seal must be byte for byte
   the one you kept.

What a pack cannot show: events recorded after its head (the next pack has them), and data the
ledger never recorded. Names of people who are not public office holders may appear as encrypted
envelopes ({"$erasable": …}): the hashes cover the ciphertext, so a person's data can be erased
(their key destroyed) without breaking any proof.
`;
