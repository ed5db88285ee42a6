package dynamodb

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func TestItemSizeHelper(t *testing.T) {
	if s := sized("k1", 3500).Size(); s != 3500 {
		t.Fatalf("sized = %d", s)
	}
}

func TestReadWriteUnitArithmetic(t *testing.T) {
	cases := []struct {
		name string
		got  float64
		want float64
	}{
		{"3,500 B strong read = 1 RCU", ReadUnits(3500, true, false), 1},
		{"3,500 B eventual read = 0.5 RCU", ReadUnits(3500, false, false), 0.5},
		{"3,500 B transactional read = 2 RCU", ReadUnits(3500, true, true), 2},
		{"4,097 B strong read = 2 RCU", ReadUnits(4097, true, false), 2},
		{"miss strong = 1 RCU", ReadUnits(0, true, false), 1},
		{"miss eventual = 0.5 RCU", ReadUnits(0, false, false), 0.5},
		{"1.5 KB write = 2 WCU", WriteUnits(1536, false), 2},
		{"1 KB write = 1 WCU", WriteUnits(1024, false), 1},
		{"1.5 KB transactional write = 4 WCU", WriteUnits(1536, true), 4},
		{"empty write = 1 WCU", WriteUnits(0, false), 1},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v", c.name, c.got)
		}
	}
}

func TestConsumedCapacityPerOperation(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "tab1", 1000, 1000)
	put := func(it Item, rcc string) *ConsumedCapacity {
		out, err := db.PutItem(&PutItemInput{TableName: "tab1", Item: it, ReturnConsumedCapacity: rcc})
		if err != nil {
			t.Fatal(err)
		}
		return out.ConsumedCapacity
	}
	get := func(k string, strong bool) float64 {
		out, err := db.GetItem(&GetItemInput{TableName: "tab1", Key: Item{"pk": attr.Str(k)}, ConsistentRead: strong, ReturnConsumedCapacity: "TOTAL"})
		if err != nil {
			t.Fatal(err)
		}
		return out.ConsumedCapacity.CapacityUnits
	}
	if c := put(sized("a1", 1536), "TOTAL"); c.CapacityUnits != 2 || c.TableName != "tab1" {
		t.Errorf("1.5 KB put: %+v", c)
	}
	put(sized("b1", 3500), "")
	put(sized("c1", 6656), "")
	cases := []struct {
		name string
		got  float64
		want float64
	}{
		{"GetItem 3,500 B strong", get("b1", true), 1},
		{"GetItem 3,500 B eventual", get("b1", false), 0.5},
		{"GetItem miss strong", get("zz", true), 1},
		{"GetItem miss eventual", get("zz", false), 0.5},
	}
	// Overwrite a 3,500 B item with a small one: charged on the larger image.
	cases = append(cases, struct {
		name string
		got  float64
		want float64
	}{"Put replacing 3,500 B with 100 B", put(sized("b1", 100), "TOTAL").CapacityUnits, 4})
	bg, err := db.BatchGetItem(&BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"tab1": {
		Keys: []Item{{"pk": attr.Str("a1")}, {"pk": attr.Str("c1")}}, ConsistentRead: true}}, ReturnConsumedCapacity: "TOTAL"})
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		got  float64
		want float64
	}{"BatchGet 1.5 KB + 6.5 KB strong, rounded per item", bg.ConsumedCapacity[0].CapacityUnits, 3})
	tg, err := db.TransactGetItems(&TransactGetItemsInput{TransactItems: []TransactGet{{Get: &GetItemInput{TableName: "tab1", Key: Item{"pk": attr.Str("a1")}}}}, ReturnConsumedCapacity: "TOTAL"})
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		got  float64
		want float64
	}{"TransactGet 1.5 KB", tg.ConsumedCapacity[0].CapacityUnits, 2})
	tw, err := db.TransactWriteItems(&TransactWriteItemsInput{TransactItems: []TransactAction{{Put: &PutItemInput{TableName: "tab1", Item: sized("d1", 1536)}}}, ReturnConsumedCapacity: "TOTAL"})
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		got  float64
		want float64
	}{"TransactWrite 1.5 KB", tw.ConsumedCapacity[0].CapacityUnits, 4})
	del, err := db.DeleteItem(&DeleteItemInput{TableName: "tab1", Key: Item{"pk": attr.Str("c1")}, ReturnConsumedCapacity: "TOTAL"})
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		name string
		got  float64
		want float64
	}{"Delete 6.5 KB item", del.ConsumedCapacity.CapacityUnits, 7})
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v want %v", c.name, c.got, c.want)
		}
	}
}

func TestQueryAndScanRoundOnceOverBytesRead(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"qry1","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"ProvisionedThroughput":{"ReadCapacityUnits":100,"WriteCapacityUnits":100}}`)
	for i, n := range []int{1536, 6656} {
		it := Item{"pk": attr.Str("p1"), "sk": attr.Num(itoa(i))}
		it["d"] = attr.Str(strings.Repeat("x", n-it.Size()-1))
		if it.Size() != n {
			t.Fatalf("size %d", it.Size())
		}
		if _, err := db.PutItem(&PutItemInput{TableName: "qry1", Item: it}); err != nil {
			t.Fatal(err)
		}
	}
	q := func(strong bool, filter string) *QueryOutput {
		in := &QueryInput{TableName: "qry1", KeyConditionExpression: "pk = :p", ConsistentRead: strong, ReturnConsumedCapacity: "TOTAL",
			ExpressionAttributeValues: map[string]attr.Value{":p": attr.Str("p1")}}
		if filter != "" {
			in.FilterExpression = filter
			in.ExpressionAttributeValues[":z"] = attr.Num("2000")
		}
		out, err := db.Query(in)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if c := q(true, "").ConsumedCapacity.CapacityUnits; c != 2 {
		t.Errorf("query 8 KB strong = %v, want 2", c)
	}
	if c := q(false, "").ConsumedCapacity.CapacityUnits; c != 1 {
		t.Errorf("query 8 KB eventual = %v, want 1", c)
	}
	out := q(true, "size(d) < :z") // a Query may not filter on its key
	if out.ConsumedCapacity.CapacityUnits != 2 || out.Count != 1 || out.ScannedCount != 2 {
		t.Errorf("filtered query pays for scanned bytes: %+v", out)
	}
	sc, err := db.Scan(&QueryInput{TableName: "qry1", ConsistentRead: true, ReturnConsumedCapacity: "TOTAL"})
	if err != nil || sc.ConsumedCapacity.CapacityUnits != 2 {
		t.Errorf("scan: %v %+v", err, sc)
	}
}

func TestGSIWriteCapacityPerIndex(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"gsi1","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"gk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":100,"WriteCapacityUnits":100},
	"GlobalSecondaryIndexes":[{"IndexName":"all","KeySchema":[{"AttributeName":"gk","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":100,"WriteCapacityUnits":100}},
	{"IndexName":"keys","KeySchema":[{"AttributeName":"gk","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"},"ProvisionedThroughput":{"ReadCapacityUnits":100,"WriteCapacityUnits":100}}]}`)
	it := sized("k1", 1536-len("gk")-2)
	it["gk"] = attr.Str("g1")
	put := func(it Item) *ConsumedCapacity {
		out, err := db.PutItem(&PutItemInput{TableName: "gsi1", Item: it, ReturnConsumedCapacity: "INDEXES"})
		if err != nil {
			t.Fatal(err)
		}
		return out.ConsumedCapacity
	}
	c := put(it)
	if c.Table.CapacityUnits != 2 || c.GlobalSecondaryIndexes["all"].CapacityUnits != 2 || c.GlobalSecondaryIndexes["keys"].CapacityUnits != 1 || c.CapacityUnits != 5 {
		t.Errorf("insert: %+v", c)
	}
	// Same item again: no projected attribute changes, so indexes cost nothing.
	if c := put(it); c.CapacityUnits != 2 || len(c.GlobalSecondaryIndexes) != 0 {
		t.Errorf("unchanged rewrite: %+v", c)
	}
	// Changing the index key costs a delete plus a put in each index.
	it2 := it.Clone()
	it2["gk"] = attr.Str("g2")
	if c := put(it2); c.GlobalSecondaryIndexes["all"].CapacityUnits != 4 || c.GlobalSecondaryIndexes["keys"].CapacityUnits != 2 {
		t.Errorf("index key change: %+v", c)
	}
	// An item without the index key is not in the (sparse) index.
	if c := put(sized("k2", 100)); len(c.GlobalSecondaryIndexes) != 0 {
		t.Errorf("sparse: %+v", c)
	}
}
