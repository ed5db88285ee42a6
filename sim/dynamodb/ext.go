package dynamodb

import (
	"time"
)

// dbExt is the state of the part-2 features that belongs to a whole DB
// (one region): on-demand backups, exports and imports, and the set of
// regions it shares global tables with.
type dbExt struct {
	backups  map[string]*backup // by ARN; they outlive their table
	backupNo int
	exports  map[string]*ExportDescription
	imports  map[string]*ImportTableDescription
	jobNo    int
	regions  *regionSet
	repl     ReplicationStats
	// replaying is set while a replicated write is stored, so it is not
	// sent back out.
	replaying bool
}

func newDBExt(db *DB) *dbExt {
	e := &dbExt{backups: map[string]*backup{}, exports: map[string]*ExportDescription{}, imports: map[string]*ImportTableDescription{}}
	e.regions = &regionSet{dbs: map[string]*DB{db.opts.Region: db}}
	return e
}

// tableExt is the per-table state of the part-2 features.
type tableExt struct {
	pitr        *pitrState
	streamLabel time.Time // when the current stream was enabled
	shards      int       // shard count of the current stream
	streamOff   bool      // the stream was disabled; records stay readable 24 h
	global      *globalTable
	// lww holds each item's last write time (tombstones too) for the
	// last-writer-wins rule of global tables.
	lww map[string]lwwEntry
	// restored says where a restored table came from.
	restored *RestoreSummary
}

// afterApply runs after every stored write: PITR history and global-table
// replication see each change once, in order.
func (db *DB) afterApply(t *table, old, nu Item) {
	now := db.clk.Now()
	if t.ext.pitr != nil {
		t.ext.pitr.record(now, t, old, nu)
	}
	if t.ext.global != nil {
		db.replicate(t, old, nu, now)
	}
}

// describeMore adds the stream, replica and restore fields to a description.
func (db *DB) describeMore(t *table, d *TableDescription) {
	if t.stream != nil && !t.ext.streamLabel.IsZero() {
		d.LatestStreamLabel = streamLabel(t.ext.streamLabel)
		d.LatestStreamArn = db.streamArn(t)
	}
	if g := t.ext.global; g != nil {
		d.GlobalTableVersion = "2019.11.21"
		for _, r := range g.regionNames() {
			if r != db.opts.Region {
				d.Replicas = append(d.Replicas, ReplicaDescription{RegionName: r, ReplicaStatus: "ACTIVE"})
			}
		}
	}
	d.RestoreSummary = t.ext.restored
}

// updateTableMore handles the UpdateTable fields of part 2: enabling or
// disabling the stream and adding or removing replicas.
func (db *DB) updateTableMore(t *table, in *UpdateTableInput) error {
	if s := in.StreamSpecification; s != nil {
		if err := db.updateStream(t, s); err != nil {
			return err
		}
	}
	if len(in.ReplicaUpdates) > 0 {
		return db.updateReplicas(t, in.ReplicaUpdates)
	}
	return nil
}

// doMore dispatches the operations added in part 2.
func prepMore(op string, body []byte) (prepared, error) {
	switch op {
	case "TagResource":
		return prep(body, (*DB).TagResource)
	case "UntagResource":
		return prep(body, (*DB).UntagResource)
	case "ListTagsOfResource":
		return prep(body, (*DB).ListTagsOfResource)
	case "DescribeStream":
		return prep(body, (*DB).DescribeStream)
	case "GetShardIterator":
		return prep(body, (*DB).GetShardIterator)
	case "GetRecords":
		return prep(body, (*DB).GetRecords)
	case "ListStreams":
		return prep(body, (*DB).ListStreams)
	case "UpdateContinuousBackups":
		return prep(body, (*DB).UpdateContinuousBackups)
	case "DescribeContinuousBackups":
		return prep(body, (*DB).DescribeContinuousBackups)
	case "RestoreTableToPointInTime":
		return prep(body, (*DB).RestoreTableToPointInTime)
	case "CreateBackup":
		return prep(body, (*DB).CreateBackup)
	case "DescribeBackup":
		return prep(body, (*DB).DescribeBackup)
	case "ListBackups":
		return prep(body, (*DB).ListBackups)
	case "DeleteBackup":
		return prep(body, (*DB).DeleteBackup)
	case "RestoreTableFromBackup":
		return prep(body, (*DB).RestoreTableFromBackup)
	case "ExportTableToPointInTime":
		return prep(body, (*DB).ExportTableToPointInTime)
	case "DescribeExport":
		return prep(body, (*DB).DescribeExport)
	case "ImportTable":
		return prep(body, (*DB).ImportTable)
	case "DescribeImport":
		return prep(body, (*DB).DescribeImport)
	case "CreateGlobalTable":
		return prep(body, (*DB).CreateGlobalTable)
	}
	return nil, apiErr(ErrUnknownOperation, "")
}

// epochSeconds renders a time the way the JSON API does: seconds since
// 1970 as a number with milliseconds.
func epochSeconds(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

// fromEpoch turns API seconds back into a time.
func fromEpoch(s float64) time.Time {
	return time.UnixMilli(int64(s*1000 + 0.5)).UTC()
}
