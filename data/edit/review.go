package edit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
)

// Reviewing drafts from the command line (parley accept, parley reject):
// the same edits as the explorer's Review screen, on a file, saved
// atomically with every other byte kept.

// ReviewRequest is what to do with a dossier's drafts.
type ReviewRequest struct {
	// Reject rejects the drafts named (their statements go); otherwise
	// they are accepted (their draft fields go).
	Reject bool
	IDs    []string
	// Above, when set, accepts every draft at least this confident too.
	Above *float64
}

// ReviewError is a request that names no draft: an unknown id, a
// statement that is not a draft, a confidence out of range. It is a usage
// error (parley exits 2).
type ReviewError struct{ msg string }

func (e *ReviewError) Error() string { return e.msg }

// Usage marks the error as the command line's.
func (e *ReviewError) Usage() bool { return true }

// ReviewFile accepts or rejects drafts of the dossier file at path and
// saves it, keeping its comments and every byte outside the records
// reviewed. It returns the ids it reviewed. A dossier that does not
// validate is refused before anything is changed, with its problems.
func ReviewFile(path string, policy data.ReadPolicy, r ReviewRequest) ([]string, error) {
	if r.Above != nil && (*r.Above < 0 || *r.Above > 1) {
		return nil, &ReviewError{fmt.Sprintf("--above %g: a confidence is from 0 to 1", *r.Above)}
	}
	if len(r.IDs) == 0 && r.Above == nil {
		return nil, &ReviewError{"name the drafts (statement ids), or give --above"}
	}
	d, probs, err := data.LoadWith(path, data.LoadOptions{Policy: policy})
	if err != nil {
		var inv *data.InvalidError
		if errors.As(err, &inv) {
			var b strings.Builder
			for _, p := range probs {
				if p.Severity == data.SeverityError {
					b.WriteString("\n" + p.String())
				}
			}
			return nil, fmt.Errorf("%s does not validate; fix it first:%s", path, b.String())
		}
		return nil, err
	}
	if err := CheckDrafts(d, r.IDs); err != nil {
		return nil, &ReviewError{err.Error()}
	}
	ids := append([]string(nil), r.IDs...)
	if r.Above != nil {
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if _, above := AcceptAbove(d, *r.Above); len(above) > 0 {
			for _, id := range above {
				if !seen[id] {
					ids = append(ids, id)
				}
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	s, err := OpenWith(path, policy)
	if err != nil {
		return nil, err
	}
	e := AcceptIn(d, ids...)
	if r.Reject {
		e = Reject(ids...)
	}
	if err := s.Apply(e); err != nil {
		return nil, err
	}
	if err := s.Save(nil); err != nil {
		return nil, err
	}
	return ids, nil
}
