#!/usr/bin/env bash
# Prints the benchmark table (see README, "Benchmarks"). Unless EDA_BENCH_CONNECTION_STRING is set, it starts a
# private, throwaway PostgreSQL cluster for the run and removes it on exit. Arguments go to the runner:
#   tests/run-benchmarks.sh            the full table (about 20-30 minutes on 2 cores)
#   tests/run-benchmarks.sh --quick    a few minutes: proves the harness, figures not worth quoting
#   tests/run-benchmarks.sh --per-switch  adds one run per building block alone (about 10 minutes more)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# shellcheck source=tests/private-postgres.sh
source "$repo_root/tests/private-postgres.sh"

trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${EDA_BENCH_CONNECTION_STRING:-}" ]]; then
  pg_bin="$(find_postgres_bin)"
  if [[ -z "$pg_bin" ]]; then
    echo "run-benchmarks: PostgreSQL's server binaries are not installed and EDA_BENCH_CONNECTION_STRING is not set" >&2
    exit 1
  fi
  start_postgres 55451 55550
  export EDA_BENCH_CONNECTION_STRING="$PG_CONNECTION_STRING"
fi

cd "$repo_root"
dotnet run -c Release --project tests/EdaTemplates.Benchmarks -- "$@"
