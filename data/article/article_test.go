package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadingASavedPageKeepsTheArticleAndItsMetadata(t *testing.T) {
	a, err := ReadFile("testdata/harbour.html")
	if err != nil {
		t.Fatal(err)
	}
	for field, got := range map[string]string{"title": a.Title, "publisher": a.Publisher, "byline": a.Byline, "date": a.Date, "format": a.Format} {
		want := map[string]string{"title": "Harbour talks end without a deal", "publisher": "The Coastal Herald", "byline": "Mira Olsen", "date": "2024-03-05", "format": "html"}[field]
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	if !strings.Contains(a.Text, "“We will not sign anything that closes the harbour to our ships,” said Ana Lind") {
		t.Errorf("the quote's paragraph is not in the text:\n%s", a.Text)
	}
	for _, clutter := range []string{"Subscribe now", "Log in", "Most read", "All rights reserved"} {
		if strings.Contains(a.Text, clutter) {
			t.Errorf("the page's clutter %q is in the article's text", clutter)
		}
	}
	if !strings.Contains(a.Text, "two hundred years.”\n\nThe southern envoy") {
		t.Errorf("paragraphs are not separated by a blank line:\n%s", a.Text)
	}
}

func TestReadingMarkdownAndPlainText(t *testing.T) {
	md, err := ReadFile("testdata/harbour.md")
	if err != nil {
		t.Fatal(err)
	}
	if md.Title != "Harbour talks end without a deal" || md.Format != "markdown" {
		t.Errorf("markdown: title %q, format %q", md.Title, md.Format)
	}
	if strings.Contains(md.Text, "**") || strings.Contains(md.Text, "# ") || strings.Contains(md.Text, "> ") {
		t.Errorf("markdown syntax left in the text:\n%s", md.Text)
	}
	if !strings.Contains(md.Text, "in Nuuk on Tuesday") {
		t.Errorf("markdown text lost its words:\n%s", md.Text)
	}
	txt, err := ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	if txt.Title != "Harbour talks end without a deal" || txt.Format != "text" {
		t.Errorf("text: title %q, format %q", txt.Title, txt.Format)
	}
	if strings.Contains(txt.Text, "\r") {
		t.Errorf("carriage returns kept: %q", txt.Text)
	}
}

func TestBadFilesGetAClearError(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // a 50 MB page
		t.Fatal(err)
	}
	f.Close()
	for _, tc := range []struct {
		name    string
		path    string
		is      error
		message string
	}{
		{"an empty file", write("empty.txt", nil), ErrEmpty, "empty"},
		{"white space only", write("blank.txt", []byte(" \n\n ")), ErrEmpty, "empty"},
		{"a binary file", write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")), ErrBinary, "binary"},
		{"text that is not UTF-8", write("latin1.txt", []byte("Le ministre a dit:\n« Nous ne signerons pas » d\xe9clare-t-il.")), nil, filepath.Join(dir, "latin1.txt") + ":2:28: byte 0xe9 is not UTF-8"},
		{"a page with no article", "testdata/nav-only.html", ErrNoArticle, "no article text"},
		{"a 50 MB page", huge, ErrTooLarge, "larger than 10 MiB"},
		{"a directory", dir, nil, dir + ": it is a folder, not a file"},
		{"a missing file", filepath.Join(dir, "nope.txt"), os.ErrNotExist, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("error %q does not say %q", err, tc.message)
			}
		})
	}
}
