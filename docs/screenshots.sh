#!/usr/bin/env bash
# Renders the README's pictures from the real program: builds parley, runs
# it in a tmux pane of a fixed size, drives it with keys, captures the pane
# with its colours and turns each capture into a PNG with freeze.
#
#   docs/screenshots.sh          # writes docs/compare.svg, demands.svg, search.svg, import.svg, review.svg, mark.svg
#
# Needs tmux (apt-get install tmux) and freeze
# (go install github.com/charmbracelet/freeze@v0.2.2).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "screenshots: needs tmux" >&2; exit 1; }
freeze=$(command -v freeze || echo "$(go env GOPATH)/bin/freeze")
[ -x "$freeze" ] || go install github.com/charmbracelet/freeze@v0.2.2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/parley" .

cols=120 rows=34
dossier=""  # a dossier file to open instead of the built-in one
shot() { # name, then the keys to press after start
	local name=$1; shift
	local sock="parley-shots-$name-$$"
	tmux -L "$sock" new-session -d -x "$cols" -y "$rows" \
		"env TERM=xterm-256color COLORTERM=truecolor $work/parley --theme dark $dossier"
	sleep 1
	for k in "$@"; do
		tmux -L "$sock" send-keys "$k"
		sleep 0.4
	done
	tmux -L "$sock" capture-pane -e -p > "$work/$name.ansi"
	tmux -L "$sock" kill-server
	"$freeze" "$work/$name.ansi" --language ansi --window=false --padding 20 \
		--background '#171717' --font.size 14 --output "docs/$name.svg" >/dev/null
	echo "docs/$name.svg"
}

shot compare Right Right
shot demands 2
shot search / i n v a s i o n

# Building a dossier: the drafts of the Geneva report, under review.
cp testdata/edit/talks.yaml "$work/talks.yaml"
dossier="$work/talks.yaml"
shot review 7 o Tab Tab Tab Tab Tab Tab Tab Tab Tab
shot mark 4 m Down Down Down Down Down Down Down Down Down b b b b
dossier=""

# parley import on the Geneva report: the commands as typed and what the
# real binary prints, then the first drafted statements of the draft.
import_shot() {
	local draft="$work/geneva-draft.yaml"
	{
		printf '\033[1;32m$\033[0m parley import data/geneva/sources/geneva-2022-01-21.txt -o geneva-draft.yaml\n'
		(cd "$work" && "$work/parley" import "$OLDPWD/data/geneva/sources/geneva-2022-01-21.txt" -o geneva-draft.yaml 2>&1 >/dev/null) |
			sed "s|$PWD/||"
		printf '\033[1;32m$\033[0m grep -A 9 "^  - id: blinken-i-conveyed" geneva-draft.yaml\n'
		grep -A 9 '^  - id: blinken-i-conveyed' "$draft" |
			awk '{ if (length($0) > 110) print substr($0, 1, 109) "…"; else print }' 
	} > "$work/import.ansi"
	"$freeze" "$work/import.ansi" --language ansi --window=false --padding 20 \
		--background '#171717' --font.size 14 --output docs/import.svg >/dev/null
	echo docs/import.svg
}
import_shot
