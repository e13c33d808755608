package search

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/parley-dev/parley/data"
)

// The search cache makes a large dossier quick to open the second time. It
// holds the statements read from the dossier's statement files, the
// problems the loader found and the search index, laid out so that opening
// is a few reads and no parsing.
//
// It lives in the user's cache directory ($XDG_CACHE_HOME/parley, one file
// per dossier path), not beside the dossier: dossiers come from other
// people, and a cache shipped beside one could show statements its files do
// not hold (and skip the loader's sanitising). It is trusted only while it
// describes the same files: the dossier's bytes (by hash) and the size and
// modification time of every file the load read. Every region carries a
// CRC-32C, so a damaged or truncated cache is rebuilt, never believed; so
// is one from another version of the format.

const (
	cacheMagic   = "PARLEYX\x01"
	cacheVersion = 8
)

// LoadStage names a step of LoadIndexed for progress reports.
type LoadStage string

const (
	StageCache LoadStage = "reading cache"
	StageLoad  LoadStage = "reading dossier"
	StageIndex LoadStage = "indexing"
	StageSave  LoadStage = "writing cache"
)

// LoadProgress is called by LoadIndexed as it goes; total is 0 when unknown.
type LoadProgress func(stage LoadStage, done, total int)

// LoadIndexed is Load plus the search index, served from the search cache
// when it is still valid, and otherwise built and cached for next time. A
// cache that cannot be written (or no cache directory) is not an error.
func LoadIndexed(path string, progress LoadProgress) (*data.Dossier, data.Problems, *Index, error) {
	return LoadIndexedWith(path, progress, data.ReadPolicy{})
}

// LoadIndexedWith is LoadIndexed with the folders the user allowed the
// dossier to read from (data.ReadPolicy). A cache serves only what the
// policy admits now: a statement file it holds that the policy refuses is
// loaded the long way, and refused there.
//
// The library leaves the garbage collector alone: a program that holds a
// large dossier open decides how it collects (main.go does).
func LoadIndexedWith(path string, progress LoadProgress, policy data.ReadPolicy) (*data.Dossier, data.Problems, *Index, error) {
	return defaultOpener().loadIndexed(path, progress, policy)
}

// opener opens a dossier with its index, from the search cache when it is
// valid (LoadIndexedWith, OpenWith). Tests open with other values than
// defaultOpener's.
type opener struct {
	tune tuning // of the index, and the size worth a cache
	// format names how this build reads words (stemFingerprint): it is
	// written into a cache and asked of one, so that a cache written by
	// a build that reads them otherwise is rebuilt.
	format string
	// readBack, when not nil, reads the cache just written instead of
	// loadCache (tests give one that fails).
	readBack cacheLoader
}

func defaultOpener() opener { return opener{tune: defaultTuning(), format: stemFingerprint()} }

// cacheLoader reads a dossier from its cache (opener.loadCache).
type cacheLoader func(path, cpath string, progress LoadProgress, policy data.ReadPolicy) (*data.Dossier, data.Problems, *Index, error)

// loadIndexed is LoadIndexedWith.
func (o opener) loadIndexed(path string, progress LoadProgress, policy data.ReadPolicy) (*data.Dossier, data.Problems, *Index, error) {
	if progress == nil {
		progress = func(LoadStage, int, int) {}
	}
	readBack := o.readBack
	if readBack == nil {
		readBack = o.loadCache
	}
	cpath := CachePath(path)
	if cpath != "" {
		if d, probs, ix, err := o.loadCache(path, cpath, progress, policy); err == nil {
			return d, probs, ix, nil
		}
	}
	progress(StageLoad, 0, 0)
	var read []string
	d, probs, err := data.LoadWith(path, data.LoadOptions{OnRead: func(name string) { read = append(read, name) }, Policy: policy})
	if err != nil {
		return d, probs, nil, err
	}
	ix := build(d, func(done, total int) { progress(StageIndex, done, total) }, o.tune)
	progress(StageSave, 0, 0)
	if cpath != "" && len(d.Statements) >= o.tune.minCacheStatements {
		if o.writeCache(path, cpath, d, probs, ix, read) == nil { // best effort
			// Go on with the dossier as the cache holds it, like every
			// later open: its texts stay in the page cache until read,
			// where the loaded copy holds them all on the heap (a million
			// statements: about 300 MB instead of 960). The loaded copy
			// is let go first, so the two are never in memory together.
			d, probs, ix = nil, nil, nil
			debug.FreeOSMemory()
			if cd, cprobs, cix, err := readBack(path, cpath, func(LoadStage, int, int) {}, policy); err == nil {
				return cd, cprobs, cix, nil
			}
			// The cache just written cannot be read back (a disk
			// error, or a file changed meanwhile): the long way again.
			if d, probs, err = data.LoadWith(path, data.LoadOptions{Policy: policy}); err != nil {
				return d, probs, nil, err
			}
			ix = build(d, nil, o.tune)
		}
	}
	return d, probs, ix, nil
}

// CachePath is where the search cache of a dossier lives: a file named
// for the dossier's absolute path in the user's cache directory, or "" when
// there is none.
func CachePath(dossier string) string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	abs, err := filepath.Abs(dossier)
	if err != nil {
		return ""
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "parley", hex.EncodeToString(h[:16])+"-"+sanitizeCacheName(filepath.Base(abs))+".cache")
}

// sanitizeCacheName keeps a readable hint of the dossier's name in the
// cache file's name.
func sanitizeCacheName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

type cacheFile struct {
	Name  string
	Size  int64
	Mtime int64
}

type cacheRegion struct {
	Off, Len int64
	CRC      uint32
}

// cacheMeta is the cache's table of contents, stored as JSON at its start.
type cacheMeta struct {
	Version int
	// Format names how words were folded and stemmed (stemFingerprint):
	// a build that reads words differently rebuilds the cache.
	Format         string
	DossierSHA     string
	Files          []cacheFile
	StatementFiles []string
	First          int // statements before this one come from the dossier file
	Count          int
	Strings        []string // kinds, actors, parties, sources, file names
	Dates          []string
	TopicSets      [][]string
	Anchors        []data.Anchor
	Extras         int // in the "extras" region
	Problems       int // in the "problems" region
	Regions        map[string]cacheRegion

	Terms, Split, Stems int
}

// cacheStmt is a statement's fixed-size record; strings are offsets into
// the text region or indexes into Strings.
type cacheStmt struct {
	IDOff, IDLen, TextOff, TextLen, NoteOff, NoteLen uint32
	Kind, Actor, Party, Source, PosFile              uint32
	PosLine, PosCol                                  uint32
	Topics, Date, Anchor                             uint32 // index+1; 0 for none
	LocSource                                        uint32 // index+1 in Strings; 0: no location
	LocStart, LocEnd, LocPara                        uint32
	Extra                                            uint32 // index+1 in the "extras" region; 0 for none
}

// cacheExtra is what a statement of format 1.1 says besides the fields
// every statement has, as JSON in the "extras" region (few statements
// have any).
type cacheExtra struct {
	Act   data.Act    `json:",omitempty"`
	Via   []string    `json:",omitempty"`
	About []string    `json:",omitempty"`
	Draft *data.Draft `json:",omitempty"`
}

// cacheProblem is a problem's record; texts are in the text region.
type cacheProblem struct {
	File, Line, Col, Severity      uint32
	MsgOff, MsgLen, ExcOff, ExcLen uint32
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func fileStamp(name string) (cacheFile, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return cacheFile{}, err
	}
	return cacheFile{Name: name, Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}, nil
}

func dossierHash(path string) (string, []byte, error) {
	src, err := data.ReadDossierFile(path)
	if err != nil {
		return "", nil, err
	}
	h := sha256.Sum256(src)
	return hex.EncodeToString(h[:]), src, nil
}

// writeCache writes the cache next to the dossier, atomically.
func (o opener) writeCache(path, cpath string, d *data.Dossier, probs data.Problems, ix *Index, read []string) error {
	sha, _, err := dossierHash(path)
	if err != nil {
		return err
	}
	meta := cacheMeta{Version: cacheVersion, Format: o.format, Stems: len(ix.stems.stems), DossierSHA: sha, StatementFiles: d.StatementFiles, Problems: len(probs),
		Regions: map[string]cacheRegion{}, Terms: len(ix.terms), Split: int(ix.split)}
	for _, name := range read {
		st, err := fileStamp(name)
		if err != nil {
			return err
		}
		meta.Files = append(meta.Files, st)
	}
	// The statements from statement files are the cached ones; those in the
	// dossier file come back when it is parsed again.
	first := len(d.Statements)
	for i, s := range d.Statements {
		if s.Pos.File != "" && s.Pos.File != path && s.Pos.File != d.Path {
			first = i
			break
		}
	}
	meta.First, meta.Count = first, len(d.Statements)-first
	stmts := d.Statements[first:]

	intern := map[string]uint32{}
	str := func(s string) uint32 {
		if i, ok := intern[s]; ok {
			return i
		}
		i := uint32(len(meta.Strings))
		meta.Strings = append(meta.Strings, s)
		intern[s] = i
		return i
	}
	dates := map[string]uint32{}
	topics := map[string]uint32{}
	// The text region is every string of the statements and problems end
	// to end. It is as big as the texts themselves, so it is never built in
	// memory: put only places each string (and adds it to the checksum),
	// and eachText writes them out with the file, in the same order.
	textLen, textCRC := 0, uint32(0)
	put := func(s string) (uint32, uint32) {
		off := textLen
		textLen += len(s)
		if s != "" {
			textCRC = crc32.Update(textCRC, castagnoli, unsafe.Slice(unsafe.StringData(s), len(s)))
		}
		return uint32(off), uint32(len(s))
	}
	recs := make([]cacheStmt, len(stmts))
	var extras []cacheExtra
	// The ids come first and together: opening reads every id (to look
	// statements up by id) but only the texts it shows or searches, so the
	// pages of texts can stay out of memory until then.
	for i, s := range stmts {
		recs[i].IDOff, recs[i].IDLen = put(s.ID)
	}
	for i, s := range stmts {
		r := &recs[i]
		r.TextOff, r.TextLen = put(s.Text)
		r.NoteOff, r.NoteLen = put(s.Note())
		r.Kind, r.Actor, r.Party, r.Source, r.PosFile = str(string(s.Kind)), str(s.Actor), str(s.Party), str(s.Source), str(s.Pos.File)
		r.PosLine, r.PosCol = uint32(s.Pos.Line), uint32(s.Pos.Col)
		if len(s.Topics) > 0 {
			key := strings.Join(s.Topics, "\x00")
			t, ok := topics[key]
			if !ok {
				meta.TopicSets = append(meta.TopicSets, s.Topics)
				t = uint32(len(meta.TopicSets))
				topics[key] = t
			}
			r.Topics = t
		}
		if !s.Date.IsZero() {
			dt, ok := dates[s.Date.String()]
			if !ok {
				meta.Dates = append(meta.Dates, s.Date.String())
				dt = uint32(len(meta.Dates))
				dates[s.Date.String()] = dt
			}
			r.Date = dt
		}
		if a := s.Anchor(); a != nil {
			meta.Anchors = append(meta.Anchors, *a)
			r.Anchor = uint32(len(meta.Anchors))
		}
		if x := (cacheExtra{Act: s.Act(), Via: s.Via(), About: s.About(), Draft: s.Draft()}); x.Act != "" || x.Via != nil || x.About != nil || x.Draft != nil {
			extras = append(extras, x)
			r.Extra = uint32(len(extras))
		}
		if l := s.Location; l != nil {
			r.LocSource = str(l.Source) + 1
			r.LocStart, r.LocEnd, r.LocPara = uint32(l.Start), uint32(l.End), uint32(l.Paragraph)
		}
	}
	precs := make([]cacheProblem, len(probs))
	for i, p := range probs {
		r := &precs[i]
		r.File, r.Line, r.Col, r.Severity = str(p.Pos.File), uint32(p.Pos.Line), uint32(p.Pos.Col), uint32(p.Severity)
		r.MsgOff, r.MsgLen = put(p.Message)
		r.ExcOff, r.ExcLen = put(p.Excerpt)
	}
	if textLen > 1<<32-1 || len(ix.post) > 1<<32-1 {
		return errors.New("too large to cache")
	}
	meta.Extras = len(extras)
	extraBlob, err := json.Marshal(extras)
	if err != nil {
		return err
	}
	var termBlob bytes.Buffer
	termOff := make([]uint32, len(ix.terms)+1)
	for i, t := range ix.terms {
		termOff[i] = uint32(termBlob.Len())
		termBlob.WriteString(t)
	}
	termOff[len(ix.terms)] = uint32(termBlob.Len())
	var stemBlob bytes.Buffer
	stemOff := make([]uint32, len(ix.stems.stems)+1)
	for i, t := range ix.stems.stems {
		stemOff[i] = uint32(stemBlob.Len())
		stemBlob.WriteString(t)
	}
	stemOff[len(ix.stems.stems)] = uint32(stemBlob.Len())
	var plBlob bytes.Buffer
	plPrefixOff := make([]uint32, len(ix.plists.prefixes)+1)
	for i, p := range ix.plists.prefixes {
		plPrefixOff[i] = uint32(plBlob.Len())
		plBlob.WriteString(p)
	}
	plPrefixOff[len(ix.plists.prefixes)] = uint32(plBlob.Len())

	regions := []struct {
		name string
		b    []byte
	}{
		{"text", nil}, // written from texts
		{"stmts", sliceBytes(recs)},
		{"problems", sliceBytes(precs)},
		{"extras", extraBlob},
		{"termBlob", termBlob.Bytes()},
		{"termOff", sliceBytes(termOff)},
		{"post", ix.post},
		{"off", sliceBytes(ix.off)},
		{"df", sliceBytes(ix.df)},
		{"mid", sliceBytes(ix.mid)},
		{"midDoc", sliceBytes(ix.midDoc)},
		{"inv2", sliceBytes(ix.inv2)},
		{"inv1", sliceBytes(ix.inv1)},
		{"dstart", sliceBytes(ix.dstart)},
		{"dend", sliceBytes(ix.dend)},
		{"kind", ix.kind},
		{"party", sliceBytes(ix.party)},
		{"actor", sliceBytes(ix.actor)},
		{"topicOff", sliceBytes(ix.topicOff)},
		{"topicIx", sliceBytes(ix.topicIx)},
		{"stemBlob", stemBlob.Bytes()},
		{"stemOff", sliceBytes(stemOff)},
		{"stemTermOff", sliceBytes(ix.stems.off)},
		{"stemTerms", sliceBytes(ix.stems.termsOf)},
		{"plBlob", plBlob.Bytes()},
		{"plPrefixOff", sliceBytes(plPrefixOff)},
		{"plOff", sliceBytes(ix.plists.off)},
		{"plMid", sliceBytes(ix.plists.mid)},
		{"plMidDoc", sliceBytes(ix.plists.midDoc)},
		{"plScale", sliceBytes(ix.plists.scale)},
		{"plPost", ix.plists.post},
		{"tie", sliceBytes(ix.tie)},
	}
	// Regions follow the header, each at a multiple of 8 bytes.
	off := int64(0)
	for _, r := range regions {
		reg := cacheRegion{Off: off, Len: int64(len(r.b)), CRC: crc32.Checksum(r.b, castagnoli)}
		if r.name == "text" {
			reg.Len, reg.CRC = int64(textLen), textCRC
		}
		meta.Regions[r.name] = reg
		off += (reg.Len + 7) &^ 7
	}
	mj, err := json.Marshal(&meta)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cpath), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(cpath), filepath.Base(cpath)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	head := make([]byte, 0, 32+len(mj))
	head = append(head, cacheMagic...)
	head = binary.LittleEndian.AppendUint32(head, 0x01020304)
	head = binary.LittleEndian.AppendUint32(head, crc32.Checksum(mj, castagnoli))
	head = binary.LittleEndian.AppendUint64(head, uint64(len(mj)))
	head = append(head, mj...)
	for len(head)%8 != 0 {
		head = append(head, 0)
	}
	w := bufio.NewWriterSize(tmp, 1<<20)
	if _, err := w.Write(head); err != nil {
		tmp.Close()
		return err
	}
	var pad [8]byte
	for _, r := range regions {
		n := len(r.b)
		if r.name == "text" {
			eachText(stmts, probs, func(t string) { w.WriteString(t) })
			n = textLen
		} else {
			w.Write(r.b)
		}
		w.Write(pad[:(8-n%8)%8])
	}
	if err := w.Flush(); err != nil { // the first write error, if any
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), cpath)
}

// eachText yields the strings of the text region in the order writeCache
// places them: every id, then each statement's text and note, then each
// problem's message and excerpt.
func eachText(stmts []*data.Statement, probs data.Problems, yield func(string)) {
	for _, s := range stmts {
		yield(s.ID)
	}
	for _, s := range stmts {
		yield(s.Text)
		yield(s.Note())
	}
	for _, p := range probs {
		yield(p.Message)
		yield(p.Excerpt)
	}
}

// sliceBytes views a slice of fixed-size values as its bytes (the cache is
// little-endian; loadCache refuses it on other machines).
func sliceBytes[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var z T
	return unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(z)))
}

func bytesAs[T any](b []byte) []T {
	var z T
	size := int(unsafe.Sizeof(z))
	if len(b) == 0 {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(b)/size)
}

var errStaleCache = errors.New("stale cache")

// loadCache opens the dossier from its cache, or fails if the cache is
// missing, stale or damaged.
func (o opener) loadCache(path, cpath string, progress LoadProgress, policy data.ReadPolicy) (*data.Dossier, data.Problems, *Index, error) {
	f, err := os.Open(cpath)
	if err != nil {
		return nil, nil, nil, err
	}
	keepOpen := false // for the index to read texts from (textFile)
	defer func() {
		if !keepOpen {
			f.Close()
		}
	}()
	var fixed [24]byte
	if _, err := io.ReadFull(f, fixed[:]); err != nil {
		return nil, nil, nil, err
	}
	if string(fixed[:8]) != cacheMagic || *(*uint32)(unsafe.Pointer(&fixed[8])) != 0x01020304 {
		return nil, nil, nil, errStaleCache
	}
	mcrc := binary.LittleEndian.Uint32(fixed[12:])
	mlen := binary.LittleEndian.Uint64(fixed[16:])
	if mlen > 1<<30 {
		return nil, nil, nil, errStaleCache
	}
	mj := make([]byte, mlen)
	if _, err := io.ReadFull(f, mj); err != nil || crc32.Checksum(mj, castagnoli) != mcrc {
		return nil, nil, nil, errStaleCache
	}
	var meta cacheMeta
	if err := json.Unmarshal(mj, &meta); err != nil || meta.Version != cacheVersion || meta.Format != o.format {
		return nil, nil, nil, errStaleCache
	}
	base := (24 + int64(mlen) + 7) &^ 7
	sha, src, err := dossierHash(path)
	if err != nil || sha != meta.DossierSHA {
		return nil, nil, nil, errStaleCache
	}
	for _, st := range meta.Files {
		now, err := fileStamp(st.Name)
		if err != nil || now != st {
			return nil, nil, nil, errStaleCache
		}
	}
	progress(StageCache, 0, meta.Count)
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, nil, err
	}
	mapped, unmap := mapCache(f, fi.Size())
	// release gives back the pages of a mapped region once checked: they
	// stay in the page cache, and come back as they are read (the texts
	// shown, the postings a query needs), so the process does not hold the
	// whole file in its resident set.
	release := func(b []byte) {
		if mapped != nil {
			dropPages(b)
		}
	}
	used := false
	defer func() {
		if !used && unmap != nil {
			unmap()
		}
	}()
	region := func(name string) ([]byte, error) {
		r, ok := meta.Regions[name]
		if !ok || r.Off < 0 || r.Len < 0 || base+r.Off+r.Len > fi.Size() {
			return nil, errStaleCache
		}
		var b []byte
		if mapped != nil {
			b = mapped[base+r.Off : base+r.Off+r.Len : base+r.Off+r.Len]
		} else {
			// Allocate as uint64s so every region is 8-byte aligned.
			b = bytesAs[byte](sliceBytes(make([]uint64, (r.Len+7)/8)))[:r.Len]
			if _, err := f.ReadAt(b, base+r.Off); err != nil {
				return nil, err
			}
		}
		// Checked a piece at a time; the big regions read only in part
		// later (texts, postings) are given back as they are checked, so
		// even checking them never holds them whole.
		cold := name == "text" || name == "post" || name == "plPost"
		crc := uint32(0)
		for at := 0; at < len(b); at += 4 << 20 {
			piece := b[at:min(at+4<<20, len(b))]
			crc = crc32.Update(crc, castagnoli, piece)
			if cold {
				release(piece)
			}
		}
		if crc != r.CRC {
			return nil, errStaleCache
		}
		return b, nil
	}

	// The dossier file itself is small: parse it again, with the statement
	// files left out (their statements are in the cache) once the read
	// policy admits them: the cache holds only what it admits now.
	statementFiles := map[string]bool{}
	dir := filepath.Dir(path)
	for _, sf := range meta.StatementFiles {
		name := sf
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, filepath.FromSlash(name))
		}
		statementFiles[name] = true
	}
	d, _, err := data.LoadWith(path, data.LoadOptions{Bytes: src, Skip: func(name string) bool { return statementFiles[name] }, Policy: policy})
	if err != nil || d == nil || len(d.Statements) != meta.First {
		// Something in the dossier file needs the cached statements to be
		// valid (evidence naming them, say): load it the long way.
		return nil, nil, nil, errStaleCache
	}
	d.Path = path

	text, err := region("text")
	if err != nil {
		return nil, nil, nil, err
	}
	// The statement records are read a chunk at a time: they are only a
	// step on the way to the statements.
	rr, ok := meta.Regions["stmts"]
	recSize := int64(unsafe.Sizeof(cacheStmt{}))
	if !ok || rr.Off < 0 || rr.Len != int64(meta.Count)*recSize || base+rr.Off+rr.Len > fi.Size() {
		return nil, nil, nil, errStaleCache
	}
	strOf := func(off, n uint32) (string, bool) {
		if uint64(off)+uint64(n) > uint64(len(text)) {
			return "", false
		}
		if n == 0 {
			return "", true
		}
		return unsafe.String(&text[off], n), true
	}
	idx := func(i uint32, n int) bool { return int(i) < n }
	dates := make([]data.Date, len(meta.Dates))
	for i, raw := range meta.Dates {
		if dates[i], err = data.ParseDate(raw); err != nil {
			return nil, nil, nil, errStaleCache
		}
	}
	var extras []cacheExtra
	if meta.Extras > 0 {
		xb, err := region("extras")
		if err != nil {
			return nil, nil, nil, err
		}
		if json.Unmarshal(xb, &extras) != nil || len(extras) != meta.Extras {
			return nil, nil, nil, errStaleCache
		}
		release(xb)
	}
	slab := make([]data.Statement, meta.Count)
	ptrs := make([]*data.Statement, 0, meta.First+meta.Count)
	ptrs = append(ptrs, d.Statements...)
	ns := len(meta.Strings)
	const chunk = 1 << 15
	chunkBuf := make([]cacheStmt, min(chunk, meta.Count))
	crc := uint32(0)
	for at := 0; at < meta.Count; at += chunk {
		recs := chunkBuf[:min(chunk, meta.Count-at)]
		var rb []byte
		if mapped != nil {
			from := base + rr.Off + int64(at)*recSize
			rb = mapped[from : from+int64(len(recs))*recSize]
			recs = bytesAs[cacheStmt](rb)
		} else {
			rb = sliceBytes(recs)
			if _, err := f.ReadAt(rb, base+rr.Off+int64(at)*recSize); err != nil {
				return nil, nil, nil, err
			}
		}
		crc = crc32.Update(crc, castagnoli, rb)
		for k := range recs {
			r := &recs[k]
			s := &slab[at+k]
			var ok1, ok2, ok3 bool
			var x data.StatementExtra
			s.ID, ok1 = strOf(r.IDOff, r.IDLen)
			s.Text, ok2 = strOf(r.TextOff, r.TextLen)
			x.Note, ok3 = strOf(r.NoteOff, r.NoteLen)
			if !ok1 || !ok2 || !ok3 || !idx(r.Kind, ns) || !idx(r.Actor, ns) || !idx(r.Party, ns) || !idx(r.Source, ns) || !idx(r.PosFile, ns) ||
				!idx(r.Topics, len(meta.TopicSets)+1) || !idx(r.Date, len(dates)+1) || !idx(r.Anchor, len(meta.Anchors)+1) || !idx(r.LocSource, ns+1) ||
				!idx(r.Extra, len(extras)+1) {
				return nil, nil, nil, errStaleCache
			}
			s.Kind = data.StatementKind(meta.Strings[r.Kind])
			s.Actor, s.Party, s.Source = meta.Strings[r.Actor], meta.Strings[r.Party], meta.Strings[r.Source]
			s.Pos = data.Pos{File: meta.Strings[r.PosFile], Line: int(r.PosLine), Col: int(r.PosCol)}
			if r.Topics > 0 {
				s.Topics = meta.TopicSets[r.Topics-1]
			}
			if r.Date > 0 {
				s.Date = dates[r.Date-1]
			}
			if r.Anchor > 0 {
				x.Anchor = &meta.Anchors[r.Anchor-1]
			}
			if r.Extra > 0 {
				e := &extras[r.Extra-1]
				x.Act, x.Via, x.About, x.Draft = e.Act, e.Via, e.About, e.Draft
			}
			s.SetExtra(x)
			if r.LocSource > 0 {
				s.Location = &data.Location{Span: data.Span{Start: int(r.LocStart), End: int(r.LocEnd)}, Paragraph: int(r.LocPara), Source: meta.Strings[r.LocSource-1]}
			}
			ptrs = append(ptrs, s)
		}
		progress(StageCache, at, meta.Count)
	}
	if crc != rr.CRC {
		return nil, nil, nil, errStaleCache
	}
	if mapped != nil {
		release(mapped[base+rr.Off : base+rr.Off+rr.Len])
	}
	d.Statements = ptrs
	// The dossier's own lookups are built on the other core while the
	// search index is read.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		d.Reindex()
	}()
	_, probs, ix, err := loadCacheIndex(d, f, &meta, base, fi.Size(), region, release, strOf, idx, o.tune)
	wg.Wait()
	if err != nil {
		return nil, nil, nil, err
	}
	progress(StageCache, meta.Count, meta.Count)
	used = true
	if mapped != nil {
		// The texts, postings and prefix lists a search reads are given
		// back once it is done (see Index.dropCold).
		ix.cold = func() { release(text); release(ix.post); release(ix.plists.post) }
		if len(text) > 0 {
			// The file stays open, as it stays mapped, for the few texts
			// a search reads (textOf).
			keepOpen = true
			ix.texts = &textFile{f: f, region: text, off: base + meta.Regions["text"].Off}
		}
	}
	return d, probs, ix, nil
}

// textFile is where the texts of the statements in the mapped cache lie:
// a search reads the few it needs (the best statements' spans) with a read
// from the file rather than through the mapping, where a read maps a large
// folio of the file (half a megabyte and more) into the process for each
// text, to be given back again.
type textFile struct {
	f      *os.File
	region []byte // the texts, mapped
	off    int64  // where region starts in the file
}

// textOf is the text of statement doc: read into buf when it lies in the
// mapped cache (the string is then good until buf is used again), else the
// statement's own.
func (ix *Index) textOf(doc uint32, buf *[]byte) string {
	s := ix.docs[doc].Text
	tf := ix.texts
	if tf == nil || s == "" {
		return s
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(&tf.region[0]))
	if p < lo || p+uintptr(len(s)) > lo+uintptr(len(tf.region)) {
		return s
	}
	if cap(*buf) < len(s) {
		*buf = make([]byte, len(s)+len(s)/2)
	}
	b := (*buf)[:len(s)]
	if n, err := tf.f.ReadAt(b, tf.off+int64(p-lo)); err != nil || n != len(s) {
		return s
	}
	return unsafe.String(&b[0], len(b))
}

// loadCacheIndex reads the problems and the search index from the cache.
func loadCacheIndex(d *data.Dossier, f *os.File, meta *cacheMeta, base, size int64, region func(string) ([]byte, error), release func([]byte),
	strOf func(off, n uint32) (string, bool), idx func(uint32, int) bool, tune tuning) (*data.Dossier, data.Problems, *Index, error) {
	ns := len(meta.Strings)
	var err error
	pb, err := region("problems")
	if err != nil {
		return nil, nil, nil, err
	}
	defer release(pb) // decoded below; the messages are in the text region
	precs := bytesAs[cacheProblem](pb)
	if len(precs) != meta.Problems {
		return nil, nil, nil, errStaleCache
	}
	probs := make(data.Problems, len(precs))
	for i, r := range precs {
		msg, ok1 := strOf(r.MsgOff, r.MsgLen)
		exc, ok2 := strOf(r.ExcOff, r.ExcLen)
		if !ok1 || !ok2 || !idx(r.File, ns) || r.Severity > uint32(data.SeverityWarning) {
			return nil, nil, nil, errStaleCache
		}
		probs[i] = data.Problem{Pos: data.Pos{File: meta.Strings[r.File], Line: int(r.Line), Col: int(r.Col)}, Severity: data.Severity(r.Severity), Message: msg, Excerpt: exc}
	}

	ix := newIndexShell(d, tune)
	n := len(d.Statements)
	get := func(name string, dst *[]byte) {
		if err == nil {
			*dst, err = region(name)
		}
	}
	var tb, to, off, df, mid, midDoc, inv2, inv1, dstart, dend, kind, party, actor, topicOff, topicIx []byte
	get("termBlob", &tb)
	get("termOff", &to)
	get("post", &ix.post)
	get("off", &off)
	get("df", &df)
	get("mid", &mid)
	get("midDoc", &midDoc)
	get("inv2", &inv2)
	get("inv1", &inv1)
	get("dstart", &dstart)
	get("dend", &dend)
	get("kind", &kind)
	get("party", &party)
	get("actor", &actor)
	get("topicOff", &topicOff)
	get("topicIx", &topicIx)
	var sb, so, sto, st []byte
	get("stemBlob", &sb)
	get("stemOff", &so)
	get("stemTermOff", &sto)
	get("stemTerms", &st)
	var plb, plpo, plo, plm, plmd, pls, plp []byte
	get("plBlob", &plb)
	get("plPrefixOff", &plpo)
	get("plOff", &plo)
	get("plMid", &plm)
	get("plMidDoc", &plmd)
	get("plScale", &pls)
	get("plPost", &plp)
	var tie []byte
	get("tie", &tie)
	if err != nil {
		return nil, nil, nil, err
	}
	ix.off, ix.df, ix.mid, ix.midDoc = bytesAs[uint32](off), bytesAs[uint32](df), bytesAs[uint32](mid), bytesAs[uint32](midDoc)
	ix.inv2, ix.inv1 = bytesAs[float32](inv2), bytesAs[float32](inv1)
	ix.dstart, ix.dend = bytesAs[int32](dstart), bytesAs[int32](dend)
	ix.kind, ix.party, ix.actor = kind, bytesAs[uint16](party), bytesAs[uint32](actor)
	ix.topicOff, ix.topicIx = bytesAs[uint32](topicOff), bytesAs[uint32](topicIx)
	ix.split = uint32(meta.Split)
	termOff := bytesAs[uint32](to)
	nt := meta.Terms
	if len(termOff) != nt+1 || len(ix.off) != nt+1 || len(ix.df) != nt || len(ix.mid) != nt || len(ix.midDoc) != nt ||
		len(ix.inv2) != n || len(ix.inv1) != n || len(ix.dstart) != n || len(ix.dend) != n || len(ix.kind) != n ||
		len(ix.party) != n || len(ix.actor) != n || len(ix.topicOff) != n+1 || ix.split > uint32(n) {
		return nil, nil, nil, errStaleCache
	}
	ix.terms = make([]string, nt)
	for i := range nt {
		a, b := termOff[i], termOff[i+1]
		if a > b || int(b) > len(tb) || ix.off[i] > ix.off[i+1] || int(ix.off[i+1]) > len(ix.post) || ix.mid[i] > ix.off[i+1]-ix.off[i] {
			return nil, nil, nil, errStaleCache
		}
		if a < b {
			ix.terms[i] = unsafe.String(&tb[a], b-a)
		}
	}
	if !slices.IsSorted(ix.terms) || int(ix.topicOff[n]) > len(ix.topicIx) {
		return nil, nil, nil, errStaleCache
	}
	// The per-party and per-actor lists come from the per-statement ones.
	for doc := range n {
		if int(ix.topicOff[doc]) > int(ix.topicOff[doc+1]) || int(ix.party[doc]) > len(ix.parties) || int(ix.actor[doc]) > len(ix.actors) {
			return nil, nil, nil, errStaleCache
		}
	}
	ix.partyDocs = docsBy(ix.party, len(ix.parties))
	ix.actorDocs = docsBy(ix.actor, len(ix.actors))
	for _, t := range ix.topicIx {
		if int(t) >= len(ix.topics) {
			return nil, nil, nil, errStaleCache
		}
	}
	if ix.stems, err = stemsFromCache(meta.Stems, nt, sb, bytesAs[uint32](so), bytesAs[uint32](sto), bytesAs[uint32](st)); err != nil {
		return nil, nil, nil, err
	}
	ix.tie = bytesAs[uint32](tie)
	if len(ix.tie) != n {
		return nil, nil, nil, errStaleCache
	}
	for _, r := range ix.tie {
		if int(r) >= n {
			return nil, nil, nil, errStaleCache
		}
	}
	if ix.plists, err = prefixListsFromCache(n, ix.split, plb, bytesAs[uint32](plpo), bytesAs[uint32](plo), bytesAs[uint32](plm),
		bytesAs[uint32](plmd), bytesAs[float32](pls), plp); err != nil {
		return nil, nil, nil, err
	}
	return d, probs, ix, nil
}

// stemsFromCache checks and takes the stem table of a cache with ns stems
// of nt terms.
func stemsFromCache(ns, nt int, blob []byte, off, termOff, terms []uint32) (stemTable, error) {
	if len(off) != ns+1 || len(termOff) != ns+1 || len(terms) != nt || (ns > 0 && int(termOff[ns]) != nt) {
		return stemTable{}, errStaleCache
	}
	t := stemTable{stems: make([]string, ns), off: termOff, termsOf: terms}
	for i := range ns {
		a, b := off[i], off[i+1]
		if a > b || int(b) > len(blob) || termOff[i] > termOff[i+1] {
			return stemTable{}, errStaleCache
		}
		if a < b {
			t.stems[i] = unsafe.String(&blob[a], b-a)
		}
	}
	for _, x := range terms {
		if int(x) >= nt {
			return stemTable{}, errStaleCache
		}
	}
	if !slices.IsSorted(t.stems) {
		return stemTable{}, errStaleCache
	}
	return t, nil
}
