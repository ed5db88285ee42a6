package dynamodb

import (
	"fmt"
	"sort"
	"time"
)

// PITR limits (aws-facts ddb.pitr.window, ddb.pitr.configurable): the
// recovery window is 1–35 days, 35 by default. The latest restorable time
// is typically five minutes before now (API reference,
// PointInTimeRecoveryDescription).
const (
	pitrMinDays     = 1
	pitrMaxDays     = 35
	pitrLatestDelay = 5 * time.Minute
)

// Backup and restore exception names.
const (
	ErrPITRUnavailable    = "PointInTimeRecoveryUnavailableException"
	ErrInvalidRestoreTime = "InvalidRestoreTimeException"
	ErrTableNotFound      = "TableNotFoundException"
	ErrTableExists        = "TableAlreadyExistsException"
	ErrBackupNotFound     = "BackupNotFoundException"
)

type change struct {
	at   time.Time
	key  string
	item Item // nil: deleted
}

// pitrState keeps what a restore needs: the table as it was at the start of
// the window (base) plus every change since, in order.
type pitrState struct {
	enabled  time.Time
	days     int
	base     map[string]Item
	baseTime time.Time
	log      []change
}

func itemKey(t *table, it Item) string {
	h, s := t.keyOf(it)
	k := h.KeyString()
	for _, v := range s {
		k += "\x00" + v.KeyString()
	}
	return k
}

func (p *pitrState) record(now time.Time, t *table, old, nu Item) {
	src := nu
	if src == nil {
		src = old
	}
	p.log = append(p.log, change{at: now, key: itemKey(t, src), item: nu})
	if len(p.log)%1024 == 0 {
		p.fold(now) // keep only the window's history in memory
	}
}

func (p *pitrState) window() time.Duration { return time.Duration(p.days) * 24 * time.Hour }

// fold moves changes older than the window into the base snapshot.
func (p *pitrState) fold(now time.Time) {
	cut := now.Add(-p.window())
	i := 0
	for ; i < len(p.log) && p.log[i].at.Before(cut); i++ {
		if c := p.log[i]; c.item == nil {
			delete(p.base, c.key)
		} else {
			p.base[c.key] = c.item
		}
	}
	p.log = p.log[i:]
	if cut.After(p.baseTime) {
		p.baseTime = cut
	}
}

func (p *pitrState) earliest(now time.Time) time.Time {
	p.fold(now)
	e := p.enabled
	if c := now.Add(-p.window()); c.After(e) {
		e = c
	}
	return e.Truncate(time.Second)
}

func (p *pitrState) latest(now time.Time) time.Time {
	l := now.Add(-pitrLatestDelay)
	if e := p.earliest(now); l.Before(e) {
		l = e
	}
	return l.Truncate(time.Second)
}

// itemsAt rebuilds the table's items as they were at time at, in key order.
func (p *pitrState) itemsAt(at time.Time) []Item {
	m := make(map[string]Item, len(p.base))
	for k, v := range p.base {
		m[k] = v
	}
	for _, c := range p.log {
		if c.at.After(at) {
			break
		}
		if c.item == nil {
			delete(m, c.key)
		} else {
			m[c.key] = c.item
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Item, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// PointInTimeRecoverySpecification turns PITR on or off.
type PointInTimeRecoverySpecification struct {
	PointInTimeRecoveryEnabled bool `json:"PointInTimeRecoveryEnabled"`
	RecoveryPeriodInDays       int  `json:"RecoveryPeriodInDays,omitempty"`
}

// UpdateContinuousBackupsInput is the UpdateContinuousBackups request.
type UpdateContinuousBackupsInput struct {
	TableName                        string                           `json:"TableName"`
	PointInTimeRecoverySpecification PointInTimeRecoverySpecification `json:"PointInTimeRecoverySpecification"`
}

// PointInTimeRecoveryDescription reports PITR status and the window.
type PointInTimeRecoveryDescription struct {
	PointInTimeRecoveryStatus  string  `json:"PointInTimeRecoveryStatus"`
	RecoveryPeriodInDays       int     `json:"RecoveryPeriodInDays,omitempty"`
	EarliestRestorableDateTime float64 `json:"EarliestRestorableDateTime,omitempty"`
	LatestRestorableDateTime   float64 `json:"LatestRestorableDateTime,omitempty"`
}

// ContinuousBackupsDescription wraps the PITR description.
type ContinuousBackupsDescription struct {
	ContinuousBackupsStatus        string                         `json:"ContinuousBackupsStatus"`
	PointInTimeRecoveryDescription PointInTimeRecoveryDescription `json:"PointInTimeRecoveryDescription"`
}

// ContinuousBackupsOutput is the response of UpdateContinuousBackups and
// DescribeContinuousBackups.
type ContinuousBackupsOutput struct {
	ContinuousBackupsDescription ContinuousBackupsDescription `json:"ContinuousBackupsDescription"`
}

func (db *DB) pitrDescription(t *table) *ContinuousBackupsOutput {
	d := PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: "DISABLED"}
	if p := t.ext.pitr; p != nil {
		now := db.clk.Now()
		d = PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: "ENABLED", RecoveryPeriodInDays: p.days,
			EarliestRestorableDateTime: epochSeconds(p.earliest(now)), LatestRestorableDateTime: epochSeconds(p.latest(now))}
	}
	return &ContinuousBackupsOutput{ContinuousBackupsDescription: ContinuousBackupsDescription{ContinuousBackupsStatus: "ENABLED", PointInTimeRecoveryDescription: d}}
}

// UpdateContinuousBackups enables PITR (window 1–35 days, default 35),
// changes the window, or disables PITR, which drops the history.
func (db *DB) UpdateContinuousBackups(in *UpdateContinuousBackupsInput) (*ContinuousBackupsOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	s := in.PointInTimeRecoverySpecification
	if !s.PointInTimeRecoveryEnabled {
		if s.RecoveryPeriodInDays != 0 {
			return nil, invalid("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true")
		}
		t.ext.pitr = nil
		return db.pitrDescription(t), nil
	}
	days := s.RecoveryPeriodInDays
	if days == 0 {
		days = pitrMaxDays
	}
	if days < pitrMinDays || days > pitrMaxDays {
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value between %d and %d", days, pitrMinDays, pitrMaxDays))
	}
	now := db.clk.Now()
	if p := t.ext.pitr; p != nil {
		p.days = days
		p.fold(now)
		return db.pitrDescription(t), nil
	}
	p := &pitrState{enabled: now, days: days, base: map[string]Item{}, baseTime: now}
	for _, g := range t.st.order {
		for _, r := range g.recs {
			p.base[itemKey(t, r.item)] = r.item
		}
	}
	t.ext.pitr = p
	return db.pitrDescription(t), nil
}

// DescribeContinuousBackups reports PITR status and the restorable window.
func (db *DB) DescribeContinuousBackups(in *TableNameInput) (*ContinuousBackupsOutput, error) {
	if in.TableName == "" {
		return nil, validationf("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	}
	t := db.tables[in.TableName]
	if t == nil {
		return nil, apiErr(ErrTableNotFound, "Table not found: "+in.TableName)
	}
	return db.pitrDescription(t), nil
}

// RestoreSummary says where a restored table came from.
type RestoreSummary struct {
	SourceBackupArn   string  `json:"SourceBackupArn,omitempty"`
	SourceTableArn    string  `json:"SourceTableArn,omitempty"`
	RestoreDateTime   float64 `json:"RestoreDateTime"`
	RestoreInProgress bool    `json:"RestoreInProgress"`
}

// RestoreTableToPointInTimeInput is the RestoreTableToPointInTime request.
type RestoreTableToPointInTimeInput struct {
	SourceTableName         string   `json:"SourceTableName,omitempty"`
	SourceTableArn          string   `json:"SourceTableArn,omitempty"`
	TargetTableName         string   `json:"TargetTableName"`
	RestoreDateTime         *float64 `json:"RestoreDateTime,omitempty"`
	UseLatestRestorableTime bool     `json:"UseLatestRestorableTime,omitempty"`
	BillingModeOverride     string   `json:"BillingModeOverride,omitempty"`
}

// RestoreOutput is the response of both restores.
type RestoreOutput struct {
	TableDescription TableDescription `json:"TableDescription"`
}

// RestoreTableToPointInTime creates a new table holding the source table's
// items as they were at a second inside the PITR window.
func (db *DB) RestoreTableToPointInTime(in *RestoreTableToPointInTimeInput) (*RestoreOutput, error) {
	name := in.SourceTableName
	if name == "" && in.SourceTableArn != "" {
		name = tableFromArn(in.SourceTableArn)
	}
	if err := checkTableName(in.TargetTableName, "targetTableName"); err != nil {
		return nil, err
	}
	src := db.tables[name]
	if src == nil {
		return nil, apiErr(ErrTableNotFound, "Table not found: "+name)
	}
	if db.tables[in.TargetTableName] != nil {
		return nil, apiErr(ErrTableExists, "Table already exists: "+in.TargetTableName)
	}
	p := src.ext.pitr
	if p == nil {
		return nil, apiErr(ErrPITRUnavailable, "Point in time recovery is not enabled for table '"+name+"'")
	}
	now := db.clk.Now()
	lo, hi := p.earliest(now), p.latest(now)
	var at time.Time
	switch {
	case in.UseLatestRestorableTime && in.RestoreDateTime != nil:
		return nil, validationf("Only one of RestoreDateTime or UseLatestRestorableTime can be specified")
	case in.UseLatestRestorableTime:
		at = hi
	case in.RestoreDateTime != nil:
		at = fromEpoch(*in.RestoreDateTime)
	default:
		return nil, validationf("Either RestoreDateTime or UseLatestRestorableTime must be specified")
	}
	if at.Before(lo) || at.After(hi) {
		return nil, apiErr(ErrInvalidRestoreTime, fmt.Sprintf("Invalid restore time specified. RestoreDateTime must be between %s and %s",
			lo.Format(time.RFC3339), hi.Format(time.RFC3339)))
	}
	out, err := db.restoreInto(src.def(), in.TargetTableName, in.BillingModeOverride, p.itemsAt(at))
	if err != nil {
		return nil, err
	}
	out.ext.restored = &RestoreSummary{SourceTableArn: db.arn(src), RestoreDateTime: epochSeconds(at)}
	return &RestoreOutput{TableDescription: db.describe(out)}, nil
}

func tableFromArn(arn string) string {
	for i := len(arn) - 1; i >= 0; i-- {
		if arn[i] == '/' {
			return arn[i+1:]
		}
	}
	return arn
}

// def rebuilds the CreateTable request that describes t's schema, indexes
// and capacity. Streams, TTL and PITR are not part of it: a restored table
// does not inherit them.
func (t *table) def() *CreateTableInput {
	in := &CreateTableInput{TableName: t.name, AttributeDefinitions: t.defs, KeySchema: t.schema}
	if t.onDemand {
		in.BillingMode = "PAY_PER_REQUEST"
	} else {
		pt := t.pt
		in.ProvisionedThroughput = &pt
	}
	for _, g := range t.gsis {
		d := GlobalSecondaryIndex{IndexName: g.name, KeySchema: g.schema, Projection: g.proj}
		if !t.onDemand {
			pt := g.pt
			d.ProvisionedThroughput = &pt
		}
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, d)
	}
	for _, l := range t.lsis {
		in.LocalSecondaryIndexes = append(in.LocalSecondaryIndexes, LocalSecondaryIndex{IndexName: l.name, KeySchema: l.schema, Projection: l.proj})
	}
	return in
}

// restoreInto creates table name from def and loads items without charging
// capacity, as restores and imports do.
func (db *DB) restoreInto(def *CreateTableInput, name, billing string, items []Item) (*table, error) {
	c := *def
	c.TableName = name
	c.StreamSpecification = nil
	switch billing {
	case "":
	case "PAY_PER_REQUEST":
		c.BillingMode, c.ProvisionedThroughput = billing, nil
		gs := make([]GlobalSecondaryIndex, len(c.GlobalSecondaryIndexes))
		for i, g := range c.GlobalSecondaryIndexes {
			g.ProvisionedThroughput = nil
			gs[i] = g
		}
		c.GlobalSecondaryIndexes = gs
	default:
		return nil, validationf("BillingModeOverride must be PAY_PER_REQUEST in the simulator")
	}
	if _, err := db.CreateTable(&c); err != nil {
		return nil, err
	}
	t := db.tables[name]
	db.loadItems(t, items)
	return t, nil
}

// loadItems stores items directly: no capacity, no condition.
func (db *DB) loadItems(t *table, items []Item) {
	for _, it := range items {
		p := t.plan(t.get(it), it, false)
		p.apply(db, false)
	}
}
