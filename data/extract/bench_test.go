package extract

import (
	"os"
	"strings"
	"testing"
)

func genevaText(b *testing.B) string {
	t, err := os.ReadFile("../geneva/sources/geneva-2022-01-21.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(t)
}

// BenchmarkExtractArticle is one news report of about 3 kB.
func BenchmarkExtractArticle(b *testing.B) {
	text := genevaText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{})
	}
}

// BenchmarkExtractLong is the report 1,000 times over (3 MB): the rules
// must stay linear in the text.
func BenchmarkExtractLong(b *testing.B) {
	text := strings.Repeat(genevaText(b)+"\n\n", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{})
	}
}
