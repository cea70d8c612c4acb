# Sourced by .ci/run: installs PostgreSQL from Debian, starts a throwaway cluster on a loopback
# port as the unprivileged `postgres` user (initdb and the server refuse to run as root), exports
# SECOND_OPINION_TEST_POSTGRES_URL for the server tests, and stops and removes it on exit, also
# when the run fails. Defines pg_down; the caller's EXIT trap must call it.
# The server also speaks TLS, with a self-signed certificate for localhost made here, exported as
# SECOND_OPINION_TEST_POSTGRES_CA for the tests of the URL's sslmode.
# PG_ROOT and PG_PORT may be set beforehand to run a second cluster beside it (the server benchmark).
PG_ROOT=${PG_ROOT:-/tmp/ci-second-opinion-pg}
PG_PORT=${PG_PORT:-54329}
pg_need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || pg_need+=(postgresql)
command -v openssl >/dev/null || pg_need+=(openssl)
if [ ${#pg_need[@]} -gt 0 ]; then
    echo "installing: ${pg_need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pg_need[@]}" >/dev/null
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
# Issued for the name localhost only: a client that checks the host (sslmode=verify-full) must
# accept it as localhost and refuse it as 127.0.0.1.
# Its progress dots are dropped; on failure everything it said is shown.
if ! pg_openssl=$(openssl req -new -x509 -days 7 -nodes -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
    -keyout "$PG_ROOT/server.key" -out "$PG_ROOT/server.crt" 2>&1); then
    echo "$pg_openssl" >&2
    return 1
fi
chown postgres:postgres "$PG_ROOT/server.key" "$PG_ROOT/server.crt"
chmod 600 "$PG_ROOT/server.key"
chmod 644 "$PG_ROOT/server.crt"
pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT -c fsync=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$PG_ROOT/server.crt -c ssl_key_file=$PG_ROOT/server.key" start >/dev/null
# One statement per -c: CREATE DATABASE cannot run inside the transaction several -c make.
pg_as_postgres "$PG_BIN/psql" -h "$PG_ROOT" -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app'" -c "CREATE DATABASE appdb OWNER app"
export SECOND_OPINION_TEST_POSTGRES_URL="postgres://app:app@127.0.0.1:$PG_PORT/appdb"
export SECOND_OPINION_TEST_POSTGRES_CA="$PG_ROOT/server.crt"
