#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the store tests (initdb + pg_ctl in a temporary folder,
# a free port, trust authentication for local connections only).
#   eval "$(scripts/pg_scratch.sh start)"   # exports EVENTWIRE_TEST_PG_URL and EVENTWIRE_TEST_PG_DIR
#   scripts/pg_scratch.sh stop "$EVENTWIRE_TEST_PG_DIR"
#   scripts/pg_scratch.sh run CMD...        # CMD with a cluster of its own (unless one is already given);
#                                           # without PostgreSQL installed, CMD alone (the PG tests skip)
# Needs Debian's postgresql package (apt-get install postgresql). PostgreSQL refuses to run as root, so
# as root the cluster runs as the package's postgres user.
set -euo pipefail

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || { echo "pg_scratch: no PostgreSQL found (apt-get install postgresql)" >&2; exit 1; }
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN=$(bindir)
    DIR=$(mktemp -d /tmp/eventwire-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=50" start >/dev/null \
      || { cat "$DIR/server.log" >&2; exit 1; }
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres eventwire_test
    echo "export EVENTWIRE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/eventwire_test"
    echo "export EVENTWIRE_TEST_PG_DIR=$DIR"
    ;;
  stop)
    DIR=${2:?usage: pg_scratch.sh stop DIR}
    as_owner "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  run)
    shift
    if [ -n "${EVENTWIRE_TEST_PG_URL:-}" ] || ! (bindir >/dev/null 2>&1); then exec "$@"; fi
    eval "$("$0" start)"
    trap '"$0" stop "$EVENTWIRE_TEST_PG_DIR"' EXIT
    "$@"
    ;;
  *)
    echo "usage: pg_scratch.sh start | stop DIR | run CMD..." >&2
    exit 2
    ;;
esac
