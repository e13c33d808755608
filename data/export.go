package data

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/goccy/go-yaml"
)

// ExportJSON writes the whole dossier in the format's own field names. The
// export is self-contained: source texts are inlined and statements from
// statement files are listed with the others, so exporting what it loads
// gives the same bytes again.
func ExportJSON(d *Dossier) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("export json: %w", err)
	}
	return b.Bytes(), nil
}

// ExportYAML is ExportJSON in YAML, with the same fields in the same order.
func ExportYAML(d *Dossier) ([]byte, error) {
	j, err := ExportJSON(d)
	if err != nil {
		return nil, err
	}
	y, err := yaml.JSONToYAML(j)
	if err != nil {
		return nil, fmt.Errorf("export yaml: %w", err)
	}
	return y, nil
}
