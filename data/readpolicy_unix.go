//go:build unix

package data

import "syscall"

// openNonblock opens without blocking: a named pipe swapped in after the
// stat returns at once instead of waiting for a writer.
const openNonblock = syscall.O_NONBLOCK
