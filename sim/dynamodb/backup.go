package dynamodb

import (
	"fmt"
	"sort"
)

// backup is an on-demand backup: a full copy of a table, kept until it is
// deleted, even after the table is gone (aws-facts ddb.backup.ondemand).
type backup struct {
	details BackupDetails
	source  SourceTableDetails
	def     *CreateTableInput
	items   []Item
}

// BackupDetails describes one backup.
type BackupDetails struct {
	BackupArn              string  `json:"BackupArn"`
	BackupName             string  `json:"BackupName"`
	BackupSizeBytes        int64   `json:"BackupSizeBytes"`
	BackupStatus           string  `json:"BackupStatus"`
	BackupType             string  `json:"BackupType"`
	BackupCreationDateTime float64 `json:"BackupCreationDateTime"`
}

// SourceTableDetails describes the table a backup was taken from.
type SourceTableDetails struct {
	TableName             string                            `json:"TableName"`
	TableId               string                            `json:"TableId"`
	TableArn              string                            `json:"TableArn"`
	KeySchema             []KeySchemaElement                `json:"KeySchema"`
	TableCreationDateTime float64                           `json:"TableCreationDateTime"`
	ProvisionedThroughput *ProvisionedThroughputDescription `json:"ProvisionedThroughput,omitempty"`
	ItemCount             int64                             `json:"ItemCount"`
	TableSizeBytes        int64                             `json:"TableSizeBytes"`
	BillingMode           string                            `json:"BillingMode"`
}

// BackupDescription is a backup with its source table.
type BackupDescription struct {
	BackupDetails      BackupDetails      `json:"BackupDetails"`
	SourceTableDetails SourceTableDetails `json:"SourceTableDetails"`
}

// CreateBackupInput is the CreateBackup request.
type CreateBackupInput struct {
	TableName  string `json:"TableName"`
	BackupName string `json:"BackupName"`
}

// CreateBackupOutput is the CreateBackup response.
type CreateBackupOutput struct {
	BackupDetails BackupDetails `json:"BackupDetails"`
}

// BackupArnInput names a backup (DescribeBackup, DeleteBackup).
type BackupArnInput struct {
	BackupArn string `json:"BackupArn"`
}

// BackupDescriptionOutput is the response of DescribeBackup and DeleteBackup.
type BackupDescriptionOutput struct {
	BackupDescription BackupDescription `json:"BackupDescription"`
}

// ListBackupsInput is the ListBackups request.
type ListBackupsInput struct {
	TableName           string   `json:"TableName,omitempty"`
	TimeRangeLowerBound *float64 `json:"TimeRangeLowerBound,omitempty"`
	TimeRangeUpperBound *float64 `json:"TimeRangeUpperBound,omitempty"`
}

// BackupSummary is one entry of ListBackups.
type BackupSummary struct {
	TableName string `json:"TableName"`
	TableId   string `json:"TableId"`
	TableArn  string `json:"TableArn"`
	BackupDetails
}

// ListBackupsOutput is the ListBackups response.
type ListBackupsOutput struct {
	BackupSummaries []BackupSummary `json:"BackupSummaries"`
}

// RestoreTableFromBackupInput is the RestoreTableFromBackup request.
type RestoreTableFromBackupInput struct {
	TargetTableName     string `json:"TargetTableName"`
	BackupArn           string `json:"BackupArn"`
	BillingModeOverride string `json:"BillingModeOverride,omitempty"`
}

// CreateBackup takes a full backup at once; it costs no capacity.
func (db *DB) CreateBackup(in *CreateBackupInput) (*CreateBackupOutput, error) {
	if err := checkTableName(in.BackupName, "backupName"); err != nil {
		return nil, err
	}
	if in.TableName == "" {
		return nil, validationf("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	}
	t := db.tables[in.TableName]
	if t == nil {
		return nil, apiErr(ErrTableNotFound, "Table not found: "+in.TableName)
	}
	now := db.clk.Now()
	db.ext.backupNo++
	d := db.describe(t)
	b := &backup{def: t.def()}
	for _, g := range t.st.order {
		for _, r := range g.recs {
			b.items = append(b.items, r.item)
		}
	}
	b.details = BackupDetails{BackupArn: fmt.Sprintf("%s/backup/%013d-%08x", db.arn(t), now.UnixMilli(), db.ext.backupNo),
		BackupName: in.BackupName, BackupSizeBytes: t.st.bytes, BackupStatus: "AVAILABLE", BackupType: "USER",
		BackupCreationDateTime: epochSeconds(now)}
	b.source = SourceTableDetails{TableName: t.name, TableId: d.TableId, TableArn: d.TableArn, KeySchema: t.schema,
		TableCreationDateTime: d.CreationDateTime, ProvisionedThroughput: d.ProvisionedThroughput,
		ItemCount: d.ItemCount, TableSizeBytes: d.TableSizeBytes, BillingMode: d.BillingModeSummary.BillingMode}
	db.ext.backups[b.details.BackupArn] = b
	return &CreateBackupOutput{BackupDetails: b.details}, nil
}

func (db *DB) backup(arn string) (*backup, error) {
	if arn == "" {
		return nil, validationf("1 validation error detected: Value null at 'backupArn' failed to satisfy constraint: Member must not be null")
	}
	b := db.ext.backups[arn]
	if b == nil {
		return nil, apiErr(ErrBackupNotFound, "Backup not found: "+arn)
	}
	return b, nil
}

// DescribeBackup describes one backup.
func (db *DB) DescribeBackup(in *BackupArnInput) (*BackupDescriptionOutput, error) {
	b, err := db.backup(in.BackupArn)
	if err != nil {
		return nil, err
	}
	return &BackupDescriptionOutput{BackupDescription: BackupDescription{BackupDetails: b.details, SourceTableDetails: b.source}}, nil
}

// DeleteBackup deletes a backup; the response shows it as DELETED.
func (db *DB) DeleteBackup(in *BackupArnInput) (*BackupDescriptionOutput, error) {
	b, err := db.backup(in.BackupArn)
	if err != nil {
		return nil, err
	}
	delete(db.ext.backups, in.BackupArn)
	d := b.details
	d.BackupStatus = "DELETED"
	return &BackupDescriptionOutput{BackupDescription: BackupDescription{BackupDetails: d, SourceTableDetails: b.source}}, nil
}

// ListBackups lists backups, oldest first, optionally for one table and
// a creation-time range.
func (db *DB) ListBackups(in *ListBackupsInput) (*ListBackupsOutput, error) {
	out := &ListBackupsOutput{BackupSummaries: []BackupSummary{}}
	for _, b := range db.ext.backups {
		c := b.details.BackupCreationDateTime
		if (in.TableName != "" && b.source.TableName != in.TableName) ||
			(in.TimeRangeLowerBound != nil && c < *in.TimeRangeLowerBound) ||
			(in.TimeRangeUpperBound != nil && c > *in.TimeRangeUpperBound) {
			continue
		}
		out.BackupSummaries = append(out.BackupSummaries, BackupSummary{TableName: b.source.TableName, TableId: b.source.TableId, TableArn: b.source.TableArn, BackupDetails: b.details})
	}
	sort.Slice(out.BackupSummaries, func(i, j int) bool {
		a, b := out.BackupSummaries[i], out.BackupSummaries[j]
		if a.BackupCreationDateTime != b.BackupCreationDateTime {
			return a.BackupCreationDateTime < b.BackupCreationDateTime
		}
		return a.BackupArn < b.BackupArn
	})
	return out, nil
}

// RestoreTableFromBackup creates a new table from a backup.
func (db *DB) RestoreTableFromBackup(in *RestoreTableFromBackupInput) (*RestoreOutput, error) {
	if err := checkTableName(in.TargetTableName, "targetTableName"); err != nil {
		return nil, err
	}
	b, err := db.backup(in.BackupArn)
	if err != nil {
		return nil, err
	}
	if db.tables[in.TargetTableName] != nil {
		return nil, apiErr(ErrTableExists, "Table already exists: "+in.TargetTableName)
	}
	t, err := db.restoreInto(b.def, in.TargetTableName, in.BillingModeOverride, b.items)
	if err != nil {
		return nil, err
	}
	t.ext.restored = &RestoreSummary{SourceBackupArn: b.details.BackupArn, SourceTableArn: b.source.TableArn,
		RestoreDateTime: epochSeconds(db.clk.Now())}
	return &RestoreOutput{TableDescription: db.describe(t)}, nil
}
