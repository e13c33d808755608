package model

import "github.com/parley-dev/parley/data"

// comparedParties is who Compare shows now, so the Matrix follows the
// parties picked there.
func (m *Root) comparedParties() []*data.Party {
	for _, s := range m.screens {
		if c, ok := s.(*Compare); ok {
			return c.Parties()
		}
	}
	return m.d.ComparedParties()
}
