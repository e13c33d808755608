#!/usr/bin/env bash
# Whole process, side by side: `parley search WORD` on a generated dossier
# of N statements against `fzf --filter "'WORD"` on the same texts as plain
# lines (one statement per line).
#
#   bench/search-vs-fzf.sh            # N=1000000, WORD=security, 3 runs each
#   N=100000 WORD=sanctions RUNS=5 bench/search-vs-fzf.sh
#
# It builds parley from this tree and runs `parley search --dossier FILE
# --limit N WORD` (PARLEY=path uses another binary); if parley does not
# build, bench/search, the same code path, stands in for it.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
WORD=${WORD:-security}
RUNS=${RUNS:-3}
LIMIT=${LIMIT:-100}
DIR=${DIR:-${TMPDIR:-/tmp}/parley-bench-$N}

if ! command -v fzf >/dev/null; then
  echo "fzf is missing: installing it with apt-get" >&2
  (apt-get update -qq && apt-get install -y -qq fzf) >&2
fi
mkdir -p "$DIR/bin"
go build -o "$DIR/bin/gen" ./data/synth/cmd/gen
go build -o "$DIR/bin/search" ./bench/search
if [ -z "${PARLEY:-}" ] && go build -o "$DIR/bin/parley" . 2>/dev/null; then
  PARLEY="$DIR/bin/parley"
fi
if [ ! -s "$DIR/texts.txt" ] || [ ! -s "$DIR/statements.jsonl" ]; then
  echo "generating $N statements in $DIR" >&2
  "$DIR/bin/gen" -n "$N" -o "$DIR" -lines >/dev/null
fi
if [ -n "${PARLEY:-}" ]; then
  run_parley() { "$PARLEY" search --limit "$LIMIT" --dossier "$DIR/dossier.yaml" "$WORD"; }
else
  run_parley() { "$DIR/bin/search" -limit "$LIMIT" "$DIR/dossier.yaml" "$WORD"; }
fi
run_fzf() { fzf --filter "'$WORD" < "$DIR/texts.txt"; }

echo "corpus: $N statements, $(du -m "$DIR/statements.jsonl" | cut -f1) MB JSON Lines, $(du -m "$DIR/texts.txt" | cut -f1) MB of text" >&2
# The first open builds the search cache (cold) if it is missing or stale;
# the timed runs use it (warm), as every later open does.
echo "first open (builds the search cache when it is missing):" >&2
/usr/bin/time -f "  %e s wall, %U s user, %S s sys, %M KB max RSS" bash -c "$(declare -f run_parley); DIR='$DIR' LIMIT='$LIMIT' WORD='$WORD' PARLEY='${PARLEY:-}'; run_parley" >/dev/null
printf "%-8s %-5s %10s %10s %12s %10s\n" tool run "wall s" "cpu s" "max RSS MB" results
for i in $(seq 1 "$RUNS"); do
  for tool in parley fzf; do
    out=$(mktemp)
    tf=$(mktemp)
    if [ "$tool" = parley ]; then
      /usr/bin/time -f "%e %U %S %M" -o "$tf" bash -c "$(declare -f run_parley); DIR='$DIR' LIMIT='$LIMIT' WORD='$WORD' PARLEY='${PARLEY:-}'; run_parley" >"$out" || true
      results=$(head -1 "$out" | grep -o '^[0-9,]*' | tr -d , || true)
      [ -n "$results" ] || results="?"
    else
      /usr/bin/time -f "%e %U %S %M" -o "$tf" bash -c "$(declare -f run_fzf); DIR='$DIR' WORD='$WORD'; run_fzf" >"$out" || true
      results=$(wc -l <"$out")
    fi
    read -r wall user sys rss <"$tf"
    printf "%-8s %-5s %10s %10.2f %12d %10s\n" "$tool" "$i" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$results"
    rm -f "$out" "$tf"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
