package dynamodb

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func TestFiveWCUTableHammeredOnOneKeyThrottles(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "hot5", 5, 5)
	res, err := Load(db, LoadSpec{Table: "hot5", Op: "PutItem", Keys: 1, Rate: 50, Seconds: 20, ItemBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Throttled == 0 {
		t.Fatal("no throttling at 10x the provisioned rate")
	}
	// After the first second the table sustains its 5 WCU and no more.
	for _, s := range res.Series[2:] {
		if s.OK < 4 || s.OK > 6 || s.ConsumedWCU > 6 {
			t.Errorf("second %d: ok=%d consumed=%v, want about 5", s.Second, s.OK, s.ConsumedWCU)
		}
	}
	_, msg := doErrPut(t, db, "hot5")
	if msg != MsgTableThroughput {
		t.Errorf("message %q", msg)
	}
}

func doErrPut(t *testing.T, db *DB, table string) (string, string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		_, err := db.PutItem(&PutItemInput{TableName: table, Item: Item{"pk": attr.Str("k0")}})
		if err != nil {
			return ErrorType(err), ErrorMessage(err)
		}
	}
	t.Fatal("never throttled")
	return "", ""
}

func TestBurstCreditLastsAsDocumented(t *testing.T) {
	// 150 RCU idle for 300 s saves 45,000 RU; at 200 RCU demand that lasts
	// 45,000 / (200-150) = 900 s (burst-adaptive-capacity.html).
	db, clk := newDB()
	simpleTable(t, db, "burst", 150, 1)
	clk.Advance(300 * time.Second)
	res, err := Load(db, LoadSpec{Table: "burst", Op: "GetItemStrong", Keys: 1000, Rate: 200, Seconds: 960})
	if err != nil {
		t.Fatal(err)
	}
	first := -1
	for _, s := range res.Series {
		if s.Throttled > 0 {
			first = s.Second
			break
		}
	}
	if first < 895 || first > 905 {
		t.Errorf("first throttle at %d s, want about 900 s", first)
	}
	if last := res.Series[len(res.Series)-1]; last.ConsumedRCU < 145 || last.ConsumedRCU > 155 {
		t.Errorf("after burst the table serves %v RCU/s, want 150", last.ConsumedRCU)
	}
}

func TestHotPartitionThrottlesBelowTableCapacity(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "wide", 3000, 3000) // 1 + 3 = 4 partitions
	m, _ := db.Metrics("wide", "")
	if m.Partitions != 4 {
		t.Fatalf("partitions = %d, want 4", m.Partitions)
	}
	res, err := Load(db, LoadSpec{Table: "wide", Op: "PutItem", Keys: 1, Rate: 1500, Seconds: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Series[2:] {
		if s.ConsumedWCU > 1010 || s.Throttled < 400 {
			t.Errorf("second %d: consumed %v throttled %d; one key must stop at 1,000 WCU", s.Second, s.ConsumedWCU, s.Throttled)
		}
	}
	// Spread over many keys, the same rate fits.
	res, err = Load(db, LoadSpec{Table: "wide", Op: "PutItem", Keys: 5000, Rate: 1500, Seconds: 3})
	if err != nil || res.Throttled != 0 {
		t.Errorf("uniform load throttled %d (%v)", res.Throttled, err)
	}
}

func TestAdaptiveCapacityOffLimitsAPartitionToItsShare(t *testing.T) {
	db := NewWithOptions(newClock(), Options{AdaptiveCapacity: false})
	simpleTable(t, db, "share", 3000, 1000) // 1 + 1 = 2 partitions, 500 WCU share each
	res, err := Load(db, LoadSpec{Table: "share", Op: "PutItem", Keys: 1, Rate: 1500, Seconds: 5})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Series[len(res.Series)-1]
	if last.ConsumedWCU > 505 || last.ConsumedWCU < 495 {
		t.Errorf("without adaptive capacity one partition serves %v WCU/s, want its 500 share", last.ConsumedWCU)
	}
}

func TestGSIBackPressureThrottlesTheBaseTable(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"bpress","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"gsi","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":100,"WriteCapacityUnits":1000},
	"GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"gsi","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}]}`)
	res, err := Load(db, LoadSpec{Table: "bpress", Op: "PutItem", Keys: 1000, Rate: 20, Seconds: 10, GSIKey: true})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Series[len(res.Series)-1]
	if last.OK > 3 || last.Throttled < 17 {
		t.Errorf("base table writes should be held to the GSI's 2 WCU: %+v", last)
	}
	_, err = db.PutItem(&PutItemInput{TableName: "bpress", Item: Item{"pk": attr.Str("x"), "gsi": attr.Str("y")}})
	if ErrorType(err) != ErrProvisioned || ErrorMessage(err) != MsgIndexThroughput {
		t.Errorf("got %v", err)
	}
	// A write that does not touch the index is not held back.
	if _, err := db.PutItem(&PutItemInput{TableName: "bpress", Item: Item{"pk": attr.Str("x")}}); err != nil {
		t.Errorf("non-indexed write throttled: %v", err)
	}
}

func TestOnDemandInitialLimitAndPeakDoubling(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "odtab", 0, 0)
	m, _ := db.Metrics("odtab", "")
	if m.WriteAllowance != 4000 || m.ReadAllowance != 12000 || m.Partitions != 4 {
		t.Fatalf("new on-demand table: %+v", m)
	}
	res, err := Load(db, LoadSpec{Table: "odtab", Op: "PutItem", Keys: 100000, Rate: 5000, Seconds: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Series[1]; s.OK > 4000 || s.Throttled < 900 {
		t.Errorf("above 4,000 WCU a new on-demand table throttles: %+v", s)
	}
	// The load above peaked at 4,000 WCU in one second. Once that second is
	// 30 minutes old, the table may instantly take double: 8,000. Quieter
	// seconds afterwards (3,000) do not lower it.
	tbl := db.tables["odtab"]
	for i := 0; i < 5; i++ {
		clk.Advance(time.Second)
		tbl.thr.charge(clk.Now(), false, 0, 3000)
	}
	clk.Advance(peakWindow + 2*time.Second)
	m, _ = db.Metrics("odtab", "")
	tbl.thr.write.roll(clk.Now())
	if a := tbl.thr.write.allowance(); a != 8000 || m.OnDemand != true {
		t.Errorf("allowance after a matured 4,000 peak = %v, want 8,000", a)
	}
}

func TestUpdateTableSplitsPartitionsAndNeverMerges(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "grow", 100, 100)
	up := func(r, w int) int {
		mustDo(t, db, "UpdateTable", `{"TableName":"grow","ProvisionedThroughput":{"ReadCapacityUnits":`+itoa(r)+`,"WriteCapacityUnits":`+itoa(w)+`}}`)
		m, _ := db.Metrics("grow", "")
		return m.Partitions
	}
	if n := up(6000, 2000); n != 4 {
		t.Errorf("6,000 RCU + 2,000 WCU: %d partitions, want 4", n)
	}
	if n := up(100, 100); n != 4 {
		t.Errorf("after scaling down: %d partitions, want still 4", n)
	}
}

func TestThrottlingReasonsNameTheCause(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "wide2", 3000, 3000) // 4 partitions, 3,000 WCU
	var hot, prov error
	for i := 0; i < 1200 && hot == nil; i++ {
		_, hot = db.PutItem(&PutItemInput{TableName: "wide2", Item: Item{"pk": attr.Str("one")}})
	}
	got := string(ErrorJSON(hot))
	want := `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"` + MsgTableThroughput + `","ThrottlingReasons":[{"reason":"TableWriteKeyRangeThroughputExceeded","resource":"arn:aws:dynamodb:us-east-1:123456789012:table/wide2"}]}`
	if got != want {
		t.Errorf("hot key:\n got %s\nwant %s", got, want)
	}
	simpleTable(t, db, "small", 1, 1)
	for i := 0; i < 10 && prov == nil; i++ {
		_, prov = db.GetItem(&GetItemInput{TableName: "small", Key: Item{"pk": attr.Str(itoa(i))}, ConsistentRead: true})
	}
	var th *ThrottleError
	if !errors.As(prov, &th) || th.ThrottlingReasons[0].Reason != "TableReadProvisionedThroughputExceeded" {
		t.Errorf("provisioned: %v", prov)
	}
}

func TestSwitchToOnDemandKeepsProvisionedLevel(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "switch", 30000, 10000)
	mustDo(t, db, "UpdateTable", `{"TableName":"switch","BillingMode":"PAY_PER_REQUEST"}`)
	m, _ := db.Metrics("switch", "")
	// Previous peak = half the provisioned rate, so double it is the old rate.
	if !m.OnDemand || m.WriteAllowance != 10000 || m.ReadAllowance != 30000 {
		t.Errorf("after switch: %+v", m)
	}
	if got := mustDo(t, db, "DescribeTable", `{"TableName":"switch"}`); !strings.Contains(got, `"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"}`) {
		t.Errorf("describe: %s", got)
	}
}

func TestOnDemandAccountQuotaCapsGrowth(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "quota", 100000, 100000)
	mustDo(t, db, "UpdateTable", `{"TableName":"quota","BillingMode":"PAY_PER_REQUEST"}`)
	m, _ := db.Metrics("quota", "")
	if m.WriteAllowance != 40000 || m.ReadAllowance != 40000 {
		t.Errorf("allowance beyond the 40,000 per-table quota: %+v", m)
	}
}
