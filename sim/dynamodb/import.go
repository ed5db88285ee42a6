package dynamodb

import (
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// S3BucketSource says where ImportTable reads.
type S3BucketSource struct {
	S3Bucket    string `json:"S3Bucket"`
	S3KeyPrefix string `json:"S3KeyPrefix,omitempty"`
}

// CsvOptions are the CSV import settings.
type CsvOptions struct {
	Delimiter  string   `json:"Delimiter,omitempty"`
	HeaderList []string `json:"HeaderList,omitempty"`
}

// InputFormatOptions wraps CsvOptions.
type InputFormatOptions struct {
	Csv *CsvOptions `json:"Csv,omitempty"`
}

// ImportTableInput is the ImportTable request.
type ImportTableInput struct {
	S3BucketSource          S3BucketSource      `json:"S3BucketSource"`
	InputFormat             string              `json:"InputFormat"`
	InputCompressionType    string              `json:"InputCompressionType,omitempty"`
	InputFormatOptions      *InputFormatOptions `json:"InputFormatOptions,omitempty"`
	TableCreationParameters CreateTableInput    `json:"TableCreationParameters"`
}

// ImportTableDescription describes an import (finished at once in the sim).
type ImportTableDescription struct {
	ImportArn            string         `json:"ImportArn"`
	ImportStatus         string         `json:"ImportStatus"`
	TableArn             string         `json:"TableArn"`
	S3BucketSource       S3BucketSource `json:"S3BucketSource"`
	InputFormat          string         `json:"InputFormat"`
	InputCompressionType string         `json:"InputCompressionType"`
	StartTime            float64        `json:"StartTime"`
	EndTime              float64        `json:"EndTime"`
	ProcessedSizeBytes   int64          `json:"ProcessedSizeBytes"`
	ProcessedItemCount   int64          `json:"ProcessedItemCount"`
	ImportedItemCount    int64          `json:"ImportedItemCount"`
	ErrorCount           int64          `json:"ErrorCount"`
	FailureCode          string         `json:"FailureCode,omitempty"`
	FailureMessage       string         `json:"FailureMessage,omitempty"`
}

// ImportOutput is the response of ImportTable and DescribeImport.
type ImportOutput struct {
	ImportTableDescription ImportTableDescription `json:"ImportTableDescription"`
}

// ImportArnInput names an import.
type ImportArnInput struct {
	ImportArn string `json:"ImportArn"`
}

// ImportTable creates a NEW table and loads it from S3 (DynamoDB JSON lines
// or CSV, optionally gzipped) without consuming write capacity. Lines that
// do not parse or do not fit the key schema are counted in ErrorCount and
// skipped. In CSV, key columns take the types of AttributeDefinitions and
// every other column is a String.
func (db *DB) ImportTable(in *ImportTableInput) (*ImportOutput, error) {
	switch in.InputFormat {
	case "DYNAMODB_JSON", "CSV":
	case "ION":
		return nil, validationf("ION imports are not supported by the simulator; use DYNAMODB_JSON or CSV")
	default:
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'inputFormat' failed to satisfy constraint: Member must satisfy enum value set: [ION, DYNAMODB_JSON, CSV]", in.InputFormat))
	}
	comp := in.InputCompressionType
	switch comp {
	case "":
		comp = "NONE"
	case "NONE", "GZIP":
	default:
		return nil, validationf("InputCompressionType must be GZIP or NONE in the simulator")
	}
	dir, err := db.s3Dir(in.S3BucketSource.S3Bucket, in.S3BucketSource.S3KeyPrefix)
	if err != nil {
		return nil, err
	}
	def := in.TableCreationParameters
	if db.tables[def.TableName] != nil {
		return nil, apiErr(ErrResourceInUse, "Table already exists: "+def.TableName)
	}
	lines, size, rerr := readLines(dir, comp)
	now := db.clk.Now()
	db.ext.jobNo++
	d := ImportTableDescription{S3BucketSource: in.S3BucketSource, InputFormat: in.InputFormat, InputCompressionType: comp,
		StartTime: epochSeconds(now), EndTime: epochSeconds(now), ProcessedSizeBytes: size}
	def.StreamSpecification = nil
	d.TableArn = "arn:aws:dynamodb:" + db.opts.Region + ":" + db.opts.Account + ":table/" + def.TableName
	d.ImportArn = fmt.Sprintf("%s/import/%013d-%08x", d.TableArn, now.UnixMilli(), db.ext.jobNo)
	if rerr != nil {
		// A missing or unreadable source fails the import before the
		// table is created.
		if err := checkTableName(def.TableName, "tableCreationParameters.tableName"); err != nil {
			return nil, err
		}
		d.ImportStatus, d.FailureCode, d.FailureMessage = "FAILED", "S3NoSuchKey", "The S3 source could not be read: "+baseErr(rerr)
		db.ext.imports[d.ImportArn] = &d
		return &ImportOutput{ImportTableDescription: d}, nil
	}
	if _, err := db.CreateTable(&def); err != nil {
		return nil, err
	}
	t := db.tables[def.TableName]
	var items []Item
	switch in.InputFormat {
	case "DYNAMODB_JSON":
		items, d.ErrorCount = parseJSONLines(lines)
	case "CSV":
		var opts CsvOptions
		if in.InputFormatOptions != nil && in.InputFormatOptions.Csv != nil {
			opts = *in.InputFormatOptions.Csv
		}
		items, d.ErrorCount, err = parseCSV(t, lines, opts)
		if err != nil {
			return nil, err
		}
	}
	d.ProcessedItemCount = int64(len(items)) + d.ErrorCount
	var ok []Item
	for _, it := range items {
		if t.checkItem(it) != nil {
			d.ErrorCount++
			continue
		}
		ok = append(ok, it)
	}
	db.loadItems(t, ok)
	d.ImportedItemCount = int64(len(ok))
	d.ImportStatus = "COMPLETED"
	db.ext.imports[d.ImportArn] = &d
	return &ImportOutput{ImportTableDescription: d}, nil
}

// DescribeImport returns an import's description.
func (db *DB) DescribeImport(in *ImportArnInput) (*ImportOutput, error) {
	d := db.ext.imports[in.ImportArn]
	if d == nil {
		return nil, apiErr(ErrImportNotFound, "Import not found: "+in.ImportArn)
	}
	return &ImportOutput{ImportTableDescription: *d}, nil
}

func parseJSONLines(lines []string) ([]Item, int64) {
	var items []Item
	var bad int64
	for _, l := range lines {
		var row struct {
			Item Item `json:"Item"`
		}
		if err := json.Unmarshal([]byte(l), &row); err != nil || len(row.Item) == 0 {
			bad++
			continue
		}
		items = append(items, row.Item)
	}
	return items, bad
}

func parseCSV(t *table, lines []string, o CsvOptions) ([]Item, int64, error) {
	delim := ','
	if o.Delimiter != "" {
		r := []rune(o.Delimiter)
		if len(r) != 1 || !strings.ContainsRune(",\t:;| ", r[0]) {
			return nil, 0, validationf("Invalid CSV delimiter: " + o.Delimiter)
		}
		delim = r[0]
	}
	header := o.HeaderList
	if len(header) == 0 {
		if len(lines) == 0 {
			return nil, 0, nil
		}
		h, err := splitCSV(lines[0], delim)
		if err != nil {
			return nil, 0, validationf("Invalid CSV header: " + err.Error())
		}
		header, lines = h, lines[1:]
	}
	types := map[string]attr.Type{}
	for _, a := range t.defs {
		types[a.AttributeName] = attr.Type(a.AttributeType)
	}
	var items []Item
	var bad int64
	for _, l := range lines {
		cells, err := splitCSV(l, delim)
		if err != nil || len(cells) != len(header) {
			bad++
			continue
		}
		it := Item{}
		okRow := true
		for i, name := range header {
			c := cells[i]
			if c == "" {
				continue
			}
			switch types[name] {
			case attr.TN:
				v, err := attr.ParseNumber(c)
				if err != nil {
					okRow = false
				}
				it[name] = attr.Value{T: attr.TN, N: v}
			case attr.TB:
				b, err := base64.StdEncoding.DecodeString(c)
				if err != nil {
					okRow = false
				}
				it[name] = attr.Value{T: attr.TB, B: b}
			default:
				it[name] = attr.Str(c)
			}
		}
		if !okRow {
			bad++
			continue
		}
		items = append(items, it)
	}
	return items, bad, nil
}

func splitCSV(line string, delim rune) ([]string, error) {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r.Read()
}

// baseErr hides the host's folder from a learner-facing message.
func baseErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return filepath.Base(pe.Path) + ": " + pe.Err.Error()
	}
	return err.Error()
}
