package dynamodb

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func streamTable(t *testing.T, db *DB, name, view string) {
	t.Helper()
	mustDo(t, db, "CreateTable", `{"TableName":"`+name+`","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"`+view+`"}}`)
}

func put(t *testing.T, db *DB, table, pk, v string) {
	t.Helper()
	if _, err := db.PutItem(&PutItemInput{TableName: table, Item: Item{"pk": attr.Str(pk), "v": attr.Str(v)}}); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, db *DB, table string) []Record {
	t.Helper()
	d, err := db.DescribeTable(&TableNameInput{TableName: table})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.DescribeStream(&StreamArnInput{StreamArn: d.Table.LatestStreamArn})
	if err != nil {
		t.Fatal(err)
	}
	var out []Record
	for _, sh := range ds.StreamDescription.Shards {
		it, err := db.GetShardIterator(&GetShardIteratorInput{StreamArn: d.Table.LatestStreamArn, ShardId: sh.ShardId, ShardIteratorType: "TRIM_HORIZON"})
		if err != nil {
			t.Fatal(err)
		}
		recs, err := db.GetRecords(&GetRecordsInput{ShardIterator: it.ShardIterator})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, recs.Records...)
	}
	return out
}

func TestStreamViewTypesCarryTheRightImages(t *testing.T) {
	cases := []struct {
		view             string
		wantNew, wantOld bool
	}{
		{"KEYS_ONLY", false, false},
		{"NEW_IMAGE", true, false},
		{"OLD_IMAGE", false, true},
		{"NEW_AND_OLD_IMAGES", true, true},
	}
	for _, c := range cases {
		t.Run(c.view, func(t *testing.T) {
			db, _ := newDB()
			streamTable(t, db, "strm", c.view)
			put(t, db, "strm", "a", "1")
			put(t, db, "strm", "a", "2") // MODIFY: has both images in principle
			recs := readAll(t, db, "strm")
			if len(recs) != 2 || recs[0].EventName != "INSERT" || recs[1].EventName != "MODIFY" {
				t.Fatalf("records %+v", recs)
			}
			m := recs[1].Dynamodb
			if (m.NewImage != nil) != c.wantNew || (m.OldImage != nil) != c.wantOld {
				t.Errorf("new %v old %v, want %v %v", m.NewImage, m.OldImage, c.wantNew, c.wantOld)
			}
			if m.Keys["pk"].S != "a" || m.StreamViewType != c.view || recs[1].EventSource != "aws:dynamodb" {
				t.Errorf("record %+v", recs[1])
			}
		})
	}
}

func TestStreamRecordsExpireAfter24Hours(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "KEYS_ONLY")
	put(t, db, "strm", "old", "1")
	clk.Advance(23 * time.Hour)
	put(t, db, "strm", "new", "1")
	if n := len(readAll(t, db, "strm")); n != 2 {
		t.Fatalf("at 23 h: %d records, want 2", n)
	}
	clk.Advance(2 * time.Hour) // the first record is now 25 h old
	recs := readAll(t, db, "strm")
	if len(recs) != 1 || recs[0].Dynamodb.Keys["pk"].S != "new" {
		t.Errorf("at 25 h: %+v, want only the newer record", recs)
	}
}

func TestShardIteratorExpiresAfter15Minutes(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "KEYS_ONLY")
	put(t, db, "strm", "a", "1")
	d, _ := db.DescribeTable(&TableNameInput{TableName: "strm"})
	ds, _ := db.DescribeStream(&StreamArnInput{StreamArn: d.Table.LatestStreamArn})
	it, err := db.GetShardIterator(&GetShardIteratorInput{StreamArn: d.Table.LatestStreamArn, ShardId: ds.StreamDescription.Shards[0].ShardId, ShardIteratorType: "LATEST"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(16 * time.Minute)
	_, err = db.GetRecords(&GetRecordsInput{ShardIterator: it.ShardIterator})
	if ErrorType(err) != ErrExpiredIterator {
		t.Errorf("err %v, want %s", err, ErrExpiredIterator)
	}
	if _, err := db.GetRecords(&GetRecordsInput{ShardIterator: "garbage"}); ErrorType(err) != ErrValidation {
		t.Errorf("garbage iterator: %v", err)
	}
}

func TestStreamOperationsThroughDo(t *testing.T) {
	db, _ := newDB()
	streamTable(t, db, "strm", "NEW_IMAGE")
	put(t, db, "strm", "a", "1")
	var lst ListStreamsOutput
	if err := json.Unmarshal([]byte(mustDo(t, db, "ListStreams", `{}`)), &lst); err != nil || len(lst.Streams) != 1 {
		t.Fatalf("ListStreams %v %+v", err, lst)
	}
	var ds DescribeStreamOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "DescribeStream", `{"StreamArn":"`+lst.Streams[0].StreamArn+`"}`)), &ds)
	if ds.StreamDescription.StreamStatus != "ENABLED" || len(ds.StreamDescription.Shards) < 1 {
		t.Fatalf("DescribeStream %+v", ds)
	}
	typ, _ := doErr(t, db, "DescribeStream", `{"StreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/strm/stream/nope"}`)
	if typ != ErrResourceNotFound {
		t.Errorf("unknown stream: %s", typ)
	}
	// Disabling keeps the records readable; the shard then closes.
	mustDo(t, db, "UpdateTable", `{"TableName":"strm","StreamSpecification":{"StreamEnabled":false}}`)
	put(t, db, "strm", "b", "1")
	if recs := readAll(t, db, "strm"); len(recs) != 1 {
		t.Errorf("after disable: %d records, want 1", len(recs))
	}
	typ, _ = doErr(t, db, "CreateTable", `{"TableName":"bad","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true}}`)
	if typ != ErrValidation {
		t.Errorf("stream without view type: %s", typ)
	}
}

func TestEventSourceMappingBatchesInOrder(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "NEW_IMAGE")
	var batches [][]string
	m, err := db.NewEventSourceMapping("strm", ESMConfig{BatchSize: 3}, func(b []Record) error {
		var keys []string
		for _, r := range b {
			keys = append(keys, r.Dynamodb.NewImage["v"].S)
		}
		batches = append(batches, keys)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"1", "2", "3", "4", "5"} {
		put(t, db, "strm", "same", v) // one key: one shard, strict order
	}
	m.Start(clk)
	clk.Advance(time.Second) // four polls
	m.Stop()
	if len(batches) != 2 || len(batches[0]) != 3 || batches[1][1] != "5" {
		t.Errorf("batches %v, want [[1 2 3] [4 5]]", batches)
	}
	if s := m.Stats(); s.Delivered != 5 || s.Invocations != 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestEventSourceMappingRetriesThenDiscards(t *testing.T) {
	retries := 2
	cases := []struct {
		name      string
		cfg       ESMConfig
		wantCalls int
		wantDisc  int
		wantFail  int
	}{
		// 1 try + 2 retries, then the batch goes to the on-failure destination.
		{"max retries 2", ESMConfig{MaximumRetryAttempts: &retries}, 3, 2, 1},
		// Bisecting isolates the poison record: [a b] fails, [a] ok, [b] fails 3 times.
		{"bisect", ESMConfig{MaximumRetryAttempts: &retries, BisectBatchOnFunctionError: true}, 5, 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := newDB()
			streamTable(t, db, "strm", "NEW_IMAGE")
			put(t, db, "strm", "k", "ok")
			put(t, db, "strm", "k", "poison")
			calls, fails := 0, 0
			c.cfg.OnFailure = func(FailedBatch) { fails++ }
			m, err := db.NewEventSourceMapping("strm", c.cfg, func(b []Record) error {
				calls++
				for _, r := range b {
					if r.Dynamodb.NewImage["v"].S == "poison" {
						return errors.New("boom")
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 10; i++ {
				m.Poll()
			}
			if s := m.Stats(); calls != c.wantCalls || s.Discarded != c.wantDisc || fails != c.wantFail {
				t.Errorf("calls %d discarded %d failures %d, want %d %d %d", calls, s.Discarded, fails, c.wantCalls, c.wantDisc, c.wantFail)
			}
		})
	}
}

func TestEventSourceMappingRetryingForeverLosesRecordsAfter24Hours(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "KEYS_ONLY")
	put(t, db, "strm", "k", "x")
	expired := 0
	m, _ := db.NewEventSourceMapping("strm", ESMConfig{OnFailure: func(f FailedBatch) {
		if f.Reason == "RecordsExpired" {
			expired++
		}
	}}, func([]Record) error { return errors.New("always") })
	m.Poll()
	clk.Advance(25 * time.Hour)
	put(t, db, "strm", "other", "y") // prunes the expired record
	m.Poll()
	if m.Stats().Expired != 1 || expired != 1 {
		t.Errorf("stats %+v, on-failure expired %d", m.Stats(), expired)
	}
}

func TestEventSourceMappingValidation(t *testing.T) {
	db, _ := newDB()
	streamTable(t, db, "strm", "KEYS_ONLY")
	simpleTable(t, db, "plain", 0, 0)
	neg := -2
	cases := []struct {
		name  string
		table string
		cfg   ESMConfig
	}{
		{"no stream", "plain", ESMConfig{}},
		{"batch too big", "strm", ESMConfig{BatchSize: 10001}},
		{"window too long", "strm", ESMConfig{MaximumBatchingWindow: 301 * time.Second}},
		{"bad retries", "strm", ESMConfig{MaximumRetryAttempts: &neg}},
		{"bad start", "strm", ESMConfig{StartingPosition: "AT_TIMESTAMP"}},
	}
	for _, c := range cases {
		if _, err := db.NewEventSourceMapping(c.table, c.cfg, func([]Record) error { return nil }); ErrorType(err) != ErrValidation {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestEventSourceMappingBatchingWindowWaits(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "KEYS_ONLY")
	calls := 0
	m, _ := db.NewEventSourceMapping("strm", ESMConfig{BatchSize: 10, MaximumBatchingWindow: 5 * time.Second}, func([]Record) error { calls++; return nil })
	put(t, db, "strm", "a", "1")
	m.Poll()
	clk.Advance(4 * time.Second)
	m.Poll()
	if calls != 0 {
		t.Fatalf("invoked after 4 s of a 5 s window")
	}
	clk.Advance(time.Second)
	m.Poll()
	if calls != 1 {
		t.Errorf("calls %d after the window, want 1", calls)
	}
}

func TestEventSourceMappingCapsABatchAt6MB(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "strm", "NEW_IMAGE")
	big := strings.Repeat("x", 390*1024) // ~390 KB per record: 15 fit in 6 MB
	for i := 0; i < 20; i++ {
		clk.Advance(time.Second) // one hot key: stay under 1,000 WCU/s
		if _, err := db.PutItem(&PutItemInput{TableName: "strm", Item: Item{"pk": attr.Str("k"), "v": attr.Str(big)}}); err != nil {
			t.Fatal(err)
		}
	}
	var sizes []int
	m, _ := db.NewEventSourceMapping("strm", ESMConfig{BatchSize: 100}, func(b []Record) error { sizes = append(sizes, len(b)); return nil })
	m.Poll()
	m.Poll()
	if len(sizes) != 2 || sizes[0] != 15 || sizes[1] != 5 {
		t.Errorf("batch sizes %v, want [15 5]", sizes)
	}
}
