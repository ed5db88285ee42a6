//go:build !unix

package store

// canWrite reads the owner's write bit where there is no access(2).
var canWrite = writableByMode
