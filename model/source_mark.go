package model

// marking is a passage of the Source screen's text being marked as a new
// statement (source_mark.go grows it).
type marking struct{}
