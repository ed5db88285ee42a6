package dynamodb

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func count(t *testing.T, db *DB, table string) int {
	t.Helper()
	out, err := db.Scan(&QueryInput{TableName: table})
	if err != nil {
		t.Fatal(err)
	}
	return out.Count
}

func TestPITRRestoresAnySecondInTheWindowIntoANewTable(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "orders", 0, 0)
	put(t, db, "orders", "before", "0") // exists when PITR is enabled
	mustDo(t, db, "UpdateContinuousBackups", `{"TableName":"orders","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}`)
	t0 := clk.Now()
	clk.Advance(time.Hour)
	put(t, db, "orders", "a", "1") // t0 + 1 h
	clk.Advance(time.Hour)
	put(t, db, "orders", "a", "2") // t0 + 2 h
	if _, err := db.DeleteItem(&DeleteItemInput{TableName: "orders", Key: Item{"pk": attr.Str("before")}}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	cases := []struct {
		at     time.Duration
		items  int
		aValue string
	}{
		{30 * time.Minute, 1, ""},           // only "before"
		{time.Hour, 2, "1"},                 // the write at exactly t0+1h is included
		{90 * time.Minute, 2, "1"},          //
		{2*time.Hour + time.Second, 1, "2"}, // "before" deleted, a = 2
	}
	for i, c := range cases {
		name := fmt.Sprintf("restored%d", i)
		at := epochSeconds(t0.Add(c.at))
		body, _ := json.Marshal(RestoreTableToPointInTimeInput{SourceTableName: "orders", TargetTableName: name, RestoreDateTime: &at})
		mustDo(t, db, "RestoreTableToPointInTime", string(body))
		if n := count(t, db, name); n != c.items {
			t.Errorf("at +%v: %d items, want %d", c.at, n, c.items)
		}
		got, _ := db.GetItem(&GetItemInput{TableName: name, Key: Item{"pk": attr.Str("a")}})
		if got.Item["v"].S != c.aValue {
			t.Errorf("at +%v: a = %q, want %q", c.at, got.Item["v"].S, c.aValue)
		}
	}
	d, _ := db.DescribeTable(&TableNameInput{TableName: "restored0"})
	if d.Table.RestoreSummary == nil || d.Table.RestoreSummary.SourceTableArn == "" {
		t.Errorf("restore summary %+v", d.Table.RestoreSummary)
	}
	if out, _ := db.DescribeContinuousBackups(&TableNameInput{TableName: "restored0"}); out.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus != "DISABLED" {
		t.Errorf("a restored table does not inherit PITR")
	}
}

func TestPITRWindowAndErrors(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "orders", 0, 0)
	typ, _ := doErr(t, db, "RestoreTableToPointInTime", `{"SourceTableName":"orders","TargetTableName":"copy","UseLatestRestorableTime":true}`)
	if typ != ErrPITRUnavailable {
		t.Errorf("without PITR: %s", typ)
	}
	for _, days := range []int{-1, 36} {
		typ, _ := doErr(t, db, "UpdateContinuousBackups", fmt.Sprintf(`{"TableName":"orders","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":%d}}`, days))
		if typ != ErrValidation {
			t.Errorf("%d days: %s", days, typ)
		}
	}
	mustDo(t, db, "UpdateContinuousBackups", `{"TableName":"orders","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":1}}`)
	start := clk.Now()
	clk.Advance(3 * 24 * time.Hour)
	var d ContinuousBackupsOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "DescribeContinuousBackups", `{"TableName":"orders"}`)), &d)
	p := d.ContinuousBackupsDescription.PointInTimeRecoveryDescription
	now := clk.Now()
	if p.RecoveryPeriodInDays != 1 || fromEpoch(p.EarliestRestorableDateTime) != now.Add(-24*time.Hour) || fromEpoch(p.LatestRestorableDateTime) != now.Add(-5*time.Minute) {
		t.Errorf("window %+v (now %v)", p, now)
	}
	old := epochSeconds(start.Add(time.Hour)) // two days before the 1-day window
	body, _ := json.Marshal(RestoreTableToPointInTimeInput{SourceTableName: "orders", TargetTableName: "copy", RestoreDateTime: &old})
	if typ, _ := doErr(t, db, "RestoreTableToPointInTime", string(body)); typ != ErrInvalidRestoreTime {
		t.Errorf("outside window: %s", typ)
	}
	if typ, _ := doErr(t, db, "RestoreTableToPointInTime", `{"SourceTableName":"orders","TargetTableName":"orders","UseLatestRestorableTime":true}`); typ != ErrTableExists {
		t.Errorf("restore over an existing table: %s", typ)
	}
	if typ, _ := doErr(t, db, "RestoreTableToPointInTime", `{"SourceTableName":"gone","TargetTableName":"copy","UseLatestRestorableTime":true}`); typ != ErrTableNotFound {
		t.Errorf("missing source: %s", typ)
	}
	mustDo(t, db, "RestoreTableToPointInTime", `{"SourceTableName":"orders","TargetTableName":"copy","UseLatestRestorableTime":true}`)
}

func TestOnDemandBackupOutlivesItsTable(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "orders", 5, 5)
	for i := 0; i < 3; i++ {
		put(t, db, "orders", fmt.Sprint("k", i), "v")
	}
	var cb CreateBackupOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "CreateBackup", `{"TableName":"orders","BackupName":"nightly"}`)), &cb)
	if cb.BackupDetails.BackupStatus != "AVAILABLE" || cb.BackupDetails.BackupType != "USER" {
		t.Fatalf("backup %+v", cb)
	}
	put(t, db, "orders", "k9", "after the backup")
	mustDo(t, db, "DeleteTable", `{"TableName":"orders"}`)
	clk.Advance(48 * time.Hour)
	var lb ListBackupsOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "ListBackups", `{"TableName":"orders"}`)), &lb)
	if len(lb.BackupSummaries) != 1 {
		t.Fatalf("ListBackups %+v", lb)
	}
	mustDo(t, db, "RestoreTableFromBackup", `{"TargetTableName":"orders2","BackupArn":"`+cb.BackupDetails.BackupArn+`"}`)
	if n := count(t, db, "orders2"); n != 3 {
		t.Errorf("restored %d items, want 3", n)
	}
	d, _ := db.DescribeTable(&TableNameInput{TableName: "orders2"})
	if d.Table.ProvisionedThroughput.WriteCapacityUnits != 5 {
		t.Errorf("restored capacity %+v", d.Table.ProvisionedThroughput)
	}
	var del BackupDescriptionOutput
	_ = json.Unmarshal([]byte(mustDo(t, db, "DeleteBackup", `{"BackupArn":"`+cb.BackupDetails.BackupArn+`"}`)), &del)
	if del.BackupDescription.BackupDetails.BackupStatus != "DELETED" {
		t.Errorf("DeleteBackup %+v", del)
	}
	if typ, _ := doErr(t, db, "DescribeBackup", `{"BackupArn":"`+cb.BackupDetails.BackupArn+`"}`); typ != ErrBackupNotFound {
		t.Errorf("after delete: %s", typ)
	}
	if typ, _ := doErr(t, db, "CreateBackup", `{"TableName":"nope","BackupName":"x1x"}`); typ != ErrTableNotFound {
		t.Errorf("missing table: %s", typ)
	}
}

func TestBackupsAndRestoresConsumeNoCapacity(t *testing.T) {
	db, clk := newDB()
	simpleTable(t, db, "tiny", 1, 1)
	put(t, db, "tiny", "a", "1") // uses the table's one write unit
	clk.Advance(time.Second)     // refills exactly one
	mustDo(t, db, "UpdateContinuousBackups", `{"TableName":"tiny","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}`)
	for i := 0; i < 5; i++ {
		mustDo(t, db, "CreateBackup", fmt.Sprintf(`{"TableName":"tiny","BackupName":"b%03d"}`, i))
	}
	mustDo(t, db, "RestoreTableToPointInTime", `{"SourceTableName":"tiny","TargetTableName":"tiny2","UseLatestRestorableTime":true}`)
	// The refilled unit is still there: backups and restores took none.
	if _, err := db.PutItem(&PutItemInput{TableName: "tiny", Item: Item{"pk": attr.Str("b")}}); err != nil {
		t.Errorf("write after backups: %v", err)
	}
	if _, err := db.PutItem(&PutItemInput{TableName: "tiny", Item: Item{"pk": attr.Str("c")}}); ErrorType(err) != ErrProvisioned {
		t.Errorf("second write: %v, want %s", err, ErrProvisioned)
	}
}
