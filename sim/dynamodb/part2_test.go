package dynamodb

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func TestServeAPIRoutesByRegionAndReplicatesOnAdvanceClock(t *testing.T) {
	db, _ := newDB()
	in := strings.Join([]string{
		`{"Operation":"CreateTable","Request":{"TableName":"carts","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}`,
		`{"Operation":"UpdateTable","Request":{"TableName":"carts","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}}`,
		`{"Operation":"PutItem","Region":"eu-west-1","Request":{"TableName":"carts","Item":{"pk":{"S":"a"}}}}`,
		`{"Operation":"GetItem","Request":{"TableName":"carts","Key":{"pk":{"S":"a"}}}}`,
		`{"Operation":"AdvanceClock","Request":{"Seconds":1}}`,
		`{"Operation":"GetItem","Request":{"TableName":"carts","Key":{"pk":{"S":"a"}}}}`,
		`{"Operation":"ListTables","Region":"not a region","Request":{}}`,
	}, "\n")
	var out bytes.Buffer
	if err := ServeAPI(strings.NewReader(in), &out, db); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines: %s", len(lines), out.String())
	}
	if lines[3] != `{}` {
		t.Errorf("us-east-1 before the lag: %s", lines[3])
	}
	if !strings.Contains(lines[5], `"Item":{"pk":{"S":"a"}}`) {
		t.Errorf("us-east-1 after AdvanceClock: %s", lines[5])
	}
	if !strings.Contains(lines[6], "ValidationException") {
		t.Errorf("bad region: %s", lines[6])
	}
}

func TestTTLDeletesReachGetRecordsAsServiceDeletes(t *testing.T) {
	db, clk := newDB()
	streamTable(t, db, "sess", "OLD_IMAGE")
	mustDo(t, db, "UpdateTimeToLive", `{"TableName":"sess","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"exp"}}`)
	exp := strconv.FormatInt(clk.Now().Add(time.Hour).Unix(), 10)
	if _, err := db.PutItem(&PutItemInput{TableName: "sess", Item: Item{"pk": attr.Str("s1"), "exp": attr.Num(exp)}}); err != nil {
		t.Fatal(err)
	}
	mustDo(t, db, "AdvanceClock", `{"Seconds":7200}`)
	recs := readAll(t, db, "sess")
	if len(recs) != 2 || recs[1].EventName != "REMOVE" || recs[1].UserIdentity == nil || recs[1].UserIdentity.PrincipalID != "dynamodb.amazonaws.com" {
		b, _ := json.Marshal(recs)
		t.Errorf("records %s", b)
	}
}

func BenchmarkESMPoll(b *testing.B) {
	db, clk := newDB()
	mustDo(b, db, "CreateTable", `{"TableName":"strm","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}`)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		clk.Advance(25 * time.Hour) // a fresh allowance, and the old records age out
		m, _ := db.NewEventSourceMapping("strm", ESMConfig{StartingPosition: "LATEST"}, func([]Record) error { return nil })
		for i := 0; i < 100; i++ {
			_, _ = db.PutItem(&PutItemInput{TableName: "strm", Item: Item{"pk": attr.Str("k" + strconv.Itoa(i))}})
		}
		b.StartTimer()
		if m.Poll() != 100 {
			b.Fatal("poll")
		}
	}
}

func BenchmarkRestorePITR1000Items(b *testing.B) {
	db, clk := newDB()
	mustDo(b, db, "CreateTable", `{"TableName":"src","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`)
	mustDo(b, db, "UpdateContinuousBackups", `{"TableName":"src","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}`)
	for i := 0; i < 1000; i++ {
		_, _ = db.PutItem(&PutItemInput{TableName: "src", Item: Item{"pk": attr.Str("k" + strconv.Itoa(i)), "v": attr.Str("payload")}})
	}
	clk.Advance(time.Hour)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		name := "dst" + strconv.Itoa(i)
		if _, err := db.RestoreTableToPointInTime(&RestoreTableToPointInTimeInput{SourceTableName: "src", TargetTableName: name, UseLatestRestorableTime: true}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_, _ = db.DeleteTable(&TableNameInput{TableName: name})
		b.StartTimer()
	}
}
