package synth

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeterministicAndInRange(t *testing.T) {
	o := Options{N: 2000, Seed: 42}
	var a, b, texts bytes.Buffer
	if err := WriteStatements(&a, &texts, o); err != nil {
		t.Fatal(err)
	}
	if err := WriteStatements(&b, nil, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave different statements")
	}
	var c bytes.Buffer
	WriteStatements(&c, nil, Options{N: 2000, Seed: 43})
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("another seed gave the same statements")
	}
	lines := strings.Split(strings.TrimSuffix(texts.String(), "\n"), "\n")
	if len(lines) != o.N {
		t.Fatalf("%d texts", len(lines))
	}
	parties, topics := map[string]bool{}, map[string]bool{}
	err := Each(o, func(s *Statement) error {
		if n := utf8.RuneCountInString(s.Text); n < 50 || n > 400 {
			t.Errorf("%s: %d characters", s.ID, n)
		}
		parties[s.Party] = true
		for _, tp := range s.Topics {
			topics[tp] = true
		}
		return nil
	})
	if err != nil || len(parties) < 5 || len(topics) < 8 {
		t.Fatalf("err %v, %d parties, %d topics", err, len(parties), len(topics))
	}
}
