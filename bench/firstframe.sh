#!/usr/bin/env bash
# The time a person waits for the explorer: from `parley --dossier FILE` being
# run in a terminal (tmux) to its first complete frame on the screen, for a
# generated dossier of N statements, with no search cache (cold: the first
# open ever) and with one (warm: every later open).
#
#   bench/firstframe.sh                  # N=1000000, 3 cold and 3 warm runs
#   N=100000 RUNS=5 MODES=cold bench/firstframe.sh
#   DIR=$HOME/parley-1m bench/firstframe.sh      # a dossier generated there already
#
# It builds parley from this tree (PARLEY=path uses another binary). The
# search cache goes to $DIR/xdg-cache (XDG_CACHE_HOME), so the runs neither
# use nor spoil the user's own. The statements file is read once before the
# runs, so every run finds it in the page cache alike: the figure is
# parley's work, not the disk's. After the first frame it types
# `/security` and also reports when the Quotes screen first answers
# ("… statements match"): on a cold open, when the index built behind the
# first frame is ready.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-3}
MODES=${MODES:-cold warm}
DIR=${DIR:-${TMPDIR:-/tmp}/parley-bench-$N}
# What the first complete frame shows: a pane's bottom border and the footer.
FRAME=${FRAME:-╯}
FOOTER=${FOOTER:-next topic}
WIDTH=${WIDTH:-150}
HEIGHT=${HEIGHT:-40}

command -v tmux >/dev/null || { echo "tmux is missing" >&2; exit 1; }
mkdir -p "$DIR/bin"
if [ -z "${PARLEY:-}" ]; then
  go build -o "$DIR/bin/parley" .
  PARLEY="$DIR/bin/parley"
fi
if [ ! -s "$DIR/dossier.yaml" ] || [ ! -s "$DIR/statements.jsonl" ]; then
  echo "generating $N statements in $DIR" >&2
  go run ./data/synth/cmd/gen -n "$N" -o "$DIR" >/dev/null
fi
cat "$DIR/statements.jsonl" >/dev/null
export XDG_CACHE_HOME="$DIR/xdg-cache"
SOCK="parley-ff-$$"
trap 'for s in /tmp/tmux-$(id -u)/parley-ff-$$-*; do [ -e "$s" ] && tmux -S "$s" kill-server 2>/dev/null; done; true' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# one MODE: prints the milliseconds to the first frame.
one() {
  local mode=$1
  [ "$mode" = cold ] && rm -rf "$XDG_CACHE_HOME/parley"
  SOCK="parley-ff-$$-$mode-$2" # a server of its own for each run
  tmux -L "$SOCK" -f /dev/null new-session -d -x "$WIDTH" -y "$HEIGHT" -s ff env TERM=xterm-256color PS1='$ ' sh
  until tmux -L "$SOCK" capture-pane -p -t ff | grep -q '\$'; do sleep 0.01; done
  tmux -L "$SOCK" send-keys -t ff "XDG_CACHE_HOME='$XDG_CACHE_HOME' exec '$PARLEY' --theme dark --dossier '$DIR/dossier.yaml'" Enter
  local began
  began=$(now_ms)
  while :; do
    local screen
    screen=$(tmux -L "$SOCK" capture-pane -p -t ff 2>/dev/null || true)
    if [[ "$screen" == *"$FRAME"* && "$screen" == *"$FOOTER"* ]]; then
      break
    fi
    if (( $(now_ms) - began > 120000 )); then
      echo "no frame after 120 s; the screen:" >&2
      echo "$screen" >&2
      exit 1
    fi
    sleep 0.01
  done
  local frame=$(( $(now_ms) - began ))
  tmux -L "$SOCK" send-keys -t ff / security
  while ! tmux -L "$SOCK" capture-pane -p -t ff 2>/dev/null | grep -q "statements\? match"; do
    if (( $(now_ms) - began > 180000 )); then
      echo "no search results after 180 s" >&2
      exit 1
    fi
    sleep 0.01
  done
  echo "$frame $(( $(now_ms) - began ))"
  tmux -L "$SOCK" send-keys -t ff Escape
  sleep 0.3
  tmux -L "$SOCK" send-keys -t ff q
  # parley finishes a cache it is writing before it ends: wait for it, so
  # the next run does not race it.
  local waited=0
  while tmux -L "$SOCK" has-session -t ff 2>/dev/null && ((waited < 600)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  tmux -L "$SOCK" kill-server 2>/dev/null || true
}

echo "corpus: $N statements, $(du -m "$DIR/statements.jsonl" | cut -f1) MB JSON Lines; $(nproc) cores; terminal ${WIDTH}x${HEIGHT}" >&2
printf "%-5s %-4s %12s %12s  %s\n" mode run "first frame" "searchable" "load average"
for mode in $MODES; do
  # A warm run needs the cache: `parley search` makes it (untimed).
  if [ "$mode" = warm ]; then
    "$PARLEY" search --limit 1 --dossier "$DIR/dossier.yaml" security >/dev/null
  fi
  for i in $(seq 1 "$RUNS"); do
    read -r t s < <(one "$mode" "$i")
    printf "%-5s %-4s %9d ms %9d ms  %s\n" "$mode" "$i" "$t" "$s" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
