package anki

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MediaByName returns the media file the package carries under name.
func (p *Package) MediaByName(name string) (Media, bool) {
	for _, m := range p.Media {
		if m.Name == name {
			return m, true
		}
	}
	return Media{}, false
}

// CopyMedia writes the media file m into dir (which must exist), under
// its own name and never outside dir, through a temporary file and a
// rename. It returns whether a file was written (false when dir already
// holds the same bytes).
func (p *Package) CopyMedia(m Media, dir string) (bool, error) {
	if err := safeMediaName(m.Name); err != nil {
		return false, err
	}
	dest := filepath.Join(dir, m.Name)
	if rel, err := filepath.Rel(dir, dest); err != nil || rel != m.Name || strings.HasPrefix(rel, "..") {
		return false, refuse("media %q would be written outside the deck folder; refusing it", m.Name)
	}
	var zf *zip.File
	for _, f := range p.zr.File {
		if f.Name == m.zipName {
			zf = f
			break
		}
	}
	if zf == nil {
		return false, refuse("the package has no file %q for media %q", m.zipName, m.Name)
	}
	rc, err := zf.Open()
	if err != nil {
		return false, refuse("media %q is unreadable: %v", m.Name, err)
	}
	defer rc.Close()
	br := bufio.NewReader(rc)
	var src io.Reader = br
	if head, _ := br.Peek(4); p.Version == VersionLatest && bytes.Equal(head, zstdMagic) {
		zr, err := zstdReader(br)
		if err != nil {
			return false, refuse("media %q is corrupt: %v", m.Name, err)
		}
		defer zr.Close()
		src = zr
	}
	tmp, err := os.CreateTemp(dir, ".media-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	_, err = limitedCopy(tmp, src, p.lim.MediaFile)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, errTooLarge):
		return false, refuse("media %q is larger than %s once unpacked; refusing it", m.Name, mib(p.lim.MediaFile))
	case err != nil:
		return false, fmt.Errorf("media %q: %w", m.Name, err)
	}
	if same(tmp.Name(), dest) {
		return false, nil
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return false, err
	}
	return true, nil
}

// same reports whether two files hold the same bytes.
func same(a, b string) bool {
	fb, err := os.Lstat(b)
	if err != nil || !fb.Mode().IsRegular() {
		return false
	}
	fa, err := os.Stat(a)
	if err != nil || fa.Size() != fb.Size() {
		return false
	}
	da, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	db, err := os.ReadFile(b)
	return err == nil && bytes.Equal(da, db)
}
