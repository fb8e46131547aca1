# Sourced by the PostgreSQL benchmarks: starts a throwaway PostgreSQL cluster on a free
# loopback port (as the postgres user when run as root; fsync off), stops and removes it
# on exit, and defines `url DB` (a database's URL), `as_pg` and `seconds START`.
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/ingestd-pgbench-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U ingestd -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off" start >/dev/null
trap 'as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null; rm -rf "$DIR"' EXIT
url() { echo "postgres://ingestd@127.0.0.1:$PORT/$1"; }
createdb_pg() { as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U ingestd "$1"; }
seconds() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.1f}")' "$1"; }
