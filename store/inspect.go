package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"modernc.org/sqlite"
)

// inspect checks an existing file before anything writes to it, and says
// what is true of a file it refuses: not a file, not ours, too new,
// damaged or read-only. It creates nothing beside the file it looks at.
func inspect(path string) (exists bool, err error) {
	// Only a regular file is read: a named pipe would block the read below
	// forever, and a device or a folder is never a progress file.
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return true, fmt.Errorf("%s: %s, %w; choose a progress file with --db", path, fileKind(fi.Mode()), ErrNotRegularFile)
	}
	f, err := os.Open(path)
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return false, nil // an empty file is a new database
	}
	if n < 100 && bytes.HasPrefix(sqliteMagic, head[:min(n, len(sqliteMagic))]) {
		return true, damaged(path, "truncated")
	}
	if n < 100 || !bytes.Equal(head[:16], sqliteMagic) {
		return true, fmt.Errorf("%s: %w (it is not an SQLite database); choose another file with --db, or move this one away", path, ErrNotProgressFile)
	}
	// The header says who wrote the file; a file of ours that is newer than
	// this program is refused before SQLite opens it at all.
	if be32(head[68:72]) == ApplicationID && int(be32(head[60:64])) > len(migrations()) {
		return true, tooNew(path, int(be32(head[60:64])))
	}
	// Without a write-ahead log the file alone is the database, and its
	// header says how long it must be.
	walSize := int64(0)
	if wi, err := os.Stat(path + "-wal"); err == nil {
		walSize = wi.Size()
	}
	if want := headerSize(head); walSize == 0 && want > 0 && fi.Size() < want {
		return true, damaged(path, "truncated")
	}
	// In WAL mode the header can lag behind the log, so ask SQLite itself,
	// read-only. Opening a WAL database may create -wal and -shm files
	// beside it; those made here go again if the file is refused.
	made := missing(path+"-wal", path+"-shm")
	defer func() {
		if err != nil {
			for _, p := range made {
				os.Remove(p)
			}
		}
	}()
	appID, version, tables, err := peek(path, walSize == 0)
	if err != nil {
		if code := sqliteCode(err); code == 11 || code == 26 { // SQLITE_CORRUPT, SQLITE_NOTADB
			return true, damaged(path, "malformed")
		}
		if werr := writable(path); werr != nil {
			return true, werr
		}
		return true, fmt.Errorf("%s: %w (%v); choose another file with --db", path, ErrNotProgressFile, err)
	}
	switch {
	case appID != ApplicationID && tables > 0:
		return true, fmt.Errorf("%s: %w (an SQLite database of another program); choose another file with --db", path, ErrNotProgressFile)
	case appID == ApplicationID && version > len(migrations()):
		return true, tooNew(path, version)
	}
	return true, writable(path)
}

// headerSize is the database size the header records (page size times
// page count), or 0 if the count is not known to be current.
func headerSize(head []byte) int64 {
	pageSize := int64(head[16])<<8 | int64(head[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(be32(head[28:32]))
	// The page count is valid only if "version-valid-for" matches the
	// change counter (SQLite file format, section 1.3.7).
	if be32(head[92:96]) != be32(head[24:28]) {
		return 0
	}
	return pageSize * pages
}

// missing returns the paths among ps that do not exist.
func missing(ps ...string) []string {
	var out []string
	for _, p := range ps {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			out = append(out, p)
		}
	}
	return out
}

func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// damaged describes a file of ours that SQLite cannot read whole, and
// names the newest backup beside it.
func damaged(path, why string) error {
	if b := newestBackup(path); b != "" {
		return fmt.Errorf("%s is %w (%s); your last backup is %s: move the damaged file away and copy the backup in its place", path, ErrDamaged, why, b)
	}
	return fmt.Errorf("%s is %w (%s), and there is no backup beside it; move it away to start a new progress file", path, ErrDamaged, why)
}

// newestBackup is the PATH.bak-vN with the highest N, or "".
func newestBackup(path string) string {
	es, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return ""
	}
	prefix := filepath.Base(path) + ".bak-v"
	best, bestV := "", -1
	for _, e := range es {
		v, err := strconv.Atoi(strings.TrimPrefix(e.Name(), prefix))
		if !strings.HasPrefix(e.Name(), prefix) || err != nil || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err != nil || fi.Size() == 0 {
			continue // made for an upgrade that did not get to fill it
		}
		if v > bestV {
			best, bestV = filepath.Join(filepath.Dir(path), e.Name()), v
		}
	}
	return best
}

// writable says why the progress file at path cannot be written, or nil.
// SQLite also needs the folder: it keeps the write-ahead log beside the
// file, and an upgrade keeps a copy there.
func writable(path string) error {
	if canWrite(path) != nil {
		return fmt.Errorf("cannot write %s: %w (the file is read-only); make it writable or choose another file with --db", path, ErrReadOnly)
	}
	if dir := filepath.Dir(path); canWrite(dir) != nil {
		return fmt.Errorf("cannot write %s: %w (its folder %s is read-only, and SQLite keeps its log beside the file); make the folder writable or choose another file with --db", path, ErrReadOnly, dir)
	}
	return nil
}

// writableByMode reads the owner's write permission bit: the check where
// the system offers no access(2), and what a normal user sees.
func writableByMode(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s: mode %v", path, fi.Mode().Perm())
	}
	return nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a block device"
	}
	return "a special file (" + m.Type().String() + ")"
}

func tooNew(path string, v int) error {
	return fmt.Errorf("%s: %w (schema version %d; this one knows up to %d); upgrade saa-study or use another file with --db", path, ErrTooNew, v, len(migrations()))
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// peek opens the file read-only and reads its identity. Without a log to
// read (noLog), the file is opened immutable, so SQLite takes no locks and
// creates no -wal or -shm file.
func peek(path string, noLog bool) (appID uint32, version, tables int, err error) {
	d := dsn(path, true)
	if noLog {
		d += "&immutable=1"
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return 0, 0, 0, err
	}
	defer db.Close()
	var id int64
	err = db.QueryRow(`PRAGMA application_id`).Scan(&id)
	if err == nil {
		err = db.QueryRow(`PRAGMA user_version`).Scan(&version)
	}
	if err == nil {
		err = db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&tables)
	}
	if err != nil {
		return 0, 0, 0, err
	}
	return uint32(id), version, tables, nil
}
