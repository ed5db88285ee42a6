package dynamodb

import (
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func daxSetup(t *testing.T) (*DB, *DAX, func(time.Duration)) {
	t.Helper()
	db, clk := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"cache","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"}`)
	return db, NewDAX(db, DAXConfig{ItemTTL: 5 * time.Minute, QueryTTL: 5 * time.Minute}), clk.Advance
}

func key1() Item { return Item{"pk": attr.Str("p"), "sk": attr.Num("1")} }

func TestDAXItemCacheHitsMissesAndTTL(t *testing.T) {
	db, dax, advance := daxSetup(t)
	if _, err := db.PutItem(&PutItemInput{TableName: "cache", Item: Item{"pk": attr.Str("p"), "sk": attr.Num("1"), "v": attr.Str("a")}}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name       string
		advance    time.Duration
		consistent bool
		wantHit    bool
		wantMicros int64
	}{
		{"first read misses and pays a DynamoDB round trip", 0, false, false, 6000},
		{"second read hits in microseconds", 0, false, true, 400},
		{"still cached just before 5 min", 5*time.Minute - time.Second, false, true, 400},
		{"expired after the item TTL", time.Second, false, false, 6000},
		{"strongly consistent reads pass through", 0, true, false, 6000},
	}
	for _, s := range steps {
		advance(s.advance)
		out, res, err := dax.GetItem(&GetItemInput{TableName: "cache", Key: key1(), ConsistentRead: s.consistent})
		if err != nil {
			t.Fatal(err)
		}
		if res.Hit != s.wantHit || res.LatencyMicros != s.wantMicros || out.Item["v"].S != "a" {
			t.Errorf("%s: hit %v %d µs item %v", s.name, res.Hit, res.LatencyMicros, out.Item)
		}
	}
	st := dax.Stats()
	if st.ItemHits != 2 || st.ItemMisses != 2 || st.PassThrough != 1 || st.RCUConsumed != 1 {
		t.Errorf("stats %+v (two eventual misses of a small item = 2 x 0.5 RCU)", st)
	}
}

func TestDAXWriteThroughUpdatesItemCacheButNotQueryCache(t *testing.T) {
	_, dax, advance := daxSetup(t)
	write := func(v string) {
		if _, _, err := dax.PutItem(&PutItemInput{TableName: "cache", Item: Item{"pk": attr.Str("p"), "sk": attr.Num("1"), "v": attr.Str(v)}}); err != nil {
			t.Fatal(err)
		}
	}
	q := &QueryInput{TableName: "cache", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: map[string]attr.Value{":p": attr.Str("p")}}
	write("old")
	if _, res, _ := dax.Query(q); res.Hit {
		t.Fatal("first query cannot hit")
	}
	write("new")
	got, res, _ := dax.GetItem(&GetItemInput{TableName: "cache", Key: key1()})
	if !res.Hit || got.Item["v"].S != "new" {
		t.Errorf("item cache after write-through: hit %v %v", res.Hit, got.Item)
	}
	qo, res, _ := dax.Query(q)
	if !res.Hit || qo.Items[0]["v"].S != "old" {
		t.Errorf("query cache should still serve the stale result: hit %v %v", res.Hit, qo.Items)
	}
	advance(5 * time.Minute)
	qo, res, _ = dax.Query(q)
	if res.Hit || qo.Items[0]["v"].S != "new" {
		t.Errorf("after the query TTL: hit %v %v", res.Hit, qo.Items)
	}
	if _, _, err := dax.DeleteItem(&DeleteItemInput{TableName: "cache", Key: key1()}); err != nil {
		t.Fatal(err)
	}
	got, res, _ = dax.GetItem(&GetItemInput{TableName: "cache", Key: key1()})
	if !res.Hit || got.Item != nil {
		t.Errorf("a delete caches the absence: hit %v %v", res.Hit, got.Item)
	}
}

func TestDAXProjectionAndErrors(t *testing.T) {
	_, dax, _ := daxSetup(t)
	if _, _, err := dax.PutItem(&PutItemInput{TableName: "cache", Item: Item{"pk": attr.Str("p"), "sk": attr.Num("1"), "a": attr.Str("x"), "b": attr.Str("y")}}); err != nil {
		t.Fatal(err)
	}
	got, res, err := dax.GetItem(&GetItemInput{TableName: "cache", Key: key1(), ProjectionExpression: "a"})
	if err != nil || !res.Hit || len(got.Item) != 1 || got.Item["a"].S != "x" {
		t.Errorf("projected hit %v %v %v", err, res, got.Item)
	}
	if _, _, err := dax.GetItem(&GetItemInput{TableName: "nope", Key: key1()}); ErrorType(err) != ErrResourceNotFound {
		t.Errorf("missing table: %v", err)
	}
	if _, _, err := dax.GetItem(&GetItemInput{TableName: "cache", Key: Item{"pk": attr.Str("p")}}); ErrorType(err) != ErrValidation {
		t.Errorf("bad key: %v", err)
	}
}

func BenchmarkDAXGetItemHit(b *testing.B) {
	db, _ := newDB()
	mustDo(b, db, "CreateTable", `{"TableName":"cache","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"}`)
	dax := NewDAX(db, DAXConfig{})
	_, _, _ = dax.PutItem(&PutItemInput{TableName: "cache", Item: Item{"pk": attr.Str("p"), "sk": attr.Num("1"), "v": attr.Str("payload")}})
	in := &GetItemInput{TableName: "cache", Key: key1()}
	b.ReportAllocs()
	for b.Loop() {
		if _, res, err := dax.GetItem(in); err != nil || !res.Hit {
			b.Fatal(err)
		}
	}
}
