package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Config is the user's settings file, $XDG_CONFIG_HOME/parley/config.yaml.
type Config struct {
	// Theme is auto, dark or light; "" when not set.
	Theme string
	// Dossier is the file `parley` opens with no FILE; "" for the built-in
	// one. Relative to the config file; a leading ~/ is the home directory.
	Dossier string
	// Keys remaps bindings: binding name → the keys that trigger it.
	Keys map[string][]string
	// Allow lists folders whose files any dossier may name, besides its
	// own (ReadPolicy.Allow); relative to the config file, ~/ expanded.
	Allow []string
	// Autosave saves a dossier being edited in the explorer after every
	// edit that leaves it valid, instead of on ctrl+s.
	Autosave bool
	// Path is where the config was read from ("" when there is none).
	Path string
}

// ConfigPath is where parley looks for its config: $XDG_CONFIG_HOME, or
// ~/.config, then parley/config.yaml — on every platform, so one
// documented place holds.
func ConfigPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "parley", "config.yaml")
}

var configFields = []string{"theme", "dossier", "keys", "allow", "autosave"}

// LoadConfig reads a config file. A missing file is no config, not an
// error. bindings lists the binding names keys may remap; any other name
// is an error with its place, like every other problem.
func LoadConfig(path string, bindings []string) (*Config, Problems, error) {
	src, err := ReadUserFile(path, maxConfigSize, "a settings file")
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	var probs Problems
	fail := func() (*Config, Problems, error) {
		probs.sort()
		return nil, probs, &InvalidError{Problems: probs}
	}
	if len(strings.TrimSpace(string(src))) == 0 {
		return &Config{Path: path}, nil, nil
	}
	if perr := checkText(src); perr != nil {
		probs = append(probs, Problem{Pos: Pos{File: path, Line: perr.line, Col: perr.col}, Message: perr.msg})
		return fail()
	}
	root, err := parseYAML(src)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			probs = append(probs, Problem{Pos: Pos{File: path, Line: pe.line, Col: pe.col}, Message: pe.msg})
		} else {
			probs = append(probs, Problem{Pos: Pos{File: path}, Message: err.Error()})
		}
		return fail()
	}
	dc := &decoder{file: path, probs: &probs}
	cfg := &Config{Path: path, Keys: map[string][]string{}}
	r, ok := dc.record(root, "config")
	if ok {
		cfg.Theme = r.enum("theme", []string{"auto", "dark", "light"})
		if d := r.str("dossier"); d != "" {
			cfg.Dossier = expandPath(d, filepath.Dir(path))
		}
		if keys := r.field("keys"); keys != nil {
			dc.keyMap(keys, bindings, cfg.Keys)
		}
		if allow := r.field("allow"); allow != nil {
			cfg.Allow = dc.allowList(allow, filepath.Dir(path))
		}
		cfg.Autosave = r.enum("autosave", []string{"true", "false"}) == "true"
		r.done(configFields)
	}
	probs.sort()
	if probs.Errors() > 0 {
		return nil, probs, &InvalidError{Problems: probs}
	}
	return cfg, probs, nil
}

// allowList reads the folders of allow:, a folder or a list of them.
func (dc *decoder) allowList(n *node, dir string) []string {
	list := []*node{n}
	switch n.kind {
	case nodeNull:
		return nil
	case nodeSeq:
		list = n.items
	case nodeMap:
		dc.errorf(n, "config: allow must be a folder or a list of folders, found %s", n.describe())
		return nil
	}
	var out []string
	for _, item := range list {
		p := strings.TrimSpace(item.str)
		if item.kind != nodeScalar {
			dc.errorf(item, "config: allow: a folder is a path such as ~/corpora, found %s", item.describe())
			continue
		}
		if p == "" {
			dc.errorf(item, "config: allow: a folder cannot be empty")
			continue
		}
		p = expandPath(p, dir)
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			dc.warnf(item, "config: allow: %s is not a folder; it allows nothing", p)
		}
		out = append(out, p)
	}
	return out
}

func (dc *decoder) keyMap(n *node, bindings []string, out map[string][]string) {
	if n.kind != nodeMap {
		dc.errorf(n, "config: keys must be a mapping of binding names to keys, found %s", n.describe())
		return
	}
	taken := map[string]string{} // key → binding, to catch one key bound twice
	for i, k := range n.keys {
		name, v := k.str, n.vals[i]
		if !slices.Contains(bindings, name) {
			msg := fmt.Sprintf("config: keys: unknown binding %q", name)
			if near := nearest(name, bindings); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			} else {
				msg += " (parley config keys lists them)"
			}
			dc.errorf(k, "%s", msg)
			continue
		}
		var list []*node
		switch v.kind {
		case nodeScalar:
			list = []*node{v}
		case nodeSeq:
			list = v.items
		default:
			dc.errorf(v, "config: keys: %s must be a key or a list of keys, found %s", name, v.describe())
			continue
		}
		if len(list) == 0 {
			dc.errorf(v, "config: keys: %s needs at least one key", name)
			continue
		}
		for _, item := range list {
			key := strings.TrimSpace(item.str)
			if item.kind == nodeScalar && key == "" {
				dc.errorf(item, "config: keys: %s: a key cannot be empty", name)
				continue
			}
			if item.kind != nodeScalar {
				dc.errorf(item, "config: keys: %s: a key is a name such as \"j\", \"ctrl+d\" or \"pgdown\", found %s", name, item.describe())
				continue
			}
			if other, dup := taken[key]; dup && other != name {
				dc.errorf(item, "config: keys: %q is bound to both %s and %s", key, other, name)
				continue
			}
			taken[key] = name
			out[name] = append(out[name], key)
		}
	}
}

// expandPath resolves ~/ and a path relative to dir.
func expandPath(p, dir string) string {
	if p = expandHome(p); filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}
