package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Fetcher gets articles from the web.
type Fetcher struct {
	// Client is the HTTP client; nil means one made from Timeout and
	// MaxRedirects. Tests give an httptest server's client.
	Client *http.Client
	// Timeout is how long one fetch may take in all; 0 means 20 seconds.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed; 0 means 3.
	MaxRedirects int
	// MaxBytes caps the page; 0 means MaxBytes.
	MaxBytes int64
}

// IsURL tells whether an argument names a web page rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Fetch gets the page at rawURL and reads its article. It refuses what is
// not a web page (or plain text), an answer other than 200, a page over
// the size cap, and a server that does not answer in time, each with an
// error that says so.
func (f Fetcher) Fetch(ctx context.Context, rawURL string) (*Article, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http or https URL", rawURL)
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	maxRedirects := f.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = 3
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = MaxBytes
	}
	client := http.Client{}
	if f.Client != nil {
		client = *f.Client
	}
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8")
	req.Header.Set("User-Agent", "parley-import (+https://github.com/parley-dev/parley)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(rawURL, err, timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: the server answered %s", rawURL, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "":
	default:
		return nil, fmt.Errorf("%s: the server sent %s, not a web page", rawURL, mt)
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%s: the page is %d MiB, larger than the %d MiB cap", rawURL, resp.ContentLength>>20, limit>>20)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fetchError(rawURL, err, timeout)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: the page is larger than the %d MiB cap", rawURL, limit>>20)
	}
	if mt == "" {
		ct = "text/html"
	}
	a, err := Parse(resp.Request.URL.String(), b, ct)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	a.Name = rawURL
	a.URL = resp.Request.URL.String()
	return a, nil
}

func fetchError(rawURL string, err error, timeout time.Duration) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%s: no answer within %v", rawURL, timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%s: %w", rawURL, err)
}
