package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

var bindings = []string{"quit", "help", "next_topic", "prev_topic", "down", "up"}

func writeConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, "theme: light\ndossier: talks/geneva.yaml\nkeys:\n  quit: [q, ctrl+q]\n  down: j\n")
	cfg, probs, err := data.LoadConfig(path, bindings)
	if err != nil || len(probs) != 0 {
		t.Fatalf("err %v, problems %v", err, probs)
	}
	if cfg.Theme != "light" {
		t.Errorf("theme %q", cfg.Theme)
	}
	if want := filepath.Join(filepath.Dir(path), "talks", "geneva.yaml"); cfg.Dossier != want {
		t.Errorf("dossier %q, want %q (relative to the config file)", cfg.Dossier, want)
	}
	if strings.Join(cfg.Keys["quit"], ",") != "q,ctrl+q" || strings.Join(cfg.Keys["down"], ",") != "j" {
		t.Errorf("keys %v", cfg.Keys)
	}
}

// autosave: true saves a dossier edited in the explorer after every edit;
// anything but true or false is an error at its place.
func TestConfigAutosave(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
		bad  string
	}{
		{"autosave: true\n", true, ""},
		{"autosave: false\n", false, ""},
		{"theme: dark\n", false, ""},
		{"autosave: sometimes\n", false, "config.yaml:1:11"},
	} {
		cfg, probs, err := data.LoadConfig(writeConfig(t, tc.text), bindings)
		if tc.bad != "" {
			if err == nil || len(probs) == 0 || !strings.Contains(probs[0].String(), tc.bad) {
				t.Errorf("%q: want an error at %s, got %v %v", tc.text, tc.bad, err, probs)
			}
			continue
		}
		if err != nil || cfg.Autosave != tc.want {
			t.Errorf("%q: autosave %v, err %v", tc.text, cfg.Autosave, err)
		}
	}
}

func TestMissingConfigIsNoConfig(t *testing.T) {
	cfg, probs, err := data.LoadConfig(filepath.Join(t.TempDir(), "none.yaml"), bindings)
	if err != nil || len(probs) != 0 || cfg == nil || cfg.Theme != "" {
		t.Fatalf("cfg %+v, problems %v, err %v", cfg, probs, err)
	}
}

func TestBadConfigSaysWhereAndWhat(t *testing.T) {
	path := writeConfig(t, `theme: dakr
keys:
  quitt: q
  down: [j, ""]
  up: j
colour: red
`)
	_, probs, err := data.LoadConfig(path, bindings)
	var inv *data.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v, want an InvalidError", err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, strings.TrimPrefix(p.String(), path))
	}
	want := []string{
		`:1:8: error: config: theme "dakr" is not one of auto, dark, light (did you mean "dark"?)`,
		`:3:3: error: config: keys: unknown binding "quitt" (did you mean "quit"?)`,
		`:4:13: error: config: keys: down: a key cannot be empty`,
		`:5:7: error: config: keys: "j" is bound to both down and up`,
		`:6:1: warning: config: unknown field "colour" (ignored: parley does not read it)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConfigPathFollowsXDG(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/somewhere/config")
	if got := data.ConfigPath(); got != filepath.Join("/somewhere/config", "parley", "config.yaml") {
		t.Errorf("ConfigPath() = %q", got)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	home, _ := os.UserHomeDir()
	if got := data.ConfigPath(); got != filepath.Join(home, ".config", "parley", "config.yaml") {
		t.Errorf("without XDG_CONFIG_HOME: %q", got)
	}
}
