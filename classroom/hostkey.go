package classroom

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// LogName is the classroom log's file name in the host key folder.
const LogName = "classroom.log"

// CheckPrivateDir makes sure dir is a folder only this user controls,
// creating it (0700) when it is missing. It refuses a symbolic link, a
// folder another user owns and one that others can write: a key planted
// there would be served to students as this server's.
func CheckPrivateDir(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("host key folder %s: %w", dir, err)
		}
		fi, err = os.Lstat(dir)
	}
	if err != nil {
		return fmt.Errorf("host key folder %s: %w", dir, err)
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("host key folder %s is a symbolic link; give a real folder of your own with --host-key-dir", dir)
	case !fi.IsDir():
		return fmt.Errorf("host key folder %s is not a folder; give a folder of your own with --host-key-dir", dir)
	case !ownedByMe(fi):
		return fmt.Errorf("host key folder %s belongs to another user; give a folder of your own with --host-key-dir", dir)
	case fi.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("host key folder %s: others can write to it (mode %v); chmod 700 it or give another folder with --host-key-dir", dir, fi.Mode().Perm())
	}
	return checkPrivateFile(filepath.Join(dir, HostKeyName), "host key")
}

// checkPrivateFile refuses an existing file that is a symbolic link, not
// a regular file, another user's, or one that others can read or write.
// A missing file is fine: it will be created 0600.
func checkPrivateFile(path, what string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", what, path, err)
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s %s is a symbolic link; remove it and start again", what, path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s %s is not a regular file; remove it and start again", what, path)
	case !ownedByMe(fi):
		return fmt.Errorf("%s %s belongs to another user; remove it and start again", what, path)
	case fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("%s %s: others can read or write it (mode %v); remove it (a new one is made) or chmod 600 it", what, path, fi.Mode().Perm())
	}
	return nil
}

// OpenLog opens the classroom log in dir for appending, never through a
// symbolic link and never another user's file. dir must have passed
// CheckPrivateDir.
func OpenLog(dir string) (*os.File, error) {
	path := filepath.Join(dir, LogName)
	if err := checkPrivateFile(path, "classroom log"); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY|noFollow, 0o600)
	if err != nil {
		return nil, fmt.Errorf("classroom log %s: %w", path, err)
	}
	return f, nil
}
