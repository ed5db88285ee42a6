package dynamodb

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

const compositeTable = `{"TableName":"orders","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"st","AttributeType":"S"}],
"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"ProvisionedThroughput":{"ReadCapacityUnits":10000,"WriteCapacityUnits":10000},
"LocalSecondaryIndexes":[{"IndexName":"byStatus","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"st","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
"GlobalSecondaryIndexes":[{"IndexName":"gStatus","KeySchema":[{"AttributeName":"st","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["amt"]},"ProvisionedThroughput":{"ReadCapacityUnits":10000,"WriteCapacityUnits":10000}}]}`

func TestValidationGoldenTexts(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	cases := []struct{ op, body, typ, msg string }{
		{"GetItem", `{"TableName":"nope","Key":{"pk":{"S":"a"}}}`, ErrResourceNotFound, "Requested resource not found"},
		{"CreateTable", compositeTable, ErrResourceInUse, "Table already exists: orders"},
		{"GetItem", `{"TableName":"orders","Key":{"pk":{"S":"a"}}}`, ErrValidation, "The provided key element does not match the schema"},
		{"GetItem", `{"TableName":"orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}`, ErrValidation, "The provided key element does not match the schema"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"}}}`, ErrValidation, "One or more parameter values were invalid: Missing the key sk in the item"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"N":"1"},"sk":{"N":"1"}}}`, ErrValidation, "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":""},"sk":{"N":"1"}}}`, ErrValidation, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"st":{"N":"1"}}}`, ErrValidation, "One or more parameter values were invalid: Type mismatch for Index Key st Expected: S Actual: N IndexName: gStatus"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"big":{"S":"` + strings.Repeat("x", 400*1024) + `"}}}`, ErrValidation, "Item size has exceeded the maximum allowed size"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_NEW"}`, ErrValidation, "Return values set to invalid value"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"}},"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"S":"x"},":w":{"S":"y"}}}`, ErrValidation, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"}},"ConditionExpression":"a = :v","ExpressionAttributeValues":{}}`, ErrValidation, "ExpressionAttributeValues must not be empty"},
		{"UpdateItem", `{"TableName":"orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET pk = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}`, ErrValidation, "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"},
		{"Query", `{"TableName":"orders","KeyConditionExpression":"sk = :v","ExpressionAttributeValues":{":v":{"N":"1"}}}`, ErrValidation, "Query condition missed key schema element: pk"},
		{"Query", `{"TableName":"orders","IndexName":"gStatus","ConsistentRead":true,"KeyConditionExpression":"st = :v","ExpressionAttributeValues":{":v":{"S":"1"}}}`, ErrValidation, "Consistent reads are not supported on global secondary indexes"},
		{"Query", `{"TableName":"orders","IndexName":"zzz","KeyConditionExpression":"st = :v","ExpressionAttributeValues":{":v":{"S":"1"}}}`, ErrValidation, "The table does not have the specified index: zzz"},
		{"Scan", `{"TableName":"orders","Segment":1,"TotalSegments":1}`, ErrValidation, "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not less than TotalSegments: 1"},
		{"CreateTable", `{"TableName":"ab","AttributeDefinitions":[],"KeySchema":[]}`, ErrValidation, "TableName must be at least 3 characters long and at most 255 characters long"},
		{"CreateTable", `{"TableName":"abc","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}`, ErrValidation, "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"},
		{"CreateTable", `{"TableName":"abc","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`, ErrValidation, "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"},
		{"PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1e200"}}}`, ErrValidation, "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"Frobnicate", `{}`, ErrUnknownOperation, ""},
	}
	for _, c := range cases {
		typ, msg := doErr(t, db, c.op, c.body)
		if typ != c.typ || msg != c.msg {
			t.Errorf("%s %.80s\n got %s: %q\nwant %s: %q", c.op, c.body, typ, msg, c.typ, c.msg)
		}
	}
}

func TestErrorJSONShape(t *testing.T) {
	db, _ := newDB()
	_, err := db.Do("GetItem", []byte(`{"TableName":"missing","Key":{"pk":{"S":"a"}}}`))
	if got := string(ErrorJSON(err)); got != `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}` {
		t.Errorf("got %s", got)
	}
}

func TestConditionalWrites(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	put := `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"1"}},"ConditionExpression":"attribute_not_exists(pk)"}`
	mustDo(t, db, "PutItem", put)
	typ, msg := doErr(t, db, "PutItem", put)
	if typ != ErrConditionalCheck || msg != "The conditional request failed" {
		t.Errorf("got %s %s", typ, msg)
	}
	_, err := db.Do("PutItem", []byte(strings.Replace(put, `"ConditionExpression"`, `"ReturnValuesOnConditionCheckFailure":"ALL_OLD","ConditionExpression"`, 1)))
	if !strings.Contains(string(ErrorJSON(err)), `"Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"1"}}`) {
		t.Errorf("ALL_OLD item missing: %s", ErrorJSON(err))
	}
	out := mustDo(t, db, "UpdateItem", `{"TableName":"orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET v = v + :one, w = :one","ConditionExpression":"v = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}`)
	if out != `{"Attributes":{"v":{"N":"2"},"w":{"N":"1"}}}` {
		t.Errorf("UPDATED_NEW: %s", out)
	}
	out = mustDo(t, db, "DeleteItem", `{"TableName":"orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_OLD"}`)
	if out != `{"Attributes":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"2"},"w":{"N":"1"}}}` {
		t.Errorf("ALL_OLD: %s", out)
	}
	// UpdateItem on a missing key creates the item (upsert).
	mustDo(t, db, "UpdateItem", `{"TableName":"orders","Key":{"pk":{"S":"n"},"sk":{"N":"1"}},"UpdateExpression":"ADD c :one","ExpressionAttributeValues":{":one":{"N":"1"}}}`)
	if got := mustDo(t, db, "GetItem", `{"TableName":"orders","Key":{"pk":{"S":"n"},"sk":{"N":"1"}},"ProjectionExpression":"c"}`); got != `{"Item":{"c":{"N":"1"}}}` {
		t.Errorf("upsert: %s", got)
	}
}

func loadOrders(t *testing.T, db *DB, n int, pad int) {
	t.Helper()
	for i := 0; i < n; i++ {
		st := "open"
		if i%2 == 1 {
			st = "done"
		}
		it := Item{"pk": attr.Str("cust"), "sk": attr.Num(itoa(i)), "st": attr.Str(st), "amt": attr.Num(itoa(i * 10)), "pad": attr.Str(strings.Repeat("p", pad+1))}
		if _, err := db.PutItem(&PutItemInput{TableName: "orders", Item: it}); err != nil {
			t.Fatal(err)
		}
		// Stay under the 1,000 WCU partition ceiling with large items.
		db.clk.(advancer).Advance(time.Duration(pad/1024+1) * time.Millisecond)
	}
}

func TestQueryLimitFilterAndPaging(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	loadOrders(t, db, 10, 0)
	vals := map[string]attr.Value{":p": attr.Str("cust"), ":s": attr.Str("open"), ":lo": attr.Num("2")}
	// Limit is applied before the filter: 4 items read, 2 of them open.
	out, err := db.Query(&QueryInput{TableName: "orders", KeyConditionExpression: "pk = :p AND sk >= :lo", FilterExpression: "st = :s", Limit: 4, ExpressionAttributeValues: vals})
	if err != nil {
		t.Fatal(err)
	}
	if out.ScannedCount != 4 || out.Count != 2 || out.LastEvaluatedKey["sk"].N.String() != "5" {
		t.Errorf("limit+filter: count=%d scanned=%d lek=%v", out.Count, out.ScannedCount, out.LastEvaluatedKey)
	}
	out, err = db.Query(&QueryInput{TableName: "orders", KeyConditionExpression: "pk = :p AND sk >= :lo", FilterExpression: "st = :s", ExclusiveStartKey: out.LastEvaluatedKey, ExpressionAttributeValues: vals})
	if err != nil || out.ScannedCount != 4 || out.Count != 2 || out.LastEvaluatedKey != nil {
		t.Errorf("second page: %v %+v", err, out)
	}
	back := false
	out, _ = db.Query(&QueryInput{TableName: "orders", KeyConditionExpression: "pk = :p", ScanIndexForward: &back, Limit: 2, ExpressionAttributeValues: map[string]attr.Value{":p": attr.Str("cust")}})
	if out.Items[0]["sk"].N.String() != "9" || out.Items[1]["sk"].N.String() != "8" {
		t.Errorf("reverse order: %v", out.Items)
	}
	// GSI query returns only projected attributes.
	out, err = db.Query(&QueryInput{TableName: "orders", IndexName: "gStatus", KeyConditionExpression: "st = :s", ExpressionAttributeValues: map[string]attr.Value{":s": attr.Str("done")}})
	if err != nil || out.Count != 5 {
		t.Fatalf("gsi: %v %+v", err, out)
	}
	if _, ok := out.Items[0]["pad"]; ok {
		t.Error("GSI with INCLUDE projection returned a non-projected attribute")
	}
	if _, ok := out.Items[0]["amt"]; !ok {
		t.Error("GSI lost an INCLUDE attribute")
	}
}

func TestOneMegabytePages(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	loadOrders(t, db, 30, 100*1024) // ~100 KB each
	pages, total := 0, 0
	var start Item
	for {
		out, err := db.Query(&QueryInput{TableName: "orders", KeyConditionExpression: "pk = :p", ExclusiveStartKey: start, Select: "COUNT",
			ExpressionAttributeValues: map[string]attr.Value{":p": attr.Str("cust")}, ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		total += out.Count
		if out.ScannedCount > 11 {
			t.Errorf("page read %d items of 100 KB: more than 1 MB", out.ScannedCount)
		}
		if out.LastEvaluatedKey == nil {
			break
		}
		start = out.LastEvaluatedKey
	}
	if total != 30 || pages != 3 {
		t.Errorf("pages=%d total=%d, want 3 pages of ≤1 MB holding 30 items", pages, total)
	}
}

func TestParallelScanSegmentsPartitionTheTable(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "scanme", 10000, 10000)
	for i := 0; i < 200; i++ {
		mustDo(t, db, "PutItem", fmt.Sprintf(`{"TableName":"scanme","Item":{"pk":{"S":"k%d"}}}`, i))
	}
	seen := map[string]int{}
	for seg := 0; seg < 4; seg++ {
		segment, total := seg, 4
		out, err := db.Scan(&QueryInput{TableName: "scanme", Segment: &segment, TotalSegments: &total})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range out.Items {
			seen[it["pk"].S]++
		}
	}
	if len(seen) != 200 {
		t.Errorf("segments covered %d of 200 items", len(seen))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%s seen %d times", k, n)
		}
	}
}

func TestTransactWriteCancellationReasons(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "bank", 100, 100)
	mustDo(t, db, "PutItem", `{"TableName":"bank","Item":{"pk":{"S":"alice"},"bal":{"N":"10"}}}`)
	body := `{"TransactItems":[
	{"Update":{"TableName":"bank","Key":{"pk":{"S":"alice"}},"UpdateExpression":"SET bal = bal - :a","ConditionExpression":"bal >= :a","ExpressionAttributeValues":{":a":{"N":"50"}}}},
	{"Put":{"TableName":"bank","Item":{"pk":{"S":"bob"},"bal":{"N":"50"}}}}]}`
	_, err := db.Do("TransactWriteItems", []byte(body))
	want := `{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},{"Code":"None"}]}`
	if got := string(ErrorJSON(err)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := mustDo(t, db, "GetItem", `{"TableName":"bank","Key":{"pk":{"S":"bob"}}}`); got != `{}` {
		t.Errorf("cancelled transaction wrote bob: %s", got)
	}
	typ, msg := doErr(t, db, "TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"bank","Item":{"pk":{"S":"x"}}}},{"Delete":{"TableName":"bank","Key":{"pk":{"S":"x"}}}}]}`)
	if typ != ErrValidation || msg != "Transaction request cannot include multiple operations on one item" {
		t.Errorf("got %s %s", typ, msg)
	}
	mustDo(t, db, "TransactWriteItems", strings.Replace(body, `"N":"50"}}}},`, `"N":"5"}}}},`, 1))
	if got := mustDo(t, db, "GetItem", `{"TableName":"bank","Key":{"pk":{"S":"alice"}}}`); got != `{"Item":{"bal":{"N":"5"},"pk":{"S":"alice"}}}` {
		t.Errorf("after commit: %s", got)
	}
}

func TestBatchWriteReturnsUnprocessedWhenThrottled(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "tiny", 1, 1)
	var reqs []string
	for i := 0; i < 25; i++ {
		reqs = append(reqs, fmt.Sprintf(`{"PutRequest":{"Item":{"pk":{"S":"k%d"}}}}`, i))
	}
	out := mustDo(t, db, "BatchWriteItem", `{"RequestItems":{"tiny":[`+strings.Join(reqs, ",")+`]}}`)
	var res BatchWriteItemOutput
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if n := len(res.UnprocessedItems["tiny"]); n != 24 {
		t.Errorf("%d unprocessed, want 24 (1 WCU table)", n)
	}
	typ, _ := doErr(t, db, "BatchWriteItem", `{"RequestItems":{"tiny":[`+strings.Join(reqs, ",")+`]}}`)
	if typ != ErrProvisioned {
		t.Errorf("all throttled: %s", typ)
	}
	typ, msg := doErr(t, db, "BatchWriteItem", `{"RequestItems":{"tiny":[`+strings.Join(append(reqs, reqs[0]), ",")+`]}}`)
	if typ != ErrValidation || !strings.Contains(msg, "Member must have length less than or equal to 25") {
		t.Errorf("26 requests: %s %s", typ, msg)
	}
}

func TestTTLSweepAndStreams(t *testing.T) {
	db, clk := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"sess","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}`)
	mustDo(t, db, "UpdateTimeToLive", `{"TableName":"sess","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"exp"}}`)
	if got := mustDo(t, db, "DescribeTimeToLive", `{"TableName":"sess"}`); got != `{"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":"exp"}}` {
		t.Errorf("describe: %s", got)
	}
	exp := clock0(clk).Add(time.Minute).Unix()
	mustDo(t, db, "PutItem", fmt.Sprintf(`{"TableName":"sess","Item":{"pk":{"S":"s1"},"exp":{"N":"%d"}}}`, exp))
	clk.Advance(2 * time.Minute)
	// Expired but not yet swept: still readable, as on AWS.
	if got := mustDo(t, db, "GetItem", `{"TableName":"sess","Key":{"pk":{"S":"s1"}}}`); got == `{}` {
		t.Error("expired item vanished before the sweep")
	}
	if got := mustDo(t, db, "AdvanceClock", `{"Seconds":1}`); !strings.Contains(got, `"TTLDeleted":1`) {
		t.Errorf("advance: %s", got)
	}
	recs, _ := db.StreamRecords("sess")
	if len(recs) != 2 || recs[0].EventName != "INSERT" || recs[1].EventName != "REMOVE" || recs[1].UserIdentity == nil || recs[1].OldImage == nil {
		t.Errorf("stream: %+v", recs)
	}
	clk.Advance(25 * time.Hour)
	if recs, _ := db.StreamRecords("sess"); len(recs) != 0 {
		t.Errorf("records older than 24 h kept: %d", len(recs))
	}
}

func clock0(c interface{ Now() time.Time }) time.Time { return c.Now() }

func TestServeAPI(t *testing.T) {
	db, _ := newDB()
	in := strings.Join([]string{
		`{"Operation":"CreateTable","Request":{"TableName":"lines","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}`,
		`{"Operation":"PutItem","Request":{"TableName":"lines","Item":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}}`,
		`{"Operation":"GetItem","Request":{"TableName":"nope","Key":{"pk":{"S":"a"}}}}`,
		`{"Operation":"AdvanceClock","Request":{"Seconds":60}}`,
		`not json`,
	}, "\n")
	var out bytes.Buffer
	if err := ServeAPI(strings.NewReader(in), &out, db); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines: %s", len(lines), out.String())
	}
	if !strings.Contains(lines[0], `"TableStatus":"ACTIVE"`) {
		t.Errorf("create: %s", lines[0])
	}
	if lines[1] != `{"ConsumedCapacity":{"TableName":"lines","CapacityUnits":1}}` {
		t.Errorf("put: %s", lines[1])
	}
	if !strings.Contains(lines[2], "ResourceNotFoundException") || !strings.Contains(lines[3], `"Now":"2025-01-01T00:01:00Z"`) || !strings.Contains(lines[4], "SerializationException") {
		t.Errorf("lines: %v", lines[2:])
	}
}

func TestItemCollectionSizeLimitWithLSI(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	db.collectionLimit = 1000 // stands in for 10 GB
	big := func(sk, n int) string {
		return fmt.Sprintf(`{"TableName":"orders","Item":{"pk":{"S":"c"},"sk":{"N":"%d"},"st":{"S":"x"},"p":{"S":"%s"}}}`, sk, strings.Repeat("x", n))
	}
	mustDo(t, db, "PutItem", big(1, 400))
	typ, msg := doErr(t, db, "PutItem", big(2, 600))
	if typ != ErrItemCollectionSize || msg != "Item collection size limit exceeded" {
		t.Errorf("got %s %s", typ, msg)
	}
	// Another partition key is another collection.
	mustDo(t, db, "PutItem", strings.Replace(big(2, 600), `"S":"c"`, `"S":"d"`, 1))
}

func TestHTTPHandlerSpeaksTheJSONProtocol(t *testing.T) {
	db, _ := newDB()
	h := Handler(db)
	post := func(target, body string) (int, string) {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header.Set("X-Amz-Target", target)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		signForTest(req.Header, "us-east-1")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	code, body := post("DynamoDB_20120810.ListTables", `{}`)
	if code != 200 || body != `{"TableNames":[]}` {
		t.Errorf("ListTables: %d %s", code, body)
	}
	code, body = post("DynamoDB_20120810.DescribeTable", `{"TableName":"nope"}`)
	if code != 400 || !strings.Contains(body, "ResourceNotFoundException") {
		t.Errorf("DescribeTable: %d %s", code, body)
	}
}
