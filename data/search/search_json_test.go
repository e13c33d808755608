package search

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"github.com/parley-dev/parley/data"
)

func TestWriteSearchJSON(t *testing.T) {
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := ParseQuery(`"written response" `, d)
	r := New(d).Search(q, 10)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, d, r); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	n := 0
	for sc.Scan() {
		n++
		var h HitJSON
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if h.Rank != n || h.Speaker == "" || len(h.Spans) == 0 {
			t.Fatalf("line %d: %+v", n, h)
		}
		for _, sp := range h.Spans {
			if got := FoldWords(h.Text[sp.Start:sp.End]); len(got) != 2 || got[0] != "written" || got[1] != "response" {
				t.Fatalf("span %v is %q", sp, h.Text[sp.Start:sp.End])
			}
		}
	}
	if n != len(r.Hits) || n == 0 {
		t.Fatalf("%d lines for %d hits", n, len(r.Hits))
	}
}
