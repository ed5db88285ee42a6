package dynamodb

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func s3DB(t *testing.T) (*DB, *clock.Virtual, string) {
	t.Helper()
	root := t.TempDir()
	c := clock.New(clock.Epoch)
	return NewWithOptions(c, Options{AdaptiveCapacity: true, S3Root: root}), c, root
}

func TestExportNeedsPITRAndConsumesNoReadCapacity(t *testing.T) {
	db, clk, root := s3DB(t)
	simpleTable(t, db, "orders", 1, 100)
	for i := 0; i < 20; i++ {
		put(t, db, "orders", fmt.Sprint("k", i), "v")
	}
	arn := db.arn(db.tables["orders"])
	if typ, _ := doErr(t, db, "ExportTableToPointInTime", `{"TableArn":"`+arn+`","S3Bucket":"exports"}`); typ != ErrPITRUnavailable {
		t.Fatalf("export without PITR: %s", typ)
	}
	mustDo(t, db, "UpdateContinuousBackups", `{"TableName":"orders","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}`)
	clk.Advance(time.Minute)
	put(t, db, "orders", "late", "after the export time")
	at := epochSeconds(clk.Now().Add(-30 * time.Second))
	body, _ := json.Marshal(ExportTableToPointInTimeInput{TableArn: arn, S3Bucket: "exports", S3Prefix: "daily", ExportTime: &at})
	var out ExportOutput
	if err := json.Unmarshal([]byte(mustDo(t, db, "ExportTableToPointInTime", string(body))), &out); err != nil {
		t.Fatal(err)
	}
	if out.ExportDescription.ItemCount != 20 || out.ExportDescription.ExportStatus != "COMPLETED" {
		t.Errorf("export %+v", out.ExportDescription)
	}
	if _, err := os.Stat(filepath.Join(root, "exports", filepath.FromSlash(out.ExportDescription.ExportManifest))); err != nil {
		t.Errorf("manifest: %v", err)
	}
	// One RCU table: a scan of 20 items would need the bucket; the export left it full.
	if _, err := db.GetItem(&GetItemInput{TableName: "orders", Key: Item{"pk": attr.Str("k1")}, ConsistentRead: true}); err != nil {
		t.Errorf("read after export: %v", err)
	}
	// Round trip: import the export into a new table, consuming no WCU.
	files, _ := filepath.Glob(filepath.Join(root, "exports", "daily", "AWSDynamoDB", "*", "data"))
	if len(files) != 1 {
		t.Fatalf("data folders %v", files)
	}
	rel, _ := filepath.Rel(filepath.Join(root, "exports"), files[0])
	imp := ImportTableInput{S3BucketSource: S3BucketSource{S3Bucket: "exports", S3KeyPrefix: filepath.ToSlash(rel)}, InputFormat: "DYNAMODB_JSON", InputCompressionType: "GZIP",
		TableCreationParameters: CreateTableInput{TableName: "orders_copy", AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: "S"}},
			KeySchema: []KeySchemaElement{{AttributeName: "pk", KeyType: "HASH"}}, ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}}}
	b, _ := json.Marshal(imp)
	var io ImportOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "ImportTable", string(b))), &io)
	if d := io.ImportTableDescription; d.ImportedItemCount != 20 || d.ErrorCount != 0 || d.ImportStatus != "COMPLETED" {
		t.Errorf("import %+v", d)
	}
	if n := count(t, db, "orders_copy"); n != 20 {
		t.Errorf("imported table has %d items", n)
	}
	if typ, _ := doErr(t, db, "ImportTable", string(b)); typ != ErrResourceInUse {
		t.Errorf("import into an existing table: %s", typ)
	}
}

func TestImportCSVTypesKeysAndCountsBadRows(t *testing.T) {
	db, _, root := s3DB(t)
	dir := filepath.Join(root, "seed", "users")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	csv := "id,age,name\n1,30,Ann\n2,41,Bob\nnot-a-number,5,Bad\n3,,Cy\n"
	if err := os.WriteFile(filepath.Join(dir, "part-1.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	body := `{"S3BucketSource":{"S3Bucket":"seed","S3KeyPrefix":"users"},"InputFormat":"CSV","TableCreationParameters":{"TableName":"users","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"N"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}`
	var out ImportOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "ImportTable", body)), &out)
	if d := out.ImportTableDescription; d.ImportedItemCount != 3 || d.ErrorCount != 1 || d.ProcessedItemCount != 4 {
		t.Errorf("import %+v", d)
	}
	got, _ := db.GetItem(&GetItemInput{TableName: "users", Key: Item{"id": attr.Num("2")}})
	if got.Item["age"].T != attr.TS || got.Item["age"].S != "41" || got.Item["name"].S != "Bob" {
		t.Errorf("non-key CSV columns are strings: %+v", got.Item)
	}
	if _, ok := got.Item["id"]; !ok {
		t.Errorf("key missing")
	}
}

func TestS3FolderIsConfinedAndRequired(t *testing.T) {
	db, _ := newDB() // no S3Root
	simpleTable(t, db, "orders", 0, 0)
	if typ, _ := doErr(t, db, "ImportTable", `{"S3BucketSource":{"S3Bucket":"seed"},"InputFormat":"CSV","TableCreationParameters":{"TableName":"t1x"}}`); typ != ErrValidation {
		t.Errorf("without S3Root: %s", typ)
	}
	db2, _, _ := s3DB(t)
	for _, c := range []struct{ bucket, prefix string }{{"../up", ""}, {"ok-bucket", "../../etc"}, {"UPPER", ""}} {
		if _, err := db2.s3Dir(c.bucket, c.prefix); ErrorType(err) != ErrValidation {
			t.Errorf("s3Dir(%q, %q) = %v", c.bucket, c.prefix, err)
		}
	}
}

func TestImportFromAMissingPrefixFailsWithoutATable(t *testing.T) {
	db, _, _ := s3DB(t)
	var out ImportOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "ImportTable", `{"S3BucketSource":{"S3Bucket":"seed","S3KeyPrefix":"nothing"},"InputFormat":"DYNAMODB_JSON","TableCreationParameters":{"TableName":"users","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}`)), &out)
	if out.ImportTableDescription.ImportStatus != "FAILED" {
		t.Errorf("import %+v", out.ImportTableDescription)
	}
	if _, err := db.DescribeTable(&TableNameInput{TableName: "users"}); ErrorType(err) != ErrResourceNotFound {
		t.Errorf("a failed import leaves no table: %v", err)
	}
	var d ImportOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "DescribeImport", `{"ImportArn":"`+out.ImportTableDescription.ImportArn+`"}`)), &d)
	if d.ImportTableDescription.FailureCode != "S3NoSuchKey" {
		t.Errorf("DescribeImport %+v", d)
	}
}

// FuzzImportLines feeds arbitrary file content to both import parsers and
// the item checks: no input may panic.
func FuzzImportLines(f *testing.F) {
	f.Add("id,age\n1,30\n", ",")
	f.Add(`{"Item":{"id":{"N":"1"},"l":{"L":[{"S":"x"}]}}}`, "")
	f.Add("\"a\nb\",\"c\n", ";")
	f.Fuzz(func(t *testing.T, content, delim string) {
		db, _ := newDB()
		mustDo(t, db, "CreateTable", `{"TableName":"fuzz","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"N"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`)
		tb := db.tables["fuzz"]
		lines := strings.Split(content, "\n")
		items, _, _ := parseCSV(tb, lines, CsvOptions{Delimiter: delim})
		more, _ := parseJSONLines(lines)
		for _, it := range append(items, more...) {
			if tb.checkItem(it) == nil {
				db.loadItems(tb, []Item{it})
			}
		}
	})
}
