package model

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// BindingNames lists the names a config's keys: section may remap.
func BindingNames() []string {
	named := newKeyMap().named()
	names := make([]string, len(named))
	for i, n := range named {
		names[i] = n.name
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
	k.apply(remap)
	named := k.named()
	out := make([]BindingInfo, len(named))
	for i, n := range named {
		out[i] = BindingInfo{Name: n.name, Keys: n.b.Keys(), Help: n.b.Help().Desc}
	}
	return out
}

// apply gives the named bindings the keys the config says, and keeps help
// truthful: a remapped binding's help shows its new keys, and so do the
// help-only entries that describe it.
func (k *keyMap) apply(remap map[string][]string) {
	if len(remap) == 0 {
		return
	}
	changed := map[*key.Binding]bool{}
	for _, n := range k.named() {
		keys, ok := remap[n.name]
		if !ok || len(keys) == 0 {
			continue
		}
		n.b.SetKeys(keys...)
		n.b.SetHelp(keyLabel(keys), n.b.Help().Desc)
		changed[n.b] = true
	}
	k.syncHelp(changed)
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
