#!/usr/bin/env bash
# Sourced by run-tests.sh and run-benchmarks.sh: starts a private, throwaway PostgreSQL cluster (when PostgreSQL's
# server binaries are installed) and removes it again. After start_postgres PORT_FROM PORT_TO, PG_CONNECTION_STRING
# points at it; stop_postgres (also on exit, through the caller's trap) stops it and deletes its data.

pg_bin=""
pg_dir=""

# Prints the directory holding initdb and pg_ctl, or nothing when PostgreSQL's server is not installed.
find_postgres_bin() {
  if command -v initdb >/dev/null 2>&1; then
    local dir
    dir="$(dirname "$(readlink -f "$(command -v initdb)")")"
    if [[ -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return
    fi
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
      echo "$candidate"
      return
    fi
  done
}

# PostgreSQL refuses to run as root, so as root its tools run as the postgres OS user.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_postgres() {
  if [[ -n "$pg_dir" ]]; then
    (cd "$pg_dir" && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1) || true
    rm -rf "$pg_dir"
    pg_dir=""
  fi
}

start_postgres() {
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "$(basename "$0"): running as root but there is no 'postgres' user to run PostgreSQL as; not starting one" >&2
    return
  fi

  pg_dir="$(mktemp -d -t eda-templates-pg.XXXXXX)"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$pg_dir"
  fi

  local port="$1"
  while port_in_use "$port"; do
    port=$((port + 1))
    if (( port > $2 )); then
      echo "$(basename "$0"): no free port in $1-$2 for PostgreSQL" >&2
      exit 1
    fi
  done

  # cd: the postgres user may not be allowed into the caller's working directory.
  if ! (cd "$pg_dir" && as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1); then
    echo "$(basename "$0"): initdb failed:" >&2
    cat "$pg_dir/initdb.log" >&2
    exit 1
  fi

  cat >>"$pg_dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pg_dir'
max_connections = 300
# A throwaway test cluster: durability only costs time.
fsync = off
synchronous_commit = off
full_page_writes = off
# Lets the benchmarks count the statements each message costs (it is only read where its extension is created).
shared_preload_libraries = 'pg_stat_statements'
EOF

  if ! (cd "$pg_dir" && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start >/dev/null); then
    echo "$(basename "$0"): PostgreSQL did not start:" >&2
    cat "$pg_dir/server.log" >&2
    exit 1
  fi

  local attempt
  for attempt in $(seq 1 30); do
    if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      break
    fi
    if (( attempt == 30 )); then
      echo "$(basename "$0"): PostgreSQL on port $port is not accepting connections:" >&2
      cat "$pg_dir/server.log" >&2
      exit 1
    fi
    sleep 1
  done

  PG_CONNECTION_STRING="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
  echo "$(basename "$0"): private PostgreSQL cluster on 127.0.0.1:$port (data in $pg_dir, removed on exit)"
}

