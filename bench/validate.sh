#!/usr/bin/env bash
# `parley validate` of a generated dossier of N statements: wall time and
# peak resident memory (from /usr/bin/time), against the size of its JSON
# Lines, with the load average of each run.
#
#   bench/validate.sh                 # N=1000000, 3 runs
#   DIR=$HOME/parley-1m RUNS=5 bench/validate.sh
#
# It builds parley from this tree (PARLEY=path uses another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-3}
DIR=${DIR:-${TMPDIR:-/tmp}/parley-bench-$N}
mkdir -p "$DIR/bin"
if [ -z "${PARLEY:-}" ]; then
  go build -o "$DIR/bin/parley" .
  PARLEY="$DIR/bin/parley"
fi
if [ ! -s "$DIR/dossier.yaml" ] || [ ! -s "$DIR/statements.jsonl" ]; then
  echo "generating $N statements in $DIR" >&2
  go run ./data/synth/cmd/gen -n "$N" -o "$DIR" >/dev/null
fi
cat "$DIR/statements.jsonl" >/dev/null # in the page cache for every run alike
size_kb=$(( $(stat -c %s "$DIR/statements.jsonl") / 1024 ))
echo "corpus: $N statements, $size_kb KiB JSON Lines; $(nproc) cores" >&2
printf "%-4s %8s %14s %9s  %s\n" run "wall s" "peak RSS KiB" "× file" "load average"
for i in $(seq 1 "$RUNS"); do
  tf=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$tf" "$PARLEY" validate "$DIR/dossier.yaml" >/dev/null || { echo "validate failed" >&2; cat "$tf" >&2; exit 1; }
  read -r wall rss <"$tf"
  rm -f "$tf"
  printf "%-4s %8s %14s %9s  %s\n" "$i" "$wall" "$rss" "$(echo "scale=2; $rss / $size_kb" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
