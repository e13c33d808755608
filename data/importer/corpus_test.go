package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
)

// TestEveryArticleOfACorpusDraftsAValidDossier drafts each .txt article
// of a directory on its own and loads the draft back: none may fail to be
// read or to validate. PARLEY_ARTICLES names the directory (PolNeAR's data/train/text
// has 840: none fails, no warning); without it the test is skipped.
func TestEveryArticleOfACorpusDraftsAValidDossier(t *testing.T) {
	dir := os.Getenv("PARLEY_ARTICLES")
	if dir == "" {
		t.Skip("PARLEY_ARTICLES names a directory of .txt articles")
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	bad := 0
	var warns, stmts int
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		res := Assemble([]*article.Article{a}, Options{})
		y, err := DraftYAML(res, 1)
		if err != nil {
			t.Fatal(err)
		}
		d, probs, err := data.Parse("d.yaml", y, nil)
		if err != nil || probs.Errors() > 0 {
			bad++
			if bad < 5 {
				t.Errorf("%s: %v %v", f, err, probs)
			}
			continue
		}
		stmts += len(d.Statements)
		warns += len(probs)
		for _, p := range probs {
			t.Logf("%s: %v", f, p)
		}
	}
	t.Logf("%d articles, %d failed to validate, %d statements, %d warnings", len(files), bad, stmts, warns)
}
