#!/usr/bin/env bash
# Instructions per keystroke, counted by valgrind's callgrind: a figure a
# busy machine cannot inflate, for deciding between two versions when wall
# times are too noisy. For each query it runs bench/keystroke -q QUERY
# under callgrind with 1 and with 1+R rounds and prints the difference / R:
# the instructions of one search once the first (which also pays one-time
# costs: scratch space, page faults) is done. The collector is off (GOGC=off):
# a cycle marks the whole opened dossier, over a billion instructions, and
# would fall in one run and not in the other.
#
#   DIR=$HOME/parley-1m bench/callgrind.sh                     # the default queries
#   DIR=$HOME/parley-1m R=3 bench/callgrind.sh "in t" "s" "the s"
#   DIR=$HOME/parley-1m R=1 bench/callgrind.sh typed           # synth.Typed letter by letter
#
# A query repeated goes on from itself (the search keeps its last answer's
# statements: docs/search.md); "typed" types the whole benchmark set a
# letter at a time instead, as a person does, and prints the instructions
# of one keystroke on average.
#
# DIR holds a generated dossier (go run ./data/synth/cmd/gen -n N -o DIR);
# its search cache goes to $DIR/xdg-cache. One query takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${DIR:?set DIR to a generated dossier directory}
R=${R:-3}
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 1; }
mkdir -p "$DIR/bin"
go build -o "$DIR/bin/keystroke" ./bench/keystroke
export XDG_CACHE_HOME="$DIR/xdg-cache"
"$DIR/bin/keystroke" -rounds 0 "$DIR/dossier.yaml" >/dev/null # makes the cache when missing
if [ $# -eq 0 ]; then
  set -- "s" "a" "t" "the s" "in t" "security" '"written response"' "party:russia nato"
fi
# Go's asynchronous preemption uses signals callgrind cannot follow.
export GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off # no collection: its cycles would land in one run and not the other
irefs() {
  local q=(-q "$1")
  [ "$1" = typed ] && q=()
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$DIR/bin/keystroke" "${q[@]}" -rounds "$2" "$DIR/dossier.yaml" 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
printf "%-28s %16s\n" query "instructions"
for q in "$@"; do
  a=$(irefs "$q" 1)
  b=$(irefs "$q" $((R + 1)))
  if [ "$q" = typed ]; then
    n=$("$DIR/bin/keystroke" -rounds 1 "$DIR/dossier.yaml" | sed -n 's/^\([0-9]*\) keystrokes.*/\1/p')
    printf "%-28s %16s\n" "typed, a keystroke ($n)" "$(( (b - a) / R / n ))"
    continue
  fi
  printf "%-28s %16s\n" "\"$q\"" "$(( (b - a) / R ))"
done
echo "GOMAXPROCS=1 under valgrind; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
