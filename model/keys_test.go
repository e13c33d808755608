package model

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/search"
)

// A place is somewhere a user can be: a screen in one of its states,
// reached by keys named after their bindings, so the same steps reach it
// with the default keys and with every key remapped.
type keyPlace struct {
	name  string
	reach func(u *keyUser)
	// edit opens a fresh copy of the editing fixture for each user,
	// with an editing session, instead of the built-in dossier.
	edit bool
}

var keyPlaces = []keyPlace{
	{"Compare", func(u *keyUser) {}, false},
	{"Compare, all topics", func(u *keyUser) { u.press("all_topics") }, false},
	{"Compare, picking parties", func(u *keyUser) { u.press("pick_parties") }, false},
	{"Demands, the list", func(u *keyUser) { u.press("screen_2") }, false},
	{"Demands, a thread", func(u *keyUser) { u.press("screen_2", "next_pane") }, false},
	{"Matrix", func(u *keyUser) { u.press("screen_3", "down") }, false},
	{"Matrix, a cell's evidence", func(u *keyUser) { u.press("screen_3"); u.openEvidenceList() }, false},
	{"Source", func(u *keyUser) { u.press("screen_4") }, false},
	{"Timeline", func(u *keyUser) { u.press("screen_5", "down") }, false},
	{"Quotes, typing a query", func(u *keyUser) { u.press("search"); u.typeText("russia") }, false},
	{"Quotes, the results", func(u *keyUser) { u.press("search"); u.typeText("russia"); u.press("input_switch", "down") }, false},
	{"a statement", func(u *keyUser) { u.press("search"); u.typeText("invasion"); u.press("input_submit") }, false},
	{"export, naming the file", func(u *keyUser) { u.press("screen_2", "export") }, false},
	{"export, overwrite?", func(u *keyUser) {
		u.press("screen_2", "export", "input_clear")
		u.typeText(u.existing)
		u.press("input_submit")
	}, false},

	{"Compare, editing", func(u *keyUser) {}, true},
	{"Review, a draft", func(u *keyUser) { u.press("screen_7") }, true},
	{"Review, fixing the speaker", func(u *keyUser) { u.press("screen_7", "fix") }, true},
	{"Review, fixing the kind", func(u *keyUser) { u.press("screen_7", "fix", "input_next_field") }, true},
	{"Review, fixing the topics", func(u *keyUser) { u.press("screen_7", "fix", "input_next_field", "input_next_field") }, true},
	{"Review, a new actor", func(u *keyUser) {
		u.press("screen_7", "fix")
		u.typeText("Jen Psaki")
		u.press("input_submit")
	}, true},
	{"Review, accepting above a confidence", func(u *keyUser) { u.press("screen_7", "accept_above") }, true},
	{"Review, nothing left", func(u *keyUser) {
		u.press("screen_7", "accept_above", "input_clear")
		u.typeText("0")
		u.press("input_submit", "screen_7") // the second clears the notice
	}, true},
	{"quitting with unsaved edits", func(u *keyUser) { u.press("screen_7", "accept", "quit") }, true},
	{"a change on disk with unsaved edits", func(u *keyUser) {
		u.press("screen_7", "accept")
		u.changeOnDisk()
	}, true},
	{"the problems", func(u *keyUser) { u.press("screen_7", "problems") }, true},
	{"Source, editing", func(u *keyUser) { u.press("screen_4") }, true},
	{"Source, marking a passage", func(u *keyUser) { u.press("screen_4", "mark", "down", "down") }, true},
	{"Source, the new statement", func(u *keyUser) { u.press("screen_4", "mark", "open") }, true},
	{"Source, the new statement's speaker", func(u *keyUser) { u.press("screen_4", "mark", "open", "input_next_field") }, true},
	{"Compare, a position", func(u *keyUser) { u.press("screen_1", "edit") }, true},
	{"Compare, a position's evidence", func(u *keyUser) { u.press("screen_1", "edit", "input_next_field", "input_next_field") }, true},
	{"Compare, a new topic", func(u *keyUser) { u.press("screen_1", "add") }, true},
	{"Compare, a topic's place", func(u *keyUser) { u.press("screen_1", "edit_topic", "input_next_field", "input_next_field") }, true},
	{"Matrix, editing", func(u *keyUser) { u.press("screen_3", "down") }, true},
	{"Demands, editing", func(u *keyUser) { u.press("screen_2") }, true},
	{"Demands, a new demand", func(u *keyUser) { u.press("screen_2", "add") }, true},
	{"a statement, editing", func(u *keyUser) { u.send(OpenStatementMsg{ID: "lavrov-his-country-has-no"}) }, true},
	{"a statement, its form", func(u *keyUser) {
		u.send(OpenStatementMsg{ID: "lavrov-his-country-has-no"})
		u.press("edit")
	}, true},
	{"a statement, its speaker's form", func(u *keyUser) {
		u.send(OpenStatementMsg{ID: "lavrov-his-country-has-no"})
		u.press("edit_actor")
	}, true},
	{"Review, the speaker's form", func(u *keyUser) { u.press("screen_7", "next_statement", "edit_actor") }, true},
	{"a statement, a response from it", func(u *keyUser) {
		u.press("screen_2", "add")
		u.typeText("russia")
		u.press("input_submit")
		u.typeText("nato")
		u.press("input_submit", "input_next_field", "input_next_field")
		u.typeText("Guarantees")
		u.press("input_submit")
		u.send(OpenStatementMsg{ID: "lavrov-his-country-has-no"})
		u.press("respond")
	}, true},
	{"Source, the new statement's words", func(u *keyUser) {
		u.press("screen_4", "mark", "open", "input_next_field", "input_next_field", "input_next_field", "input_next_field")
	}, true},
}

// keyUser drives the explorer by binding names, in the keys its key map
// has now.
type keyUser struct {
	tb       testing.TB
	m        *Root
	existing string   // a file that exists, for the export prompt's question
	out      []string // what left the program: quitting, the clipboard
	path     string   // the dossier's file, when it is edited
}

func newKeyUser(tb testing.TB, d *data.Dossier, ix *search.Index, remap map[string][]string, existing string, editing bool) *keyUser {
	opts := Options{Theme: "dark", Keys: remap, Index: ix}
	path := ""
	if editing {
		src, err := os.ReadFile(talksFixture)
		if err != nil {
			tb.Fatal(err)
		}
		path = filepath.Join(tb.TempDir(), "talks.yaml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			tb.Fatal(err)
		}
		if d, _, err = data.Load(path); err != nil {
			tb.Fatal(err)
		}
		if opts.Session, err = edit.Open(path); err != nil {
			tb.Fatal(err)
		}
		opts.Index = nil
	}
	m := New(d, opts)
	u := &keyUser{tb: tb, m: m, existing: existing, path: path}
	u.send(tea.WindowSizeMsg{Width: 200, Height: 80})
	u.settle(m.Init())
	return u
}

// binding is the binding a config calls name.
func (u *keyUser) binding(name string) *key.Binding {
	for _, n := range u.m.keys.named() {
		if n.name == name {
			return n.b
		}
	}
	u.tb.Fatalf("no binding is called %q", name)
	return nil
}

func (u *keyUser) press(names ...string) {
	for _, name := range names {
		u.send(keyMsg(u.binding(name).Keys()[0]))
	}
}

func (u *keyUser) typeText(s string) {
	for _, r := range s {
		u.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// openEvidenceList puts the Matrix cursor on the first cell whose
// position cites several statements and opens it.
func (u *keyUser) openEvidenceList() {
	x := u.m.screens[u.m.active].(*Matrix)
	for r, row := range x.rows {
		if row.Agreement == nil {
			continue
		}
		for c, pos := range row.Agreement.Positions {
			if pos != nil && len(pos.Evidence) > 1 {
				x.row, x.col, x.cursorTopic = r, c, ""
				x.clamp()
				u.press("evidence")
				return
			}
		}
	}
	u.tb.Fatal("no cell of the matrix cites several statements")
}

// changeOnDisk changes the dossier's file as an editor beside parley
// would, and lets the explorer find out.
func (u *keyUser) changeOnDisk() {
	b, err := os.ReadFile(u.path)
	if err != nil {
		u.tb.Fatal(err)
	}
	text := strings.Replace(string(b), "Keeping the talks going", "Keeping the talks alive", 1)
	if err := os.WriteFile(u.path, []byte(text), 0o644); err != nil {
		u.tb.Fatal(err)
	}
	u.send(diskMsg{})
}

func (u *keyUser) send(msg tea.Msg) {
	_, cmd := u.m.Update(msg)
	u.settle(cmd)
}

// settle runs commands as the program would and delivers what they say,
// noting what leaves the program (quitting, the clipboard). A command
// that waits longer than any of the explorer's should is dropped.
func (u *keyUser) settle(cmd tea.Cmd) {
	msg, ok := runWithin(cmd, 2*time.Second)
	if !ok {
		return
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			u.settle(c)
		}
	default:
		if t := reflect.TypeOf(msg); strings.HasPrefix(t.PkgPath(), "charm.land/bubbletea") {
			u.out = append(u.out, fmt.Sprintf("%T %v", msg, msg))
			return
		}
		u.send(msg)
	}
}

// effect is what a user can tell of the explorer: the screen above the
// footer (whose help names keys, and so differs when they are remapped),
// the footer's notice or prompt, and what left the program.
type effect struct {
	help                  bool
	screen, flash, prompt string
	out                   string
}

func (u *keyUser) effect() effect {
	// The full help takes as many lines as its keys' names need, and so
	// leaves the screen a different height; the screen is compared with
	// the help folded, and whether it was open is part of the effect.
	all := u.m.help.ShowAll
	u.m.help.ShowAll = false
	u.m.layout()
	lines := strings.Split(ansi.Strip(u.m.View().Content), "\n")
	body := lines[:max(len(lines)-u.m.footerH, 0)]
	u.m.help.ShowAll = all
	u.m.layout()
	return effect{
		help:   all,
		screen: searchTime.ReplaceAllString(strings.Join(body, "\n"), " · ? ms"),
		flash:  u.m.flash,
		prompt: fmt.Sprintf("%d %q", u.m.export.stage, u.m.export.input.Value()),
		out:    strings.Join(u.out, "; "),
	}
}

// searchTime is how long a search took, which differs from run to run.
var searchTime = regexp.MustCompile(` · <?[0-9.]+ ms *`)

// freshKeys gives every remappable binding a key of its own that no
// default binding uses.
func freshKeys(tb testing.TB) map[string][]string {
	var pool []string
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		pool = append(pool, "alt+"+string(c))
	}
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		pool = append(pool, "ctrl+alt+"+string(c))
	}
	for _, c := range "abcdefghijklmnopqrstuvwxyz" {
		pool = append(pool, "alt+shift+"+string(c))
	}
	names := BindingNames()
	if len(names) > len(pool) {
		tb.Fatalf("%d bindings, %d fresh keys", len(names), len(pool))
	}
	remap := map[string][]string{}
	for i, n := range names {
		if got := keyMsg(pool[i]).String(); got != pool[i] {
			tb.Fatalf("the test's key %q arrives as %q", pool[i], got)
		}
		remap[n] = []string{pool[i]}
	}
	return remap
}

// shownBindings is every binding the help shows at a place, help-only
// entries opened up into the bindings they describe, by config name.
func shownBindings(tb testing.TB, m *Root) []string {
	k := m.keys
	shown := m.helpNow()
	var names []string
	add := func(b key.Binding) bool {
		for _, n := range k.named() {
			if slices.Equal(n.b.Keys(), b.Keys()) {
				if !slices.Contains(names, n.name) {
					names = append(names, n.name)
				}
				return true
			}
		}
		return false
	}
	for _, b := range shown {
		if !b.Enabled() || add(b) {
			continue
		}
		found := false
		for _, c := range k.composites() {
			if slices.Equal(c.entry.Keys(), b.Keys()) {
				for _, of := range c.of {
					found = add(*of) || found
				}
				break
			}
		}
		if !found {
			tb.Errorf("help shows %q %q, which is no binding of the key map", b.Help().Key, b.Help().Desc)
		}
	}
	return names
}

// Every key the help shows, on every screen and prompt, does what it says
// once every binding is remapped to a fresh key, and its old key no longer
// does (crush's rule: help from live bindings, never from literals).
func TestEveryKeyInHelpDoesWhatItSaysAfterARemap(t *testing.T) {
	d := geneva(t)
	ix := search.Build(d, nil)
	existing := filepath.Join(t.TempDir(), "exists.md")
	if err := os.WriteFile(existing, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := freshKeys(t)
	defaults := newKeyMap()
	defaultKey := func(name string) string {
		for _, n := range defaults.named() {
			if n.name == name {
				return n.b.Keys()[0]
			}
		}
		return ""
	}
	// after reaches the place with one key map and presses one key there.
	after := func(p keyPlace, remap map[string][]string, k string) effect {
		u := newKeyUser(t, d, ix, remap, existing, p.edit)
		p.reach(u)
		if k != "" {
			u.send(keyMsg(k))
		}
		return u.effect()
	}
	for _, p := range keyPlaces {
		t.Run(p.name, func(t *testing.T) {
			u := newKeyUser(t, d, ix, fresh, existing, p.edit)
			p.reach(u)
			names := shownBindings(t, u.m)
			if len(names) == 0 {
				t.Fatal("help shows no key here")
			}
			still := after(p, fresh, "")
			for _, name := range names {
				old, now := defaultKey(name), fresh[name][0]
				want := after(p, nil, old)
				if got := after(p, fresh, now); got != want {
					t.Errorf("%s, remapped from %s to %s, does not do what %s did:\n%s", name, old, now, old, diffEffect(want, got))
				}
				if want == after(p, nil, "") || want == still {
					continue // the key changes nothing here (already at the top, say)
				}
				if got := after(p, fresh, old); got == want {
					t.Errorf("%s was remapped to %s, yet %s still does it", name, now, old)
				}
			}
		})
	}
}

func diffEffect(want, got effect) string {
	var b strings.Builder
	if want.screen != got.screen {
		fmt.Fprintf(&b, "want screen:\n%s\ngot screen:\n%s\n", want.screen, got.screen)
	}
	if want.flash != got.flash {
		fmt.Fprintf(&b, "want notice %q, got %q\n", want.flash, got.flash)
	}
	if want.prompt != got.prompt {
		fmt.Fprintf(&b, "want prompt %s, got %s\n", want.prompt, got.prompt)
	}
	if want.out != got.out {
		fmt.Fprintf(&b, "want %q, got %q\n", want.out, got.out)
	}
	return b.String()
}

// No key is named outside the key map: screens match bindings with
// key.Matches and show them from the bindings, never from a string.
func TestNoRawKeyStringsOutsideTheKeyMap(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "keys.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rawKeyProblems(t, name, string(src)) {
			t.Error(p)
		}
	}
}

// The check above finds what it is for.
func TestRawKeyCheckFindsRawKeys(t *testing.T) {
	src := `package model
func f(msg interface{ String() string }) {
	switch msg.String() {
	}
	if msg.String() == "esc" {
	}
	_ = msg.String()[0] - '1'
	_ = key.NewBinding(key.WithKeys("x"))
	b.SetHelp("enter", "open")
}`
	if got := rawKeyProblems(t, "x.go", src); len(got) != 6 {
		t.Errorf("found %d of the 6 raw keys:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// rawKeyProblems lists where a Go file names keys itself.
func rawKeyProblems(tb testing.TB, name, src string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		tb.Fatal(err)
	}
	isString := func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "String" && len(call.Args) == 0
	}
	isLiteral := func(e ast.Expr) bool {
		lit, ok := e.(*ast.BasicLit)
		return ok && lit.Kind == token.STRING
	}
	var out []string
	report := func(n ast.Node, what string) {
		out = append(out, fmt.Sprintf("%s: %s", fset.Position(n.Pos()), what))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "key" && (n.Sel.Name == "NewBinding" || n.Sel.Name == "WithKeys" || n.Sel.Name == "WithHelp") {
				report(n, "key."+n.Sel.Name+" outside keys.go: declare the binding in the key map")
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && isString(n.Tag) {
				report(n, "a switch on a key's string: match bindings with key.Matches")
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isString(n.X) && isLiteral(n.Y) || isString(n.Y) && isLiteral(n.X)) {
				report(n, "a key's string compared with a literal: match bindings with key.Matches")
			}
		case *ast.IndexExpr:
			if isString(n.X) {
				report(n, "a key's string taken apart: give each key a binding")
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SetHelp" && len(n.Args) > 0 && isLiteral(n.Args[0]) {
				report(n, "help with a key written out: build it from the binding")
			}
		}
		return true
	})
	return out
}
