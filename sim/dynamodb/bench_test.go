package dynamodb

import (
	"strconv"
	"testing"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func benchDB(b *testing.B) *DB {
	db, _ := newDB()
	mustDo(b, db, "CreateTable", `{"TableName":"bench","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"}`)
	return db
}

func BenchmarkPutItem(b *testing.B) {
	db := benchDB(b)
	adv := db.clk.(advancer)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		it := Item{"pk": attr.Str("p" + strconv.Itoa(i%1000)), "sk": attr.Num(strconv.Itoa(i)), "v": attr.Str("payload")}
		if _, err := db.PutItem(&PutItemInput{TableName: "bench", Item: it}); err != nil {
			b.Fatal(err)
		}
		if i%1000 == 0 {
			adv.Advance(1e9) // stay inside the on-demand allowance
		}
	}
}

func BenchmarkGetItem(b *testing.B) {
	db := benchDB(b)
	for i := 0; i < 1000; i++ {
		_, _ = db.PutItem(&PutItemInput{TableName: "bench", Item: Item{"pk": attr.Str("p" + strconv.Itoa(i)), "sk": attr.Num("1")}})
	}
	adv := db.clk.(advancer)
	key := Item{"pk": attr.Str("p7"), "sk": attr.Num("1")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := db.GetItem(&GetItemInput{TableName: "bench", Key: key}); err != nil {
			b.Fatal(err)
		}
		if i%5000 == 0 {
			adv.Advance(1e9)
		}
	}
}

func BenchmarkQuery10Items(b *testing.B) {
	db := benchDB(b)
	for i := 0; i < 100; i++ {
		_, _ = db.PutItem(&PutItemInput{TableName: "bench", Item: Item{"pk": attr.Str("p1"), "sk": attr.Num(strconv.Itoa(i))}})
	}
	adv := db.clk.(advancer)
	in := &QueryInput{TableName: "bench", KeyConditionExpression: "pk = :p AND sk BETWEEN :a AND :b",
		ExpressionAttributeValues: map[string]attr.Value{":p": attr.Str("p1"), ":a": attr.Num("10"), ":b": attr.Num("19")}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		out, err := db.Query(in)
		if err != nil || out.Count != 10 {
			b.Fatal(err)
		}
		if i%900 == 0 {
			adv.Advance(1e9) // a hot key: stay under the partition ceiling
		}
	}
}

func BenchmarkDoPutItemJSON(b *testing.B) {
	db := benchDB(b)
	adv := db.clk.(advancer)
	body := []byte(`{"TableName":"bench","Item":{"pk":{"S":"p1"},"sk":{"N":"1"},"v":{"S":"payload"}},"ReturnConsumedCapacity":"TOTAL"}`)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := db.Do("PutItem", body); err != nil {
			b.Fatal(err)
		}
		if i%900 == 0 {
			adv.Advance(1e9)
		}
	}
}

func FuzzDo(f *testing.F) {
	ops := []string{"PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "CreateTable", "UpdateTable",
		"UpdateContinuousBackups", "RestoreTableToPointInTime", "CreateBackup", "RestoreTableFromBackup", "DescribeStream",
		"GetShardIterator", "GetRecords", "ListStreams", "ExportTableToPointInTime", "ImportTable", "CreateGlobalTable", "ListBackups"}
	seeds := []string{
		`{"TableName":"fuzz","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}`,
		`{"TableName":"fuzz","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = n + :o","ExpressionAttributeValues":{":o":{"N":"1"}}}`,
		`{"TableName":"fuzz","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}}}`,
		`{"RequestItems":{"fuzz":[{"PutRequest":{"Item":{"pk":{"S":"b"}}}}]}}`,
		`{"TransactItems":[{"Put":{"TableName":"fuzz","Item":{"pk":{"S":"c"}}}}]}`,
		`{"TableName":"fuzz","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":3}}`,
		`{"SourceTableName":"fuzz","TargetTableName":"fuzz2","UseLatestRestorableTime":true}`,
		`{"ShardIterator":"eyJhIjoiYXJuIiwicyI6MCwicCI6MCwidCI6MH0"}`,
		`{"TableName":"fuzz","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}`,
	}
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, op uint8, body string) {
		db, _ := newDB()
		simpleTable(t, db, "fuzz", 100, 100)
		_, _ = db.Do(ops[int(op)%len(ops)], []byte(body))
		_, _ = db.Do("Scan", []byte(`{"TableName":"fuzz"}`))
	})
}
