#!/bin/sh
# The streaming replica: on first start, copy the primary with pg_basebackup (-R writes standby.signal and
# primary_conninfo), then run PostgreSQL as a hot standby that replays the primary's WAL.
set -eu
export PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  export PGPASSWORD="$REPLICATION_PASSWORD"
  until gosu postgres pg_basebackup --host=postgres-primary --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast --progress; do
    echo "waiting for the primary …"; sleep 2
  done
fi
exec gosu postgres postgres -c hot_standby=on
