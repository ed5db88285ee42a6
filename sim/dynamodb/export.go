package dynamodb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Export and import exception names.
const (
	ErrInvalidExportTime = "InvalidExportTimeException"
	ErrExportNotFound    = "ExportNotFoundException"
	ErrImportNotFound    = "ImportNotFoundException"
)

var bucketRE = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

// s3Dir maps bucket and key prefix to a folder under Options.S3Root,
// refusing anything that would leave it.
func (db *DB) s3Dir(bucket, prefix string) (string, error) {
	if db.opts.S3Root == "" {
		return "", validationf("S3 is not available: start the simulator with an S3 folder (Options.S3Root)")
	}
	if !bucketRE.MatchString(bucket) || strings.Contains(bucket, "..") {
		return "", validationf("Invalid S3 bucket name: " + bucket)
	}
	clean := path.Clean("/" + prefix)
	if strings.Contains(prefix, "..") || strings.ContainsRune(prefix, '\\') {
		return "", validationf("Invalid S3 prefix: " + prefix)
	}
	return filepath.Join(db.opts.S3Root, bucket, filepath.FromSlash(clean)), nil
}

// ExportTableToPointInTimeInput is the ExportTableToPointInTime request.
type ExportTableToPointInTimeInput struct {
	TableArn     string   `json:"TableArn"`
	ExportTime   *float64 `json:"ExportTime,omitempty"`
	S3Bucket     string   `json:"S3Bucket"`
	S3Prefix     string   `json:"S3Prefix,omitempty"`
	ExportFormat string   `json:"ExportFormat,omitempty"`
	ExportType   string   `json:"ExportType,omitempty"`
}

// ExportDescription describes an export (finished at once in the sim).
type ExportDescription struct {
	ExportArn       string  `json:"ExportArn"`
	ExportStatus    string  `json:"ExportStatus"`
	StartTime       float64 `json:"StartTime"`
	EndTime         float64 `json:"EndTime"`
	ExportTime      float64 `json:"ExportTime"`
	TableArn        string  `json:"TableArn"`
	S3Bucket        string  `json:"S3Bucket"`
	S3Prefix        string  `json:"S3Prefix,omitempty"`
	ExportFormat    string  `json:"ExportFormat"`
	ExportType      string  `json:"ExportType"`
	ExportManifest  string  `json:"ExportManifest"`
	ItemCount       int64   `json:"ItemCount"`
	BilledSizeBytes int64   `json:"BilledSizeBytes"`
}

// ExportOutput is the response of ExportTableToPointInTime and DescribeExport.
type ExportOutput struct {
	ExportDescription ExportDescription `json:"ExportDescription"`
}

// ExportArnInput names an export.
type ExportArnInput struct {
	ExportArn string `json:"ExportArn"`
}

// ExportTableToPointInTime writes the table as it was at ExportTime (now
// by default) to S3 as gzipped DynamoDB JSON lines, {"Item":{…}} per line,
// under AWSDynamoDB/<export id>/data/, with manifest files beside. It needs
// PITR and consumes no read capacity: it reads the PITR history, not the
// table.
func (db *DB) ExportTableToPointInTime(in *ExportTableToPointInTimeInput) (*ExportOutput, error) {
	t := db.tables[tableFromArn(in.TableArn)]
	if in.TableArn == "" || t == nil || db.arn(t) != in.TableArn {
		return nil, apiErr(ErrTableNotFound, "Table not found: "+in.TableArn)
	}
	switch in.ExportFormat {
	case "", "DYNAMODB_JSON":
	case "ION":
		return nil, validationf("ION exports are not supported by the simulator; use DYNAMODB_JSON")
	default:
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'exportFormat' failed to satisfy constraint: Member must satisfy enum value set: [ION, DYNAMODB_JSON]", in.ExportFormat))
	}
	if in.ExportType != "" && in.ExportType != "FULL_EXPORT" {
		return nil, validationf("Only FULL_EXPORT is supported by the simulator")
	}
	p := t.ext.pitr
	if p == nil {
		return nil, apiErr(ErrPITRUnavailable, "Point in time recovery is not enabled for table '"+t.name+"'")
	}
	dir, err := db.s3Dir(in.S3Bucket, in.S3Prefix)
	if err != nil {
		return nil, err
	}
	now := db.clk.Now()
	at := now
	if in.ExportTime != nil {
		at = fromEpoch(*in.ExportTime)
	}
	if lo := p.earliest(now); at.Before(lo) || at.After(now) {
		return nil, apiErr(ErrInvalidExportTime, fmt.Sprintf("Export time %s is outside the point in time recovery window [%s, %s]",
			at.Format(time.RFC3339), lo.Format(time.RFC3339), now.Format(time.RFC3339)))
	}
	db.ext.jobNo++
	id := fmt.Sprintf("%013d-%08x", now.UnixMilli(), db.ext.jobNo)
	items := p.itemsAt(at)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	var size int64
	for _, it := range items {
		line, err := json.Marshal(struct {
			Item Item `json:"Item"`
		}{it})
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", t.name, err)
		}
		size += int64(it.Size())
		zw.Write(append(line, '\n'))
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("export %s: %w", t.name, err)
	}
	root := filepath.Join(dir, "AWSDynamoDB", id)
	dataKey := "data/" + id + ".json.gz"
	d := ExportDescription{ExportArn: db.arn(t) + "/export/" + id, ExportStatus: "COMPLETED",
		StartTime: epochSeconds(now), EndTime: epochSeconds(now), ExportTime: epochSeconds(at), TableArn: db.arn(t),
		S3Bucket: in.S3Bucket, S3Prefix: in.S3Prefix, ExportFormat: "DYNAMODB_JSON", ExportType: "FULL_EXPORT",
		ExportManifest: strings.TrimPrefix(path.Join(in.S3Prefix, "AWSDynamoDB", id, "manifest-summary.json"), "/"),
		ItemCount:      int64(len(items)), BilledSizeBytes: size}
	files, _ := json.Marshal(map[string]any{"itemCount": len(items), "dataFileS3Key": path.Join("AWSDynamoDB", id, dataKey)})
	summary, _ := json.MarshalIndent(d, "", "  ")
	for name, body := range map[string][]byte{dataKey: buf.Bytes(), "manifest-files.json": append(files, '\n'), "manifest-summary.json": append(summary, '\n')} {
		f := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return nil, fmt.Errorf("export %s: %w", t.name, err)
		}
		if err := os.WriteFile(f, body, 0o644); err != nil {
			return nil, fmt.Errorf("export %s: %w", t.name, err)
		}
	}
	db.ext.exports[d.ExportArn] = &d
	return &ExportOutput{ExportDescription: d}, nil
}

// DescribeExport returns an export's description.
func (db *DB) DescribeExport(in *ExportArnInput) (*ExportOutput, error) {
	d := db.ext.exports[in.ExportArn]
	if d == nil {
		return nil, apiErr(ErrExportNotFound, "Export not found: "+in.ExportArn)
	}
	return &ExportOutput{ExportDescription: *d}, nil
}

// readLines returns the lines of every data file under dir, in path order,
// gunzipping as asked. Manifest files are skipped.
func readLines(dir, compression string) ([]string, int64, error) {
	var lines []string
	var total int64
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), "manifest-") {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		total += int64(len(raw))
		if compression == "GZIP" {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			var b bytes.Buffer
			if _, err := b.ReadFrom(zr); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			raw = b.Bytes()
		}
		sc := bufio.NewScanner(bytes.NewReader(raw))
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			if s := strings.TrimRight(sc.Text(), "\r"); strings.TrimSpace(s) != "" {
				lines = append(lines, s)
			}
		}
		return sc.Err()
	})
	return lines, total, err
}
