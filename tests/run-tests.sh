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

# shellcheck source=tests/private-postgres.sh
source "$repo_root/tests/private-postgres.sh"

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
    start_postgres 54329 54429
    export EDA_TEST_CONNECTION_STRING="$PG_CONNECTION_STRING"
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
