//go:build unix

package search

import (
	"os"
	"syscall"
	"unsafe"
)

// mapCache maps the cache file read-only, so its regions are used where
// they lie in the page cache instead of being copied into fresh memory. It
// returns nil when the file cannot be mapped (the caller then reads it).
// The mapping is never undone once the dossier uses it: its statements'
// strings point into it. The cache is replaced by renaming a new file over
// it, which leaves a mapped one intact.
func mapCache(f *os.File, size int64) (data []byte, unmap func()) {
	if size <= 0 || size != int64(int(size)) {
		return nil, nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil
	}
	return b, func() { _ = syscall.Munmap(b) }
}

// dropPages tells the kernel that the mapped bytes will not be read again
// (statement records once decoded): they leave the process's resident set
// and stay in the page cache.
func dropPages(b []byte) {
	page := os.Getpagesize()
	if len(b) < 2*page {
		return
	}
	start := int(uintptr(unsafe.Pointer(&b[0])) % uintptr(page))
	if start != 0 {
		start = page - start
	}
	end := start + (len(b)-start)/page*page
	if end > start {
		_ = syscall.Madvise(b[start:end], syscall.MADV_DONTNEED)
	}
}
