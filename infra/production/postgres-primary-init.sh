#!/bin/sh
# Runs once, when the primary's data directory is created: the ledger's two roles (docs/operations.md,
# "Roles and credentials") and a replication role the streaming replica connects as.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE ledger_owner LOGIN PASSWORD '${LEDGER_OWNER_PASSWORD}';
CREATE ROLE ledger_app LOGIN PASSWORD '${LEDGER_APP_PASSWORD}';
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
CREATE DATABASE ledger OWNER ledger_owner;
\c ledger
CREATE SCHEMA read_models AUTHORIZATION ledger_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE ledger FROM PUBLIC;
GRANT CONNECT ON DATABASE ledger TO ledger_owner, ledger_app;
GRANT USAGE ON SCHEMA public TO ledger_app;
ALTER ROLE ledger_app IN DATABASE ledger SET search_path = read_models, public;
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
