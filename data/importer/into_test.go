package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
)

// Dossiers to import into, as people write them: comments everywhere, block
// and flow style, JSON; the version 1 ones are raised to 1.1 for the drafts.
// Their ids are chosen so that the Geneva report's drafts meet the cases:
// a person the dossier already has under another id or spelling (Antony
// Blinken, Sergey Lavrov), a party known by another id (us, ru, usa), and
// a source and a statement id the drafts would otherwise take.

const commentedBlock = `# Talks over Ukraine, kept by hand.
# Every statement here is checked against its source.
parley: 1.1
title: Ukraine talks   # a working title

date: 2022-01-20
sources:
  # the first report
  - id: kyiv-visit
    title: Blinken in Kyiv
    text: |
      Blinken said in Kyiv that the United States stood with Ukraine.

parties:
  - id: us            # the United States
    name: United States
    short: US
  - id: ru
    name: Russia

actors:
  - id: antony-blinken
    name: Antony Blinken
    party: us
    role: Secretary of State
  - id: sergey-lavrov      # spelt as the wire spells him
    name: Sergey Lavrov
    party: ru

statements:
  - id: blinken-stands-with-ukraine   # checked 2022-01-20
    kind: reported
    actor: antony-blinken
    text: The United States stood with Ukraine.
    source: kyiv-visit
    anchor:
      exact: the United States stood with Ukraine

# end of the dossier
`

const flowVersion1 = `parley: 1
title: Flow style   # every record on one line
parties: [{id: russia, name: Russia}, {id: usa, name: United States, short: US}]
actors: [{id: lavrov, name: Sergei Lavrov, party: russia}]
# a source whose id the report's would take
sources: [{id: geneva-2022-01-21, title: Another report, text: "Lavrov said that the talks would go on."}]
statements: [{id: lavrov-west-would-submit-written, kind: reported, actor: lavrov, text: The talks would go on., source: geneva-2022-01-21, anchor: {exact: the talks would go on}}]
`

const jsonVersion1 = `{
  "parley": 1,
  "title": "A JSON dossier",
  "parties": [
    {"id": "us", "name": "United States", "short": "US"},
    {"id": "ru", "name": "Russia", "short": "RU"}
  ],
  "actors": [
    {"id": "blinken", "name": "Antony Blinken", "party": "us"}
  ],
  "statements": []
}
`

func writeDossier(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// copyDir copies the folder of a dossier (its source and statement files)
// and returns the dossier's new path.
func copyDir(t *testing.T, dossier string) string {
	t.Helper()
	from, to := filepath.Dir(dossier), t.TempDir()
	err := filepath.WalkDir(from, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(to, filepath.Base(dossier))
}

// insertions says what was added to old to make new, when new is old with
// text inserted and nothing of old removed or changed: the inserted pieces
// in order. Lines are compared first (a longest common subsequence), then
// the bytes of each changed stretch, so a comma added after a JSON record or
// ".1" after "parley: 1" are insertions of their own.
func insertions(old, new []byte) ([]string, error) {
	a, b := lines(old), lines(new)
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	var gone, added strings.Builder
	flush := func() error {
		if gone.Len() > 0 {
			pieces, err := byteInsertions(gone.String(), added.String())
			if err != nil {
				return err
			}
			out = append(out, pieces...)
		} else if added.Len() > 0 {
			out = append(out, added.String())
		}
		gone.Reset()
		added.Reset()
		return nil
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			if err := flush(); err != nil {
				return nil, err
			}
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			added.WriteString(b[j])
			j++
		default:
			gone.WriteString(a[i])
			i++
		}
	}
	return out, flush()
}

// byteInsertions is insertions within a stretch of changed lines: what
// they begin and end with in common is kept, then the bytes between are
// compared.
func byteInsertions(old, new string) ([]string, error) {
	for len(old) > 0 && len(new) > 0 && old[0] == new[0] {
		old, new = old[1:], new[1:]
	}
	for len(old) > 0 && len(new) > 0 && old[len(old)-1] == new[len(new)-1] {
		old, new = old[:len(old)-1], new[:len(new)-1]
	}
	if len(old)*len(new) > 4<<20 {
		return nil, fmt.Errorf("a changed stretch too long to compare: %q", old)
	}
	lcs := make([][]int32, len(old)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(new)+1)
	}
	for i := len(old) - 1; i >= 0; i-- {
		for j := len(new) - 1; j >= 0; j-- {
			if old[i] == new[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	if int(lcs[0][0]) != len(old) {
		return nil, fmt.Errorf("changed, not only added to:\n%s\nbecame\n%s", old, new)
	}
	var out []string
	piece := ""
	for i, j := 0, 0; j < len(new); {
		if i < len(old) && old[i] == new[j] && lcs[i][j] == lcs[i+1][j+1]+1 {
			if piece != "" {
				out = append(out, piece)
				piece = ""
			}
			i, j = i+1, j+1
			continue
		}
		piece += new[j : j+1]
		j++
	}
	if piece != "" {
		out = append(out, piece)
	}
	return out, nil
}

func lines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		out = append(out, string(b[:i]))
		b = b[i:]
	}
	return out
}

func TestInsertionsSeesEveryChange(t *testing.T) {
	for _, tc := range []struct {
		old, new string
		want     []string // nil: an error
	}{
		{"a\nb\n", "a\nx\nb\n", []string{"x\n"}},
		{"parley: 1\nt: x\n", "parley: 1.1\nt: x\n", []string{".1"}},
		{"[\n  {\"a\": 1}\n]\n", "[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n", []string{",\n  {\"b\": 2}"}},
		{"a\nb\n", "a\nB\n", nil},
		{"a # note\nb\n", "a\nb\n", nil},
		{"a\nb\n", "b\na\nb\n", []string{"b\n"}},
	} {
		got, err := insertions([]byte(tc.old), []byte(tc.new))
		if tc.want == nil {
			if err == nil {
				t.Errorf("%q → %q: no error, insertions %q", tc.old, tc.new, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q → %q: %q, %v; want %q", tc.old, tc.new, got, err, tc.want)
		}
	}
}

// recordsJSON is every record of a dossier as JSON, by list and id.
func recordsJSON(t *testing.T, d *data.Dossier) map[string]string {
	t.Helper()
	out := map[string]string{}
	put := func(list, id string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[list+"/"+id] = string(b)
	}
	for _, x := range d.Sources {
		put("sources", x.ID, x)
	}
	for _, x := range d.Parties {
		put("parties", x.ID, x)
	}
	for _, x := range d.Actors {
		put("actors", x.ID, x)
	}
	for _, x := range d.Topics {
		put("topics", x.ID, x)
	}
	for _, x := range d.Statements {
		put("statements", x.ID, x)
	}
	for i, x := range d.Positions {
		put("positions", fmt.Sprint(i), x)
	}
	for i, x := range d.Demands {
		put("demands", fmt.Sprint(i), x)
	}
	return out
}

// Importing the Geneva report into dossiers of every style: the drafts are
// added at the ends of the lists and nothing else of the file changes — not
// a comment, not a blank line, not the order — but the version of a
// version 1 dossier; the dossier's people and parties are the drafts'
// speakers, under the dossier's ids; new ids are not the dossier's; and a
// second import of the same article changes nothing.
func TestImportIntoKeepsEveryOtherByte(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		// people the dossier has, whose drafts must name them by its ids
		speakers map[string]string // actor id → surname
		raised   bool
		// what the new records must be called (an id the dossier had)
		newIDs []string
	}{
		{"a commented YAML dossier in block style", "talks.yaml", commentedBlock,
			map[string]string{"antony-blinken": "Blinken", "sergey-lavrov": "Lavrov"}, false, nil},
		{"a version 1 YAML dossier in flow style", "flow.yaml", flowVersion1,
			map[string]string{"lavrov": "Lavrov"}, true,
			[]string{"sources/geneva-2022-01-21-2", "statements/lavrov-west-would-submit-written-2"}},
		{"a version 1 JSON dossier without sources", "talks.json", jsonVersion1,
			map[string]string{"blinken": "Blinken"}, true, nil},
		{"a dossier with a statement file and a source file (ceasefire)", "", "../../testdata/dossiers/ceasefire/ceasefire.yaml", nil, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var path string
			if tc.file == "" {
				path = copyDir(t, tc.text)
			} else {
				path = writeDossier(t, t.TempDir(), tc.file, tc.text)
			}
			before, _ := os.ReadFile(path)
			old, _, err := data.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			rep, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: path})
			if err != nil {
				t.Fatal(err)
			}
			after, _ := os.ReadFile(path)
			added, err := insertions(before, after)
			if err != nil {
				t.Fatalf("the dossier's own text changed: %v", err)
			}
			// sources, parties, actors, statements, the version: each
			// list's new records are one piece, at its end
			if len(added) > 5 {
				t.Errorf("%d pieces inserted, want a piece per list at most:\n%s", len(added), strings.Join(added, "\n---\n"))
			}
			d, probs, err := data.Load(path)
			if err != nil || probs.Errors() > 0 {
				t.Fatalf("the dossier does not validate after the import: %v\n%v", err, probs)
			}
			if tc.raised != rep.Raised || !d.Parley.AtLeast(data.Version1_1) {
				t.Errorf("version %v, raised %v; want raised %v", d.Parley, rep.Raised, tc.raised)
			}
			if tc.raised && !slices.Contains(added, ".1") {
				t.Errorf("the version was not raised in place: %q", added)
			}
			// every record the dossier had is as it was
			now := recordsJSON(t, d)
			for k, v := range recordsJSON(t, old) {
				if now[k] != v {
					t.Errorf("%s changed:\n%s\n%s", k, v, now[k])
				}
			}
			if len(d.Statements) != len(old.Statements)+rep.Statements || rep.Statements == 0 {
				t.Errorf("%d statements before, %d after, %d reported added", len(old.Statements), len(d.Statements), rep.Statements)
			}
			// the drafts' speakers are the dossier's people
			names := map[string]string{}
			for _, a := range d.Actors {
				if other, ok := names[Slug(a.Name, 4)]; ok {
					t.Errorf("actors %s and %s are one person, %s", other, a.ID, a.Name)
				}
				names[Slug(a.Name, 4)] = a.ID
			}
			for _, id := range []string{"russia", "united-states"} {
				if d.Party(id) != nil && old.Party(id) == nil && (old.Party("ru") != nil || old.Party("usa") != nil || old.Party("us") != nil) {
					t.Errorf("a party %q was added beside the dossier's own", id)
				}
			}
			for id, surname := range tc.speakers {
				n := 0
				for _, s := range d.Statements {
					if old.Statement(s.ID) == nil && s.Actor == id {
						n++
					}
				}
				if n == 0 {
					t.Errorf("no draft is attributed to the dossier's %s (%s)", surname, id)
				}
			}
			for _, s := range d.Statements {
				if old.Statement(s.ID) != nil {
					continue
				}
				if s.Draft() == nil || s.Location == nil {
					t.Errorf("new statement %q has no draft or is not anchored", s.ID)
				}
			}
			for _, want := range tc.newIDs {
				list, id, _ := strings.Cut(want, "/")
				if _, ok := recordsJSON(t, d)[want]; !ok {
					t.Errorf("no %s %q", list, id)
				}
			}

			// Again: the article is already there, and so is all it says.
			rep2, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: path})
			if err != nil {
				t.Fatal(err)
			}
			again, _ := os.ReadFile(path)
			if !bytes.Equal(again, after) {
				t.Errorf("a second import changed the file:\n%s", again)
			}
			var text bytes.Buffer
			rep2.WriteText(&text)
			for _, want := range []string{"already in the dossier as source", "nothing new", path + " is unchanged"} {
				if !strings.Contains(text.String(), want) {
					t.Errorf("the second report does not say %q:\n%s", want, text.String())
				}
			}
		})
	}
}

// The Geneva dossier was built by hand from the report; importing the
// report into it adds the report as no new source, and of the drafts only
// those whose passage no statement of the dossier covers.
func TestImportIntoTheDossierBuiltFromTheArticle(t *testing.T) {
	path := copyDir(t, "../geneva/geneva.yaml")
	old, _, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(filepath.Dir(path), "sources", "geneva-2022-01-21.txt")
	rep, _, _, err := runImport(t, Config{Inputs: []string{report}, Into: path})
	if err != nil {
		t.Fatal(err)
	}
	a := rep.Articles[0]
	if !a.Reused || a.Source != "geneva-report" || rep.Sources != 0 || rep.Actors != 0 || rep.Parties != 0 {
		t.Errorf("the report became %+v; %d sources, %d actors, %d parties added", a, rep.Sources, rep.Actors, rep.Parties)
	}
	drafted := len(Assemble([]*article.Article{geneva(t)}, Options{}).Dossier.Statements)
	if a.Quotes+a.Reported+a.Skipped != drafted || a.Skipped == 0 {
		t.Errorf("%d drafted alone; into the dossier %d added, %d skipped", drafted, a.Quotes+a.Reported, a.Skipped)
	}
	d, probs, err := data.Load(path)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("%v\n%v", err, probs)
	}
	for _, s := range d.Statements {
		if old.Statement(s.ID) != nil {
			continue
		}
		t.Logf("added: %s (%s) %q", s.ID, s.Kind, s.Text)
		if s.Source != "geneva-report" || s.Location == nil {
			t.Errorf("%s: source %q, location %v", s.ID, s.Source, s.Location)
			continue
		}
		for _, h := range old.Statements {
			if h.Location == nil {
				continue
			}
			ov := min(h.Location.End, s.Location.End) - max(h.Location.Start, s.Location.Start)
			if strings.EqualFold(h.Text, s.Text) || 2*ov >= s.Location.End-s.Location.Start {
				t.Errorf("%s says again what %s says: %q, %q", s.ID, h.ID, s.Text, h.Text)
			}
		}
	}
}

func TestIntoADossierThatDoesNotValidateIsRefused(t *testing.T) {
	dir := t.TempDir()
	text := "parley: 1\ntitle: Broken\nparties:\n  - {id: a, name: A}\nstatements:\n  - {id: s1, kind: quote, text: x, actor: ghost}\n"
	bad := writeDossier(t, dir, "bad.yaml", text)
	_, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: bad})
	if err == nil || !strings.Contains(err.Error(), "bad.yaml does not validate; fix it before importing into it:") || !strings.Contains(err.Error(), `bad.yaml:6:43: error: statement "s1": unknown actor "ghost"`) {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(bad); string(b) != text {
		t.Error("the dossier was written to")
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("files left beside it: %v", files)
	}
}

// A version 1 dossier may hold a 1.1 field that version 1 ignores with a
// warning; raised to 1.1 for the drafts, it would be an error. The import
// is refused with the problem and the file is left as it was.
func TestIntoADossierTheDraftsWouldMakeInvalid(t *testing.T) {
	dir := t.TempDir()
	text := "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\nstatements:\n  - {id: s1, kind: reported, party: a, text: Something was said., via: ghost}\n"
	path := writeDossier(t, dir, "talks.yaml", text)
	_, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: path})
	if err == nil || !strings.Contains(err.Error(), "talks.yaml would not validate with the drafts; nothing was written:") || !strings.Contains(err.Error(), `via "ghost" names no actor and no source`) {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != text {
		t.Error("the dossier was written to")
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("files left beside it: %v", files)
	}
}

// The dossier of --into is read as every command reads it: a source file
// outside its folder is refused unless the user allowed that folder.
func TestIntoReadsThroughTheReadPolicy(t *testing.T) {
	root := t.TempDir()
	talks, shared := filepath.Join(root, "talks"), filepath.Join(root, "shared")
	for _, d := range []string{talks, shared} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeDossier(t, shared, "minutes.txt", "The parties met.\n")
	text := "parley: 1.1\ntitle: T\nparties: [{id: a, name: A}]\nsources: [{id: minutes, file: ../shared/minutes.txt}]\n"
	path := writeDossier(t, talks, "talks.yaml", text)
	_, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: path})
	if err == nil || !strings.Contains(err.Error(), `cannot read "../shared/minutes.txt": it is `) || !strings.Contains(err.Error(), "--allow") {
		t.Fatalf("error %v, want a refusal naming the file and --allow", err)
	}
	if !errors.Is(err, data.ErrRefused) && !strings.Contains(err.Error(), "outside the dossier's folder") {
		t.Errorf("error %v is not the read policy's refusal", err)
	}
	if b, _ := os.ReadFile(path); string(b) != text {
		t.Fatal("the refused dossier was written to")
	}
	if _, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Into: path, Policy: data.ReadPolicy{Allow: []string{shared}}}); err != nil {
		t.Fatalf("with its folder allowed: %v", err)
	}
	if d, _, err := data.LoadWith(path, data.LoadOptions{Policy: data.ReadPolicy{Allow: []string{shared}}}); err != nil || len(d.Statements) == 0 {
		t.Fatalf("after the import: %v", err)
	}
}
