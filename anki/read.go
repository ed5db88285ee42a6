package anki

// The reader takes the three generations of package Anki writes
// (collection.anki2, collection.anki21 and the zstd-compressed
// collection.anki21b of schema 18) into a Collection, the same types the
// writer takes; docs/anki-packages.md describes the layout it supports.

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Package versions, as Anki's PackageMetadata numbers them.
const (
	VersionLegacy1 = 1 // collection.anki2, schema 11
	VersionLegacy2 = 2 // collection.anki21, schema 11
	VersionLatest  = 3 // collection.anki21b, zstd, schema 18
)

// Limits bound what a package may make the reader write or hold. The zero
// value means DefaultLimits.
type Limits struct {
	Package    int64 // bytes of the package file
	Collection int64 // bytes of the collection once decompressed
	MediaFile  int64 // bytes of one media file once decompressed
}

// DefaultLimits are generous for a deck of text and pictures and stop a
// package that would fill the disk.
var DefaultLimits = Limits{Package: 100 << 20, Collection: 512 << 20, MediaFile: 64 << 20}

func (l Limits) orDefault() Limits {
	if l.Package <= 0 {
		l.Package = DefaultLimits.Package
	}
	if l.Collection <= 0 {
		l.Collection = DefaultLimits.Collection
	}
	if l.MediaFile <= 0 {
		l.MediaFile = DefaultLimits.MediaFile
	}
	return l
}

// Package is an opened package: its collection read into memory (note
// types, decks, notes, cards and the review log) and the media it
// carries, which CopyMedia extracts on demand. Close it when done.
type Package struct {
	Version int // VersionLegacy1, VersionLegacy2 or VersionLatest
	Schema  int // the collection's schema version (col.ver)
	Collection
	Media []Media

	zr     *zip.Reader
	closer io.Closer
	lim    Limits
}

// Media is one file the package carries, under the name notes use.
type Media struct {
	Name    string
	zipName string
}

// Error is a package the reader refuses; its message is one line a person
// can act on.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func refuse(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// ErrNotPackage is wrapped by the error for a file that is not an Anki
// package at all.
var ErrNotPackage = errors.New("not an Anki package")

// Open reads the package at path.
func Open(path string, lim Limits) (*Package, error) {
	lim = lim.orDefault()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, refuse("%s is not a regular file", path)
	}
	if fi.Size() > lim.Package {
		f.Close()
		return nil, refuse("%s is %s; packages up to %s are imported (--max-size raises the limit; or export the deck from Anki without media)",
			path, mib(fi.Size()), mib(lim.Package))
	}
	p, err := read(f, fi.Size(), lim)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	p.closer = f
	return p, nil
}

// ReadBytes reads a package held in memory (for tests and fuzzing).
func ReadBytes(data []byte, lim Limits) (*Package, error) {
	lim = lim.orDefault()
	if int64(len(data)) > lim.Package {
		return nil, refuse("package is %s; packages up to %s are imported", mib(int64(len(data))), mib(lim.Package))
	}
	return read(bytes.NewReader(data), int64(len(data)), lim)
}

// IsZip reports whether the start of a file is a zip's magic number.
func IsZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// Close releases the package file.
func (p *Package) Close() error {
	if p == nil || p.closer == nil {
		return nil
	}
	return p.closer.Close()
}

func mib(n int64) string {
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

func read(r io.ReaderAt, size int64, lim Limits) (*Package, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: it is not a zip file (%v)", ErrNotPackage, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	p := &Package{zr: zr, lim: lim}
	p.Version, err = packageVersion(files)
	if err != nil {
		return nil, err
	}
	coll := map[int]string{VersionLegacy1: "collection.anki2", VersionLegacy2: "collection.anki21", VersionLatest: "collection.anki21b"}[p.Version]
	cf := files[coll]
	if cf == nil {
		return nil, refuse("the package has no %s (its meta file says version %d)", coll, p.Version)
	}
	if err := p.readCollection(cf); err != nil {
		return nil, err
	}
	if err := p.readMediaMap(files); err != nil {
		return nil, err
	}
	return p, nil
}

// packageVersion reads the meta file, or infers the version from the
// collection's name as Anki does when there is none.
func packageVersion(files map[string]*zip.File) (int, error) {
	if mf := files["meta"]; mf != nil {
		data, err := readAllLimited(mf, 1<<10)
		if err != nil {
			return 0, refuse("the package's meta file is unreadable: %v", err)
		}
		v, err := decodeMeta(data)
		if err != nil {
			return 0, err
		}
		if v < VersionLegacy1 || v > VersionLatest {
			return 0, refuse("package version %d is unknown (this reads versions 1-3, up to Anki 25); export it from Anki with \"Support older Anki versions\" ticked", v)
		}
		return v, nil
	}
	switch {
	case files["collection.anki21"] != nil:
		return VersionLegacy2, nil
	case files["collection.anki2"] != nil:
		return VersionLegacy1, nil
	}
	return 0, fmt.Errorf("%w: the zip holds no collection.anki2, collection.anki21 or collection.anki21b", ErrNotPackage)
}

// readAllLimited reads a zip member whole, refusing one larger than max
// once decompressed.
func readAllLimited(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, refuse("%s is larger than %s once unpacked", f.Name, mib(max))
	}
	return data, nil
}

// safeMediaName refuses a media name that could land outside the deck
// folder or name something other than a plain file in it.
func safeMediaName(name string) error {
	switch {
	case name == "", name == ".", name == "..":
		return refuse("the media map names a file %q; refusing the package (a media name must be a plain file name)", name)
	case strings.ContainsAny(name, "/\\\x00"), len(name) >= 2 && name[1] == ':':
		return refuse("the media map names %q, a path outside the deck folder; refusing the package (a media name must be a plain file name)", name)
	case len(name) > 255:
		return refuse("the media map names a file of %d bytes; refusing the package (names are at most 255)", len(name))
	}
	return nil
}
