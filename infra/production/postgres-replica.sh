#!/bin/sh
# The streaming replica: cloned from the primary on first start (pg_basebackup -R writes the standby
# settings), then a hot standby that follows it. Promote it (pg_ctl promote) if the primary is lost.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres-primary -U replicator -d postgres; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h postgres-primary -U replicator -D "$PGDATA" -R -X stream -c fast -P
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
