//go:build !unix

package data

// openNonblock is 0 where there are no named pipes to block on open.
const openNonblock = 0
