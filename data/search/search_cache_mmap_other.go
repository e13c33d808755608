//go:build !unix

package search

import "os"

// mapCache is not available here: the cache is read into memory.
func mapCache(f *os.File, size int64) (data []byte, unmap func()) { return nil, nil }

func dropPages([]byte) {}
