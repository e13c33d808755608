package views

import (
	"fmt"
	"io"
	"time"
)

// ProgressLine is a one-line report of a long task on a terminal's
// standard error ("parley: indexing 42%"), rewritten in place. A task
// done in a blink never shows it: the first report waits 300 ms, and
// reports come at most ten a second.
type ProgressLine struct {
	w           io.Writer
	who         string
	start, last time.Time
	shown       bool
}

// NewProgressLine starts the clock of a task reported as who.
func NewProgressLine(w io.Writer, who string) *ProgressLine {
	return &ProgressLine{w: w, who: who, start: time.Now()}
}

// Show reports the stage, and how far it has come when total is known.
func (p *ProgressLine) Show(stage string, done, total int) {
	now := time.Now()
	if now.Sub(p.start) < 300*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	line := fmt.Sprintf("%s: %s", p.who, stage)
	if total > 0 {
		line += fmt.Sprintf(" %d%%", done*100/total)
	}
	fmt.Fprintf(p.w, "\r\x1b[2K%s", line)
}

// Clear takes the line away, if it was shown.
func (p *ProgressLine) Clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}
