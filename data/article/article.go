// Package article reads a news article — plain text, Markdown, a saved web
// page or a URL — into its text and metadata (title, publisher, date,
// byline), ready for data/extract. A web page's main text is found by a
// readability library (the algorithm of Firefox's reader view), never by
// stripping tags by hand. Everything that can go wrong with the input has an
// error that says what is wrong with it.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/parley-dev/parley/data"
)

// Article is one article's text and what is known about it.
type Article struct {
	// Name is where it came from: the file path or the URL.
	Name      string
	Title     string
	Publisher string
	Byline    string
	// Date is the publication day, YYYY-MM-DD, or "".
	Date string
	URL  string
	// Text is the article's words, paragraphs separated by a blank line:
	// the text a draft's offsets point into.
	Text string
	// Format is how it was read: "text", "markdown" or "html".
	Format string
}

// minWords is the fewest words a web page's main text needs to count as an
// article.
const minWords = 25

// MaxBytes is the largest input read, a file or a page.
const MaxBytes = 10 << 20

// Errors a caller may test for with errors.Is.
var (
	ErrEmpty     = errors.New("the file is empty")
	ErrBinary    = errors.New("a binary file, not an article (it has NUL bytes)")
	ErrTooLarge  = fmt.Errorf("larger than %d MiB; not an article", MaxBytes>>20)
	ErrNoArticle = errors.New("no article text found in the page")
)

// NotUTF8Error is text that is not UTF-8, with where the first bad byte is.
type NotUTF8Error struct {
	Line, Col int
	Byte      byte
}

func (e *NotUTF8Error) Error() string {
	return fmt.Sprintf("%d:%d: byte 0x%02x is not UTF-8; save the file as UTF-8", e.Line, e.Col, e.Byte)
}

// ReadFile reads an article from a file: .html/.htm (or anything that
// starts like a web page) through readability, .md/.markdown as Markdown,
// anything else as plain text. The file is read as parley reads every file
// a user names (data.ReadUserFile): a named pipe, a device, a socket or a
// folder is refused before it is opened, so nothing waits for a writer or
// reads an endless device, and at most MaxBytes are read.
func ReadFile(path string) (*Article, error) {
	b, err := data.ReadUserFile(path, MaxBytes, "an article")
	if err != nil {
		var large *data.TooLargeError
		if errors.As(err, &large) {
			err = ErrTooLarge
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	a, err := Parse(path, b, "")
	if err != nil {
		var bad *NotUTF8Error
		if errors.As(err, &bad) {
			// file:line:col: what is wrong, as every bad input is told
			return nil, fmt.Errorf("%s:%w", path, err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// Parse reads an article from its bytes. contentType, when given (an HTTP
// answer's), decides the format and gives an HTML page's charset;
// otherwise name's extension does, or the bytes themselves.
func Parse(name string, b []byte, contentType string) (*Article, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, ErrBinary
	}
	ext := strings.ToLower(filepath.Ext(strings.SplitN(name, "?", 2)[0]))
	mt := strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0])
	switch {
	case strings.Contains(mt, "html") || mt == "" && (ext == ".html" || ext == ".htm" || looksLikeHTML(b)):
		return parseHTML(name, b, contentType)
	case mt == "text/markdown" || mt == "" && (ext == ".md" || ext == ".markdown"):
		if err := checkUTF8(b); err != nil {
			return nil, err
		}
		return parseMarkdown(name, b)
	}
	if err := checkUTF8(b); err != nil {
		return nil, err
	}
	return parseText(name, b), nil
}

func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return &NotUTF8Error{Line: line, Col: col, Byte: b[i]}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return nil
}

// normalizeText makes line ends \n and drops a byte order mark and white
// space around the text, so offsets are the same on every system.
func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Trim(s, " \t\n")
}

// parseText takes a plain-text article as it is; a short first line with
// no closing punctuation, followed by a blank line, is its title.
func parseText(name string, b []byte) *Article {
	text := normalizeText(string(b))
	a := &Article{Name: name, Text: text, Format: "text"}
	if first, rest, ok := strings.Cut(strings.TrimLeft(text, "\n "), "\n"); ok && strings.HasPrefix(rest, "\n") {
		first = strings.TrimSpace(first)
		if n := utf8.RuneCountInString(first); n > 0 && n <= 150 && !strings.ContainsAny(first[len(first)-1:], ".:;,") {
			a.Title = first
		}
	}
	return a
}

// parseMarkdown renders Markdown to HTML with goldmark and takes its text
// the way a browser shows it; the first heading is the title.
func parseMarkdown(name string, b []byte) (*Article, error) {
	var out bytes.Buffer
	if err := goldmark.Convert(b, &out); err != nil {
		return nil, fmt.Errorf("reading Markdown: %w", err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		return nil, fmt.Errorf("reading Markdown: %w", err)
	}
	a := &Article{Name: name, Format: "markdown", Text: normalizeText(render.InnerText(doc))}
	if h := firstElement(doc, "h1", "h2"); h != nil {
		a.Title = strings.TrimSpace(render.InnerText(h))
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, ErrNoArticle
	}
	return a, nil
}

func firstElement(n *html.Node, tags ...string) *html.Node {
	if n.Type == html.ElementNode {
		for _, t := range tags {
			if n.Data == t {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := firstElement(c, tags...); f != nil {
			return f
		}
	}
	return nil
}

// parseHTML finds the page's article with readability: its main text, its
// title, site name, byline and publication date.
func parseHTML(name string, b []byte, contentType string) (*Article, error) {
	if contentType == "" {
		contentType = "text/html"
	}
	r, err := charset.NewReader(bytes.NewReader(b), contentType)
	if err != nil {
		return nil, fmt.Errorf("reading the page's character set: %w", err)
	}
	var page *url.URL
	if u, err := url.Parse(name); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		page = u
	}
	parser := readability.NewParser()
	parser.MaxElemsToParse = 200_000
	art, err := parser.Parse(r, page)
	if err != nil || art.Node == nil {
		return nil, ErrNoArticle
	}
	var text strings.Builder
	if err := art.RenderText(&text); err != nil {
		return nil, ErrNoArticle
	}
	a := &Article{
		Name:      name,
		Format:    "html",
		Title:     clean(art.Title()),
		Publisher: clean(art.SiteName()),
		Byline:    clean(art.Byline()),
		Text:      normalizeText(paragraphs(text.String())),
	}
	if page != nil {
		a.URL = page.String()
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() > 1900 {
		a.Date = t.UTC().Format(time.DateOnly)
	}
	// A page of links and a footer is not an article, even when
	// readability returns something from it.
	if len(strings.Fields(a.Text)) < minWords {
		return nil, ErrNoArticle
	}
	if !utf8.ValidString(a.Text) {
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
	}
	return a, nil
}

// paragraphs puts a blank line between lines a browser shows apart, so
// every block of the page is a paragraph of its own.
func paragraphs(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
