package anki

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/encoding/protowire"
)

// zstdMagic starts every zstd frame.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

var (
	decoderOnce sync.Once
	decoder     *zstd.Decoder
)

// zstdReader streams the decompression of r. The decoder's window is
// capped so a hostile frame cannot make it allocate without bound.
func zstdReader(r io.Reader) (io.ReadCloser, error) {
	d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(64<<20), zstd.WithDecoderLowmem(true))
	if err != nil {
		return nil, err
	}
	return d.IOReadCloser(), nil
}

// zstdDecode decompresses a small buffer whole (the meta and media map),
// refusing more than max bytes of output.
func zstdDecode(data []byte, max int) ([]byte, error) {
	decoderOnce.Do(func() {
		decoder, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(64<<20)))
	})
	out, err := decoder.DecodeAll(data, nil)
	if err != nil {
		return nil, err
	}
	if len(out) > max {
		return nil, fmt.Errorf("larger than %d bytes once unpacked", max)
	}
	return out, nil
}

// decodeMeta reads PackageMetadata { Version version = 1; }. The meta
// file is not compressed.
func decodeMeta(b []byte) (int, error) {
	version := 0
	err := eachField(b, func(num protowire.Number, typ protowire.Type, v uint64, _ []byte) error {
		if num == 1 && typ == protowire.VarintType {
			version = int(int32(v))
		}
		return nil
	})
	if err != nil {
		return 0, refuse("the package's meta file is not valid: %v", err)
	}
	if version == 0 {
		return 0, refuse("package version 0 (unknown); this reads versions 1-3: export it from Anki with \"Support older Anki versions\" ticked")
	}
	return version, nil
}

// decodeMediaEntries reads MediaEntries { repeated MediaEntry entries = 1; }
// where MediaEntry { string name = 1; uint32 size = 2; bytes sha1 = 3;
// optional uint32 legacy_zip_filename = 255; }. A file's name in the zip is
// its index in the list, or legacy_zip_filename when set.
func decodeMediaEntries(b []byte) ([]Media, error) {
	var out []Media
	err := eachField(b, func(num protowire.Number, typ protowire.Type, _ uint64, raw []byte) error {
		if num != 1 || typ != protowire.BytesType {
			return nil
		}
		m := Media{zipName: fmt.Sprint(len(out))}
		err := eachField(raw, func(num protowire.Number, typ protowire.Type, v uint64, raw []byte) error {
			switch {
			case num == 1 && typ == protowire.BytesType:
				m.Name = string(raw)
			case num == 255 && typ == protowire.VarintType:
				m.zipName = fmt.Sprint(uint32(v))
			}
			return nil
		})
		if err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// eachField walks the top-level fields of a protobuf message; v holds a
// varint's value, raw a length-delimited field's bytes.
func eachField(b []byte, fn func(num protowire.Number, typ protowire.Type, v uint64, raw []byte) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		var v uint64
		var raw []byte
		switch typ {
		case protowire.VarintType:
			v, n = protowire.ConsumeVarint(b)
		case protowire.BytesType:
			raw, n = protowire.ConsumeBytes(b)
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		if err := fn(num, typ, v, raw); err != nil {
			return err
		}
	}
	return nil
}

// notetypeKind reads Notetype.Config { Kind kind = 1; ... }.
func notetypeKind(config []byte) (int, error) {
	kind := int(Standard)
	err := eachField(config, func(num protowire.Number, typ protowire.Type, v uint64, _ []byte) error {
		if num == 1 && typ == protowire.VarintType {
			kind = int(v)
		}
		return nil
	})
	return kind, err
}

// templateFormats reads Template.Config { string q_format = 1; string
// a_format = 2; ... }.
func templateFormats(config []byte) (front, back string, err error) {
	err = eachField(config, func(num protowire.Number, typ protowire.Type, _ uint64, raw []byte) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			front = string(raw)
		case 2:
			back = string(raw)
		}
		return nil
	})
	return front, back, err
}

// errTooLarge marks a stream cut at its limit.
var errTooLarge = errors.New("too large")

// limitedCopy copies at most max bytes and reports errTooLarge beyond.
func limitedCopy(w io.Writer, r io.Reader, max int64) (int64, error) {
	n, err := io.Copy(w, io.LimitReader(r, max+1))
	if err != nil {
		return n, err
	}
	if n > max {
		return n, errTooLarge
	}
	return n, nil
}
