package article

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any bytes, under any name, read as an article or refused with
// an error; never a panic, and an article's text is UTF-8 with words in it.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/harbour.html", "testdata/harbour.md", "testdata/harbour.txt", "testdata/nav-only.html"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b)
	}
	f.Add("x.txt", []byte("caf\xe9"))
	f.Add("x.html", []byte("<html><body><p>“Quote,” she said.</p></body></html>"))
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		a, err := Parse(name, b, "")
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("text is not UTF-8: %q", a.Text)
		}
		if a.Text == "" {
			t.Fatal("an article with no text")
		}
	})
}
