package views

// ProblemItem is one problem validation found in a dossier being edited:
// how bad, what, in which record, and where in the file.
type ProblemItem struct {
	Severity string // error, warning, hint
	Message  string
	Record   string // `statement "lavrov-no-plans"`, or "" outside every record
	Place    string // "talks.yaml:45:9"
	// Statement is the id of the statement it is in, when it is in one.
	Statement string
}

// ProblemList draws the problems, one block each: the severity and the
// record, then the message, then the place.
func ProblemList(items []ProblemItem, width int, t *Theme) *Content {
	c := &Content{}
	if len(items) == 0 {
		for _, l := range Wrap("no problems: the dossier validates", width) {
			c.add(t.Paint(&t.Empty, l))
		}
		return c
	}
	for i, it := range items {
		if i > 0 {
			c.add("")
		}
		start := len(c.Lines)
		head := it.Severity
		if it.Record != "" {
			head += " in " + it.Record
		}
		style := &t.Muted
		if it.Severity == "error" {
			style = &t.Notice
		}
		for _, l := range Wrap(flatten(head), width) {
			c.add(t.Paint(style, l))
		}
		c.add(Indent(flatten(it.Message), width, "  ", "  ")...)
		if it.Place != "" {
			c.add(t.Paint(&t.Muted, Truncate("  "+it.Place, width)))
		}
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines)})
	}
	return c
}
