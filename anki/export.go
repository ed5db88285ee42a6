package anki

import (
	"archive/zip"
	"compress/flate"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// Names inside a package.
const (
	// CollectionName is the legacy (schema 11) collection every Anki since
	// 2.0 and AnkiDroid read.
	CollectionName = "collection.anki2"
	// MediaName is the JSON map from numbered zip entries to media names.
	MediaName = "media"
)

// WritePackage writes c to w as an .apkg: a zip holding the collection
// (schema 11) and an empty media map. The collection is built in a
// temporary folder, which is removed afterwards.
func WritePackage(ctx context.Context, w io.Writer, c *Collection) error {
	dir, err := os.MkdirTemp("", "saa-apkg-*")
	if err != nil {
		return fmt.Errorf("anki package: %w", err)
	}
	defer os.RemoveAll(dir)
	colPath := filepath.Join(dir, CollectionName)
	if err := buildCollection(ctx, colPath, c); err != nil {
		return err
	}
	f, err := os.Open(colPath)
	if err != nil {
		return err
	}
	defer f.Close()

	zw := zip.NewWriter(w)
	// BestSpeed: a collection is mostly repeated SQLite pages, which it
	// already shrinks well, at a fraction of the default level's time.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	now := time.Now()
	cw, err := zw.CreateHeader(&zip.FileHeader{Name: CollectionName, Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	if _, err := io.Copy(cw, f); err != nil {
		return fmt.Errorf("anki package: %w", err)
	}
	mw, err := zw.CreateHeader(&zip.FileHeader{Name: MediaName, Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(mw, "{}"); err != nil {
		return err
	}
	return zw.Close()
}

// buildCollection writes c as a schema 11 SQLite file at path.
func buildCollection(ctx context.Context, path string, c *Collection) error {
	// The file is scratch until zipped: no journal, no fsync.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return fmt.Errorf("anki collection: %w", err)
	}
	db.SetMaxOpenConns(1)
	if err := writeCollection(ctx, db, c); err != nil {
		db.Close()
		return fmt.Errorf("anki collection: %w", err)
	}
	return db.Close()
}

// WritePackageFile writes the package to path through a temporary file in
// the same folder and a rename: a failure never leaves half a package, nor
// replaces an older one.
func WritePackageFile(ctx context.Context, path string, c *Collection) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: the folder %s does not exist", path, filepath.Dir(path))
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write there: %w", path, errors.Unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if err := WritePackage(ctx, tmp, c); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
