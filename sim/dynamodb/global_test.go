package dynamodb

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func newGlobal(t *testing.T, lag time.Duration) (*Global, *clock.Virtual) {
	t.Helper()
	c := clock.New(clock.Epoch)
	g, err := NewGlobal(c, Options{AdaptiveCapacity: true, ReplicationLag: lag}, "us-east-1", "eu-west-1", "ap-northeast-2")
	if err != nil {
		t.Fatal(err)
	}
	in := &CreateTableInput{TableName: "carts", AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: "S"}},
		KeySchema: []KeySchemaElement{{AttributeName: "pk", KeyType: "HASH"}}, BillingMode: "PAY_PER_REQUEST"}
	if _, err := g.CreateTable(in); err != nil {
		t.Fatal(err)
	}
	return g, c
}

func value(t *testing.T, db *DB, pk string) string {
	t.Helper()
	out, err := db.GetItem(&GetItemInput{TableName: "carts", Key: Item{"pk": attr.Str(pk)}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Item == nil {
		return "<none>"
	}
	return out.Item["v"].S
}

func TestGlobalTableReplicatesAfterTheLag(t *testing.T) {
	g, clk := newGlobal(t, 800*time.Millisecond)
	us, eu := g.Region("us-east-1"), g.Region("eu-west-1")
	put(t, us, "carts", "a", "1")
	if v := value(t, eu, "a"); v != "<none>" {
		t.Errorf("eu before the lag: %s", v)
	}
	clk.Advance(799 * time.Millisecond)
	if v := value(t, eu, "a"); v != "<none>" {
		t.Errorf("eu at 799 ms: %s", v)
	}
	clk.Advance(time.Millisecond)
	if v := value(t, eu, "a"); v != "1" {
		t.Errorf("eu at 800 ms: %s, want 1", v)
	}
	if _, err := eu.DeleteItem(&DeleteItemInput{TableName: "carts", Key: Item{"pk": attr.Str("a")}}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Second)
	for _, r := range g.Regions() {
		if v := value(t, g.Region(r), "a"); v != "<none>" {
			t.Errorf("%s after the delete replicated: %s", r, v)
		}
	}
	d, _ := us.DescribeTable(&TableNameInput{TableName: "carts"})
	if d.Table.GlobalTableVersion != "2019.11.21" || len(d.Table.Replicas) != 2 {
		t.Errorf("description %+v %+v", d.Table.GlobalTableVersion, d.Table.Replicas)
	}
}

func TestGlobalTableLastWriterWins(t *testing.T) {
	g, clk := newGlobal(t, time.Second)
	us, eu, ap := g.Region("us-east-1"), g.Region("eu-west-1"), g.Region("ap-northeast-2")
	put(t, us, "carts", "k", "us") // t = 0
	clk.Advance(300 * time.Millisecond)
	put(t, eu, "carts", "k", "eu") // t = 0.3 s: the later write
	clk.Advance(5 * time.Second)
	for _, db := range []*DB{us, eu, ap} {
		if v := value(t, db, "k"); v != "eu" {
			t.Errorf("%s holds %q, want the later write eu", db.RegionName(), v)
		}
	}
	if s := us.ReplicationStats(); s.Applied != 1 || s.WriteUnits != 1 {
		t.Errorf("us stats %+v: eu's write costs us one replicated write unit", s)
	}
	if eu.ReplicationStats().LostConflicts != 1 {
		t.Errorf("eu stats %+v: us's older write should lose there", eu.ReplicationStats())
	}
}

func TestReplicaUpdatesThroughUpdateTableAndHTTPRegion(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "prov", 5, 5)
	if typ, _ := doErr(t, db, "UpdateTable", `{"TableName":"prov","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}`); typ != ErrValidation {
		t.Errorf("provisioned without auto scaling: %s", typ)
	}
	simpleTable(t, db, "carts", 0, 0)
	put(t, db, "carts", "before", "1") // copied into the new replica
	mustDo(t, db, "UpdateTable", `{"TableName":"carts","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}`)
	url := startServer(t, db) // as --serve does; the region comes from the signature
	call := func(region, op, body string) map[string]any {
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, region)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(res.Body).Decode(&m)
		return m
	}
	got := call("eu-west-1", "GetItem", `{"TableName":"carts","Key":{"pk":{"S":"before"}}}`)
	if got["Item"] == nil {
		t.Errorf("backfilled item missing in eu-west-1: %v", got)
	}
	call("eu-west-1", "PutItem", `{"TableName":"carts","Item":{"pk":{"S":"from-eu"},"v":{"S":"x"}}}`)
	clk.Advance(time.Second)
	if v := value(t, db, "from-eu"); v != "x" {
		t.Errorf("us-east-1 did not receive eu's write: %q", v)
	}
	if got := call("us-west-2", "DescribeTable", `{"TableName":"carts"}`); got["__type"] == nil {
		t.Errorf("us-west-2 has no replica, want ResourceNotFound: %v", got)
	}
	mustDo(t, db, "UpdateTable", `{"TableName":"carts","ReplicaUpdates":[{"Delete":{"RegionName":"eu-west-1"}}]}`)
	eu, _ := db.Region("eu-west-1")
	if _, err := eu.DescribeTable(&TableNameInput{TableName: "carts"}); ErrorType(err) != ErrResourceNotFound {
		t.Errorf("replica table should be gone: %v", err)
	}
	d, _ := db.DescribeTable(&TableNameInput{TableName: "carts"})
	if d.Table.GlobalTableVersion != "" {
		t.Errorf("a lone table is no longer global: %+v", d.Table)
	}
}

func TestLegacyCreateGlobalTableRequirements(t *testing.T) {
	db, _ := newDB()
	eu, _ := db.Region("eu-west-1")
	spec := `{"TableName":"legacy","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}`
	mustDo(t, db, "CreateTable", spec)
	req := `{"GlobalTableName":"legacy","ReplicationGroup":[{"RegionName":"us-east-1"},{"RegionName":"eu-west-1"}]}`
	if typ, _ := doErr(t, db, "CreateGlobalTable", req); typ != ErrTableNotFound {
		t.Errorf("missing replica table: %s", typ)
	}
	mustDo(t, eu, "CreateTable", spec)
	var out CreateGlobalTableOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "CreateGlobalTable", req)), &out)
	if len(out.GlobalTableDescription.ReplicationGroup) != 2 {
		t.Errorf("global table %+v", out)
	}
	if typ, _ := doErr(t, db, "CreateGlobalTable", req); typ != "GlobalTableAlreadyExistsException" {
		t.Errorf("second create: %s", typ)
	}
}
