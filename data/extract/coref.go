package extract

import (
	"slices"
	"strings"
)

// entity is one person (or organisation) the text speaks of, however it is
// written: "Sergei Lavrov", "Lavrov", "Mr. Lavrov", "the minister".
type entity struct {
	name   string // the fullest form met
	last   string // lower-case surname (or the name of an organisation)
	first  string // lower-case first name, "" when unknown
	gender byte   // 'm', 'f' or 0
	role   string
	party  string
	person bool
	known  bool // from Options.Known
}

// mentionAt is where an entity is named, in text order.
type mentionAt struct {
	tok  int // first token
	ent  *entity
	subj bool // the first name in its sentence: likely its subject
}

type entities struct {
	list     []*entity
	mentions []mentionAt
}

func newEntities(known []Actor) *entities {
	es := &entities{}
	for _, k := range known {
		words := strings.Fields(k.Name)
		if len(words) == 0 {
			continue
		}
		e := &entity{name: k.Name, role: k.Role, party: k.Party, person: true, known: true,
			last: surname(words)}
		if len(words) > 1 {
			e.first = strings.ToLower(words[0])
		}
		e.gender = genderOf(e.first)
		es.list = append(es.list, e)
	}
	return es
}

// surname is a name's last word in lower case, before a suffix (Jr., III).
func surname(words []string) string {
	for i := len(words) - 1; i >= 0; i-- {
		switch w := strings.ToLower(strings.TrimSuffix(words[i], ".")); w {
		case "jr", "sr", "ii", "iii", "iv":
			continue
		default:
			return w
		}
	}
	return ""
}

func genderOf(first string) byte {
	switch {
	case first == "":
		return 0
	case femaleNames[first]:
		return 'f'
	case maleNames[first]:
		return 'm'
	}
	return 0
}

// sameFirst tells whether two first names are one person's: equal, one an
// initial or a short form of the other, or a spelling away (Sergei, Sergey).
func sameFirst(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	return len(a) > 3 && len(b) > 3 && editDistance(a, b) <= 2
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// person finds or makes the entity a person's name refers to. words are the
// name's words as written; a single word is a surname unless no one known
// has it.
func (es *entities) person(words []string, role, party string, gender byte) *entity {
	last := surname(words)
	first := ""
	if len(words) > 1 {
		first = strings.ToLower(words[0])
	}
	var found *entity
	// the most recently made entity with this surname and a compatible first name
	for i := len(es.list) - 1; i >= 0; i-- {
		e := es.list[i]
		if !e.person {
			continue
		}
		if e.last == last && sameFirst(e.first, first) {
			found = e
			break
		}
		// a single word that is someone's first name only when no surname matches
	}
	if found == nil && len(words) == 1 {
		for i := len(es.list) - 1; i >= 0; i-- {
			if e := es.list[i]; e.person && e.first == last {
				found = e
				break
			}
		}
	}
	if found == nil {
		found = &entity{name: strings.Join(words, " "), last: last, first: first, person: true}
		es.list = append(es.list, found)
	}
	if len(words) > len(strings.Fields(found.name)) && !found.known {
		found.name = strings.Join(words, " ")
		found.first = first
	}
	if found.gender == 0 {
		found.gender = gender
		if found.gender == 0 {
			found.gender = genderOf(found.first)
		}
	}
	if role != "" && (found.role == "" || weakRole(found.role) && !weakRole(role)) {
		found.role = role
	}
	if party != "" && found.party == "" {
		found.party = party
	}
	return found
}

// weakRole is a role that says little and gives way to a better one.
func weakRole(r string) bool {
	switch strings.ToLower(r) {
	case "counterpart", "mr.", "ms.", "mrs.", "mr", "ms", "mrs", "dr.", "former", "rival":
		return true
	}
	return false
}

// org finds or makes an organisation's entity.
func (es *entities) org(name, party string) *entity {
	key := strings.ToLower(name)
	for _, e := range es.list {
		if !e.person && e.last == key {
			return e
		}
	}
	e := &entity{name: name, last: key, party: party, gender: 'n'}
	es.list = append(es.list, e)
	return e
}

// note records a mention of e at token tok.
func (es *entities) note(tok int, e *entity, subj bool) {
	i := len(es.mentions)
	for i > 0 && es.mentions[i-1].tok > tok {
		i--
	}
	if i > 0 && es.mentions[i-1].tok == tok {
		es.mentions[i-1] = mentionAt{tok: tok, ent: e, subj: subj || es.mentions[i-1].subj}
		return
	}
	es.mentions = slices.Insert(es.mentions, i, mentionAt{tok: tok, ent: e, subj: subj})
}

// before is the number of mentions before token tok.
func (es *entities) before(tok int) int {
	i, _ := slices.BinarySearchFunc(es.mentions, tok, func(m mentionAt, t int) int { return m.tok - t })
	return i
}

// pronoun resolves he/she/they at token tok to the person it most likely
// refers to: of the people named in the last few sentences before it, with
// a matching gender, the one named last as a sentence's subject, else the
// one named last.
func (es *entities) pronoun(d *doc, tok int, gender byte) *entity {
	sent := d.toks[tok].sent
	var bestSubj, bestAny *entity
	for i := es.before(tok) - 1; i >= 0; i-- {
		m := es.mentions[i]
		if sent-d.toks[m.tok].sent > 4 {
			break
		}
		e := m.ent
		if gender == 'n' {
			if e.person {
				continue
			}
		} else if !e.person || gender != 0 && e.gender != 0 && e.gender != gender {
			continue
		}
		if bestAny == nil {
			bestAny = e
		}
		if m.subj && bestSubj == nil {
			bestSubj = e
			// a subject in the same sentence or the one before decides
			break
		}
	}
	if bestSubj != nil {
		return bestSubj
	}
	return bestAny
}

// byRole resolves a description ("the minister", "the top Russian
// diplomat") to the person named last before tok whose role matches its
// noun and whose party agrees with its nationality, if any.
func (es *entities) byRole(tok int, noun, party string) *entity {
	want := append([]string{noun}, roleSynonyms[noun]...)
	for i := es.before(tok) - 1; i >= 0 && i > es.before(tok)-200; i-- {
		m := es.mentions[i]
		if !m.ent.person {
			continue
		}
		role := strings.ToLower(m.ent.role)
		if role == "" {
			continue
		}
		if party != "" && m.ent.party != "" && m.ent.party != party {
			continue
		}
		for _, w := range want {
			if strings.Contains(role, w) {
				return m.ent
			}
		}
	}
	for _, e := range es.list {
		if e.known && e.person && e.role != "" {
			role := strings.ToLower(e.role)
			for _, w := range want {
				if strings.Contains(role, w) && (party == "" || e.party == "" || e.party == party) {
					return e
				}
			}
		}
	}
	return nil
}

// Surname is the lower-case surname of a person's name: its last word
// before a suffix ("Brent Bozell III" → "bozell").
func Surname(name string) string { return surname(strings.Fields(name)) }
