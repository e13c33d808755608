package data

import (
	"embed"
	"io/fs"
	"sync"
)

// The Geneva dossier is authored in geneva.yaml. geneva.json is its JSON
// export, embedded too because it loads about six times faster, which is
// most of the explorer's start-up; TestEmbeddedJSONIsTheYAMLExported keeps
// the two identical (go test ./data -update rewrites the JSON).
//
//go:embed geneva/geneva.yaml geneva/geneva.json geneva/sources
var embedded embed.FS

// EmbeddedName is how the built-in dossier is named in messages.
const EmbeddedName = "geneva.yaml (embedded)"

// LoadEmbedded loads the dossier that ships inside the binary: the
// Blinken–Lavrov talks in Geneva on 2022-01-21.
func LoadEmbedded() (*Dossier, Problems, error) {
	src, err := embedded.ReadFile("geneva/geneva.json")
	if err != nil {
		return nil, nil, err
	}
	return Parse(EmbeddedName, src, nil)
}

// LoadEmbeddedYAML loads the built-in dossier from the YAML it is written
// in, so that validation reports places in that file.
func LoadEmbeddedYAML() (*Dossier, Problems, error) {
	src, err := embedded.ReadFile("geneva/geneva.yaml")
	if err != nil {
		return nil, nil, err
	}
	sub, err := fs.Sub(embedded, "geneva")
	if err != nil {
		return nil, nil, err
	}
	return Parse(EmbeddedName, src, sub)
}

var (
	genevaOnce sync.Once
	geneva     *Dossier
	genevaErr  error
)

// Geneva returns the embedded dossier, loaded once. Tests guarantee it is
// valid, so an error here means a broken build.
func Geneva() (*Dossier, error) {
	genevaOnce.Do(func() { geneva, _, genevaErr = LoadEmbedded() })
	return geneva, genevaErr
}
