#!/usr/bin/env bash
# Measures `parley import` as a user runs it: the whole process, one article
# at a time, over a PolNeAR split, with as many processes at once as the
# machine has cores. Prints articles per second.
#
#   bench/attribution/speed.sh POLNEAR/data [SPLIT]      # SPLIT: test (default), dev, train
#
# Each article is read from the corpus's directory and its draft printed as
# JSON to /dev/null; nothing is written in the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: speed.sh POLNEAR/data [SPLIT]}
split=${2:-test}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/parley" .
ls "$data/$split/text/"*.txt > "$work/list"
n=$(wc -l < "$work/list")
cores=$(nproc)
start=$(date +%s.%N)
xargs -P "$cores" -n 1 sh -c '"$0" import --json "$1" > /dev/null 2>> "$0.err"' "$work/parley" < "$work/list" ||
	{ echo "speed: some imports failed:" >&2; grep -v ' statements\? (\|no statements found' "$work/parley.err" >&2; exit 1; }
end=$(date +%s.%N)
awk -v n="$n" -v s="$start" -v e="$end" -v c="$cores" 'BEGIN {
	printf "%d articles in %.2f s on %d cores: %.0f articles/s (parley import, one process per article)\n", n, e - s, c, n / (e - s)
}'
