#!/usr/bin/env bash
# Runs the template pack's tests. Unless EDA_TEST_CONNECTION_STRING is already set, it starts a private,
# throwaway PostgreSQL cluster (when PostgreSQL's server binaries are installed) for the generated
# integration tests, and removes it on exit. Extra arguments go to `dotnet test`, e.g.
#   tests/run-tests.sh --filter "DisplayName~db-postgresql"
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
test_project="$repo_root/tests/EdaTemplates.Tests/EdaTemplates.Tests.csproj"
results_dir="$repo_root/tests/EdaTemplates.Tests/TestResults"
trx_name="eda-templates.trx"

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
    echo "run-tests: running as root but there is no 'postgres' user to run PostgreSQL as; not starting one" >&2
    return
  fi

  pg_dir="$(mktemp -d -t eda-templates-pg.XXXXXX)"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$pg_dir"
  fi

  local port=54329
  while port_in_use "$port"; do
    port=$((port + 1))
    if (( port > 54429 )); then
      echo "run-tests: no free port in 54329-54429 for PostgreSQL" >&2
      exit 1
    fi
  done

  # cd: the postgres user may not be allowed into the caller's working directory.
  if ! (cd "$pg_dir" && as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1); then
    echo "run-tests: initdb failed:" >&2
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
EOF

  if ! (cd "$pg_dir" && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start >/dev/null); then
    echo "run-tests: PostgreSQL did not start:" >&2
    cat "$pg_dir/server.log" >&2
    exit 1
  fi

  local attempt
  for attempt in $(seq 1 30); do
    if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      break
    fi
    if (( attempt == 30 )); then
      echo "run-tests: PostgreSQL on port $port is not accepting connections:" >&2
      cat "$pg_dir/server.log" >&2
      exit 1
    fi
    sleep 1
  done

  export EDA_TEST_CONNECTION_STRING="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
  echo "run-tests: private PostgreSQL cluster on 127.0.0.1:$port (data in $pg_dir, removed on exit)"
}

# Prints "N passed, N failed, N skipped" from a VSTest TRX file. Individual results are counted because
# VSTest leaves Counters/@notExecuted at 0 for xunit's skipped tests.
summarize_trx() {
  python3 - "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET

ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
outcomes = [r.get("outcome", "") for r in ET.parse(sys.argv[1]).getroot().iter(ns + "UnitTestResult")]
passed = outcomes.count("Passed")
failed = sum(outcomes.count(o) for o in ("Failed", "Error", "Timeout", "Aborted"))
skipped = outcomes.count("NotExecuted")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
EOF
}

trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${EDA_TEST_CONNECTION_STRING:-}" ]]; then
  pg_bin="$(find_postgres_bin)"
  if [[ -n "$pg_bin" ]]; then
    start_postgres
  else
    echo "run-tests: EDA_TEST_CONNECTION_STRING is not set and PostgreSQL is not installed; PostgreSQL integration tests will be skipped" >&2
  fi
fi

cd "$repo_root"
rm -f "$results_dir/$trx_name"
status=0
dotnet test "$test_project" \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFileName=$trx_name" \
  --results-directory "$results_dir" \
  "$@" || status=$?

if [[ -f "$results_dir/$trx_name" ]]; then
  summarize_trx "$results_dir/$trx_name"
else
  echo "run-tests: dotnet test wrote no results ($results_dir/$trx_name); see its output above" >&2
fi
exit "$status"
