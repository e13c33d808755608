package article

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// server answers the cases a fetch meets: an article, a redirect to it,
// a redirect loop, a missing page, a PDF, a slow server, a 50 MB page,
// plain text.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("testdata/harbour.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/harbour", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		// the page again, in Latin-1: é as one byte
		body := strings.ReplaceAll(string(page), "Nuuk", "Nuuk et Qaqortoq, à l’été")
		var b []byte
		for _, r := range body {
			if r < 256 {
				b = append(b, byte(r))
			} else {
				b = append(b, '?')
			}
		}
		w.Write(b)
	})
	mux.HandleFunc("/old-link", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/harbour", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		// 50 MB streamed without a length, so only reading tells its size
		chunk := []byte(strings.Repeat("<p>filler words for a page that never ends</p>\n", 1000))
		for sent := 0; sent < 50<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "Harbour notes\n\n“We will not sign anything that closes the harbour,” said Ana Lind.\n")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchingAnArticle(t *testing.T) {
	srv := server(t)
	f := Fetcher{Client: srv.Client()}
	for _, path := range []string{"/news/harbour", "/old-link"} {
		a, err := f.Fetch(context.Background(), srv.URL+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if a.Title != "Harbour talks end without a deal" || a.Publisher != "The Coastal Herald" || a.Date != "2024-03-05" {
			t.Errorf("%s: title %q, publisher %q, date %q", path, a.Title, a.Publisher, a.Date)
		}
		if a.URL != srv.URL+"/news/harbour" {
			t.Errorf("%s: URL %q, want where the redirect led", path, a.URL)
		}
		if !strings.Contains(a.Text, "said Ana Lind") {
			t.Errorf("%s: the article's text is missing:\n%s", path, a.Text)
		}
	}
}

func TestFetchingAPageInAnotherCharset(t *testing.T) {
	srv := server(t)
	a, err := Fetcher{Client: srv.Client()}.Fetch(context.Background(), srv.URL+"/latin1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "à l’été") && !strings.Contains(a.Text, "à l?été") {
		t.Errorf("Latin-1 not decoded:\n%s", a.Text)
	}
}

func TestFetchingPlainText(t *testing.T) {
	srv := server(t)
	a, err := Fetcher{Client: srv.Client()}.Fetch(context.Background(), srv.URL+"/notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != "text" || a.Title != "Harbour notes" {
		t.Errorf("format %q, title %q", a.Format, a.Title)
	}
}

func TestFetchFailuresSayWhatWentWrong(t *testing.T) {
	srv := server(t)
	f := Fetcher{Client: srv.Client(), Timeout: 300 * time.Millisecond}
	for _, tc := range []struct {
		name, path, message string
	}{
		{"a missing page", "/gone", "answered 404 Not Found"},
		{"not a web page", "/report.pdf", "sent application/pdf, not a web page"},
		{"a server that does not answer", "/slow", "no answer within 300ms"},
		{"a redirect loop", "/loop", "more than 3 redirects"},
		{"a 50 MB page", "/huge", "larger than the 10 MiB cap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			f := f
			if tc.path == "/huge" {
				f.Timeout = 0 // the default: reading 10 MiB takes its time on a busy machine
			}
			_, err := f.Fetch(context.Background(), srv.URL+tc.path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.message) || !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("error %q does not name the URL and say %q", err, tc.message)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	if _, err := f.Fetch(context.Background(), "ftp://example.org/a"); err == nil || !strings.Contains(err.Error(), "not an http or https URL") {
		t.Errorf("ftp URL: %v", err)
	}
}
