package data

import _ "embed"

//go:embed starter.yaml
var starter []byte

// StarterName is the file name `parley new` suggests for the starter dossier.
const StarterName = "dossier.yaml"

// Starter returns a commented starter dossier (two parties, an actor, a
// topic, a source with inline text, a verbatim quote and an anchored reported
// statement, a position per party, a demand with a response, events) that
// validates with no errors and no warnings as written. Its first line points
// editors at the JSON Schema in docs/dossier.schema.json. The slice is a copy.
func Starter() []byte { return append([]byte(nil), starter...) }
