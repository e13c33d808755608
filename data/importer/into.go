package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
)

// target is the dossier of --into: as parley loads it, and as text in an
// editing session that adds the drafts without touching anything else.
type target struct {
	path    string
	dossier *data.Dossier
	session *edit.Session
}

// openInto reads the dossier of --into through the read policy (its own
// files and the folders the user allowed, as every command reads it) and
// refuses one that does not validate, with its problems. The session
// holds the very bytes that were validated: a file changed between the two
// reads is refused too.
func openInto(path string, policy data.ReadPolicy) (*target, error) {
	src, err := data.ReadDossierFile(path)
	if err != nil {
		return nil, fmt.Errorf("--into %s: %w", path, err)
	}
	d, probs, err := data.LoadWith(path, data.LoadOptions{Bytes: src, Policy: policy})
	if err != nil {
		if len(probs) == 0 {
			return nil, fmt.Errorf("--into %s: %w", path, err)
		}
		return nil, fmt.Errorf("%s does not validate; fix it before importing into it:%s", path, listProblems(probs))
	}
	s, err := edit.OpenWith(path, policy)
	if err != nil {
		return nil, fmt.Errorf("--into %s: %w", path, err)
	}
	if !bytes.Equal(s.Text(s.Path), src) {
		return nil, fmt.Errorf("--into %s: the file changed while it was being read; nothing was written, run the import again", path)
	}
	return &target{path: path, dossier: d, session: s}, nil
}

func listProblems(probs data.Problems) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString("\n" + p.String())
	}
	return b.String()
}

// add writes what the assembly added to the target's file: new sources,
// parties, actors and statements appended to their lists, in one step,
// each in the style of its neighbours; the version raised to 1.1 (drafts
// are a 1.1 field) when the dossier is older. Every other byte of the file
// stays as it was. The result must validate, or nothing is written; the
// file is replaced atomically, and only if nobody changed it meanwhile.
// It reports whether the version was raised.
func (t *target) add(res *Result) (raised bool, err error) {
	d := res.Dossier
	var edits []edit.Edit
	addAll := func(list string, ids []string, find func(string) any) error {
		for _, id := range ids {
			v := find(id)
			if v == nil {
				return fmt.Errorf("the draft has no %s %q", list, id)
			}
			r, err := edit.FromStruct(v)
			if err != nil {
				return err
			}
			edits = append(edits, edit.Add{List: list, Record: r})
		}
		return nil
	}
	for _, l := range []struct {
		list string
		ids  []string
		find func(string) any
	}{
		{edit.Sources, res.New.Sources, byID(d.Sources, func(x *data.Source) string { return x.ID })},
		{edit.Parties, res.New.Parties, byID(d.Parties, func(x *data.Party) string { return x.ID })},
		{edit.Actors, res.New.Actors, byID(d.Actors, func(x *data.Actor) string { return x.ID })},
		{edit.Statements, res.New.Statements, byID(d.Statements, func(x *data.Statement) string { return x.ID })},
	} {
		if err := addAll(l.list, l.ids, l.find); err != nil {
			return false, fmt.Errorf("%s: %w; nothing was written", t.path, err)
		}
	}
	if len(edits) == 0 {
		return false, nil
	}
	if !t.dossier.Parley.AtLeast(data.Version1_1) {
		edits = append(edits, edit.Set{Ref: edit.Dossier, Field: "parley", Value: data.Version1_1})
		raised = true
	}
	s := t.session
	if err := s.Apply(edit.Batch{Name: "import", Edits: edits}); err != nil {
		return false, fmt.Errorf("%s: the drafts could not be added: %w; nothing was written", t.path, err)
	}
	if _, probs, err := s.Check(); err != nil {
		var inv *data.InvalidError
		if errors.As(err, &inv) {
			return false, fmt.Errorf("%s would not validate with the drafts; nothing was written:%s", t.path, listProblems(probs))
		}
		return false, fmt.Errorf("%s: %w; nothing was written", t.path, err)
	}
	if err := s.Save(nil); err != nil {
		return false, fmt.Errorf("%s: %w", t.path, err)
	}
	return raised, nil
}

// byID finds a record of a list by its id (the draft is not indexed).
func byID[T any](list []*T, id func(*T) string) func(string) any {
	m := make(map[string]*T, len(list))
	for _, x := range list {
		m[id(x)] = x
	}
	return func(k string) any {
		if x, ok := m[k]; ok {
			return x
		}
		return nil
	}
}
