package model

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// A remappable binding: its name in the config file and where it lives.
type remappable struct {
	name string
	get  func(*keyMap, *analysisKeys) *key.Binding
}

func inKeys(f func(*keyMap) *key.Binding) func(*keyMap, *analysisKeys) *key.Binding {
	return func(k *keyMap, _ *analysisKeys) *key.Binding { return f(k) }
}

func inAnalysis(f func(*analysisKeys) *key.Binding) func(*keyMap, *analysisKeys) *key.Binding {
	return func(_ *keyMap, a *analysisKeys) *key.Binding { return f(a) }
}

// remappables lists every binding a config may remap, by the name the
// config uses. The help-only entries that describe a pair of keys are not
// here: they follow the bindings they describe (see pairHelp).
var remappables = []remappable{
	{"quit", inKeys(func(k *keyMap) *key.Binding { return &k.Quit })},
	{"help", inKeys(func(k *keyMap) *key.Binding { return &k.Help })},
	{"search", inKeys(func(k *keyMap) *key.Binding { return &k.Search })},
	{"up", inKeys(func(k *keyMap) *key.Binding { return &k.Up })},
	{"down", inKeys(func(k *keyMap) *key.Binding { return &k.Down })},
	{"page_up", inKeys(func(k *keyMap) *key.Binding { return &k.PageUp })},
	{"page_down", inKeys(func(k *keyMap) *key.Binding { return &k.PageDown })},
	{"top", inKeys(func(k *keyMap) *key.Binding { return &k.Top })},
	{"bottom", inKeys(func(k *keyMap) *key.Binding { return &k.Bottom })},
	{"next_pane", inKeys(func(k *keyMap) *key.Binding { return &k.NextPane })},
	{"prev_pane", inKeys(func(k *keyMap) *key.Binding { return &k.PrevPane })},
	{"prev_topic", inKeys(func(k *keyMap) *key.Binding { return &k.PrevTopic })},
	{"next_topic", inKeys(func(k *keyMap) *key.Binding { return &k.NextTopic })},
	{"all_topics", inKeys(func(k *keyMap) *key.Binding { return &k.AllTopics })},
	{"pick_parties", inKeys(func(k *keyMap) *key.Binding { return &k.PickParties })},
	{"open", inKeys(func(k *keyMap) *key.Binding { return &k.Open })},
	{"back", inKeys(func(k *keyMap) *key.Binding { return &k.Back })},
	{"copy", inKeys(func(k *keyMap) *key.Binding { return &k.Copy })},
	{"show_in_source", inKeys(func(k *keyMap) *key.Binding { return &k.ShowInSource })},
	{"toggle", inKeys(func(k *keyMap) *key.Binding { return &k.Toggle })},
	{"move_up", inKeys(func(k *keyMap) *key.Binding { return &k.MoveUp })},
	{"move_down", inKeys(func(k *keyMap) *key.Binding { return &k.MoveDown })},
	{"apply", inKeys(func(k *keyMap) *key.Binding { return &k.Apply })},
	{"cancel_pick", inKeys(func(k *keyMap) *key.Binding { return &k.CancelPick })},
	{"prev_party", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Left })},
	{"next_party", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Right })},
	{"fold", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Fold })},
	{"fold_all", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.FoldAll })},
	{"next_statement", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.NextStatement })},
	{"prev_statement", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.PrevStatement })},
	{"next_source", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.NextSource })},
	{"prev_source", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.PrevSource })},
	{"export", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Export })},
	{"confirm", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Confirm })},
	{"refuse", inAnalysis(func(a *analysisKeys) *key.Binding { return &a.Refuse })},
}

// pairHelp are the help entries that describe two bindings in one line;
// after a remap they are rebuilt from the keys those bindings now have.
func pairHelp(k *keyMap, a *analysisKeys) [][3]*key.Binding {
	return [][3]*key.Binding{
		{&k.TopicHelp, &k.PrevTopic, &k.NextTopic},
		{&k.PaneHelp, &k.NextPane, &k.PrevPane},
		{&k.MoveHelp, &k.Up, &k.Down},
		{&k.PageHelp, &k.PageUp, &k.PageDown},
		{&k.EndsHelp, &k.Top, &k.Bottom},
		{&a.ColumnHelp, &a.Left, &a.Right},
		{&a.StatementHelp, &a.NextStatement, &a.PrevStatement},
		{&a.SourceHelp, &a.PrevSource, &a.NextSource},
	}
}

// BindingNames lists the names a config's keys: section may remap.
func BindingNames() []string {
	names := make([]string, len(remappables))
	for i, r := range remappables {
		names[i] = r.name
	}
	return names
}

// BindingInfo is one binding as `parley config keys` lists it.
type BindingInfo struct {
	Name string
	Keys []string
	Help string
}

// Bindings lists every remappable binding with its keys after remap.
func Bindings(remap map[string][]string) []BindingInfo {
	k := newKeyMap()
	a := k.analysis
	applyKeys(k, a, remap)
	out := make([]BindingInfo, len(remappables))
	for i, r := range remappables {
		b := r.get(k, a)
		out[i] = BindingInfo{Name: r.name, Keys: b.Keys(), Help: b.Help().Desc}
	}
	return out
}

// applyKeys gives the named bindings the keys the config says, and keeps
// help truthful: a remapped binding's help shows its new keys, and so do
// the paired entries that describe it.
func applyKeys(k *keyMap, a *analysisKeys, remap map[string][]string) {
	if len(remap) == 0 {
		return
	}
	changed := map[*key.Binding]bool{}
	for _, r := range remappables {
		keys, ok := remap[r.name]
		if !ok || len(keys) == 0 {
			continue
		}
		b := r.get(k, a)
		b.SetKeys(keys...)
		b.SetHelp(keyLabel(keys), b.Help().Desc)
		changed[b] = true
	}
	for _, p := range pairHelp(k, a) {
		if changed[p[1]] || changed[p[2]] {
			p[0].SetKeys(slices.Concat(p[1].Keys(), p[2].Keys())...)
			p[0].SetHelp(p[1].Help().Key+" "+p[2].Help().Key, p[0].Help().Desc)
		}
	}
}

// keyLabel is how help shows a list of keys: "↑/k", "ctrl+q".
func keyLabel(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if short, ok := keySymbols[k]; ok {
			k = short
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

var keySymbols = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}
