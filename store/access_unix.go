//go:build unix

package store

import "syscall"

// canWrite asks the system whether this process may write path, as
// SQLite will find out when it opens it (access(2) with W_OK).
var canWrite = func(path string) error { return syscall.Access(path, 2) }
