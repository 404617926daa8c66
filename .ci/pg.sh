#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on a local port, as a non-root user.
#   .ci/pg.sh start DIR PORT   -> prints the test URL
#   .ci/pg.sh stop DIR
set -euo pipefail
cmd=$1; dir=$2; port=${3:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id lobbyci >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin lobbyci
    chown -R lobbyci "$dir"
    runuser -u lobbyci -- "$@"
  else
    "$@"
  fi
}
case $cmd in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir/data" "$dir/sock"
      as_pg "$bindir/initdb" -D "$dir/data" -U lobby --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || as_pg "$bindir/initdb" -D "$dir/data" -U lobby --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1
    fi
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U lobby -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='lobbytest'" | grep -q 1 \
      || as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U lobby lobbytest
    echo "postgresql+psycopg://lobby@127.0.0.1:$port/lobbytest"
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
