# Sourced by .ci/run: installs PostgreSQL from Debian, starts a throwaway cluster on a loopback
# port as the unprivileged `postgres` user (initdb and the server refuse to run as root), exports
# SECOND_OPINION_TEST_POSTGRES_URL for the server tests, and stops and removes it on exit, also
# when the run fails. Defines pg_down; the caller's EXIT trap must call it.
# PG_ROOT and PG_PORT may be set beforehand to run a second cluster beside it (the server benchmark).
PG_ROOT=${PG_ROOT:-/tmp/ci-second-opinion-pg}
PG_PORT=${PG_PORT:-54329}
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "installing: postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_as_postgres() { runuser -u postgres -- "$@"; }
pg_down() {
    if [ -f "$PG_ROOT/data/postmaster.pid" ]; then
        pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_ROOT"
}
pg_down
install -d -o postgres -g postgres -m 700 "$PG_ROOT"
pg_as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT -c fsync=off -c max_connections=200" start >/dev/null
# One statement per -c: CREATE DATABASE cannot run inside the transaction several -c make.
pg_as_postgres "$PG_BIN/psql" -h "$PG_ROOT" -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app'" -c "CREATE DATABASE appdb OWNER app"
export SECOND_OPINION_TEST_POSTGRES_URL="postgres://app:app@127.0.0.1:$PG_PORT/appdb"
