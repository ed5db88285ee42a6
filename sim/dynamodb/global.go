package dynamodb

import (
	"fmt"
	"regexp"
	"sort"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
)

// Global tables (version 2019.11.21, multi-Region eventual consistency,
// aws-facts ddb.global.mrec): every replica accepts writes; a write is
// copied to the other regions after Options.ReplicationLag on the shared
// clock; when two regions write the same item, the later write wins
// everywhere (last writer wins by write time, ties broken by region name).
// A replicated write is charged to the destination table's write capacity
// (replicated write units), which can crowd out that region's own writes,
// but it is never rejected: on AWS replication lags instead.

const (
	defaultReplicationLag = time.Second
	maxRegions            = 20
)

var regionRE = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-[0-9]$`)

// regionSet is the DBs that can see each other, one per region.
type regionSet struct {
	dbs map[string]*DB
}

// globalTable links the replicas of one table across regions.
type globalTable struct {
	name    string
	regions map[string]bool
	created time.Time
}

func (g *globalTable) regionNames() []string {
	out := make([]string, 0, len(g.regions))
	for r := range g.regions {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

type lwwEntry struct {
	at     time.Time
	region string
}

func (a lwwEntry) after(b lwwEntry) bool {
	if !a.at.Equal(b.at) {
		return a.at.After(b.at)
	}
	return a.region > b.region
}

// ReplicationStats counts what global-table replication did in one region.
type ReplicationStats struct {
	// Applied is replicated writes stored here.
	Applied int `json:"Applied"`
	// WriteUnits is the write capacity those writes consumed here.
	WriteUnits float64 `json:"ReplicatedWriteUnits"`
	// LostConflicts is replicated writes dropped because this region
	// already held a later write of the same item.
	LostConflicts int `json:"LostConflicts"`
}

// Region returns the DB of another region that shares this DB's clock and
// global tables, creating it empty on first use, as every AWS region
// exists whether or not it has tables.
func (db *DB) Region(name string) (*DB, error) {
	set := db.ext.regions
	if d := set.dbs[name]; d != nil {
		return d, nil
	}
	if !regionRE.MatchString(name) {
		return nil, validationf("Invalid region name: " + name)
	}
	if len(set.dbs) >= maxRegions {
		return nil, validationf(fmt.Sprintf("The simulator holds at most %d regions", maxRegions))
	}
	o := db.opts
	o.Region = name
	d := NewWithOptions(db.clk, o)
	d.ext.regions = set
	set.dbs[name] = d
	return d, nil
}

// RegionName is the region this DB stands for.
func (db *DB) RegionName() string { return db.opts.Region }

// ReplicationStats returns this region's replication counters.
func (db *DB) ReplicationStats() ReplicationStats { return db.ext.repl }

func (db *DB) lag() time.Duration {
	if db.opts.ReplicationLag > 0 {
		return db.opts.ReplicationLag
	}
	return defaultReplicationLag
}

// replicate sends a local write to every other replica after the lag.
func (db *DB) replicate(t *table, old, nu Item, now time.Time) {
	if db.ext.replaying {
		return
	}
	src := nu
	if src == nil {
		src = old
	}
	key := itemKey(t, src)
	stamp := lwwEntry{at: now, region: db.opts.Region}
	if t.ext.lww == nil {
		t.ext.lww = map[string]lwwEntry{}
	}
	t.ext.lww[key] = stamp
	keyItem := t.keyItem(src)
	for _, r := range t.ext.global.regionNames() {
		if r == db.opts.Region {
			continue
		}
		dst := db.ext.regions.dbs[r]
		name := t.name
		deliver := func() { dst.applyReplicated(name, keyItem, key, nu, stamp) }
		if s, ok := db.clk.(Scheduler); ok {
			s.After(db.lag(), deliver)
		} else {
			deliver() // a wall clock has no scheduler: replicate at once
		}
	}
}

// applyReplicated stores a write that arrived from another region unless
// this region holds a later one.
func (db *DB) applyReplicated(name string, keyItem Item, key string, nu Item, stamp lwwEntry) {
	t := db.tables[name]
	if t == nil || t.ext.global == nil {
		return // the replica was removed meanwhile
	}
	if cur, ok := t.ext.lww[key]; ok && cur.after(stamp) {
		db.ext.repl.LostConflicts++
		return
	}
	if t.ext.lww == nil {
		t.ext.lww = map[string]lwwEntry{}
	}
	t.ext.lww[key] = stamp
	old := t.get(keyItem)
	if old == nil && nu == nil {
		return
	}
	p := t.plan(old, nu, false)
	db.charge(p)
	db.ext.replaying = true
	p.apply(db, false)
	db.ext.replaying = false
	db.ext.repl.Applied++
	db.ext.repl.WriteUnits += p.use.total()
}

// ReplicaDescription is one replica of a global table.
type ReplicaDescription struct {
	RegionName    string `json:"RegionName"`
	ReplicaStatus string `json:"ReplicaStatus,omitempty"`
}

// ReplicationGroupUpdate adds or removes a replica in UpdateTable.
type ReplicationGroupUpdate struct {
	Create *ReplicaRegion `json:"Create,omitempty"`
	Delete *ReplicaRegion `json:"Delete,omitempty"`
}

// ReplicaRegion names a region.
type ReplicaRegion struct {
	RegionName string `json:"RegionName"`
}

// updateReplicas adds or removes replicas (UpdateTable ReplicaUpdates).
// A new replica starts as a copy of the table, as AWS backfills it.
func (db *DB) updateReplicas(t *table, ups []ReplicationGroupUpdate) error {
	if !t.onDemand {
		return validationf("Table write capacity should either be Pay-Per-Request or AutoScaled")
	}
	for _, u := range ups {
		switch {
		case u.Create != nil && u.Delete == nil:
			if err := db.addReplica(t, u.Create.RegionName); err != nil {
				return err
			}
		case u.Delete != nil && u.Create == nil:
			r := u.Delete.RegionName
			if t.ext.global == nil || !t.ext.global.regions[r] || r == db.opts.Region {
				return validationf("Cannot delete replica: region " + r + " is not a replica of table " + t.name)
			}
			dst := db.ext.regions.dbs[r]
			if rt := dst.tables[t.name]; rt != nil {
				dst.unlinkReplica(rt)
				delete(dst.tables, t.name)
			}
		default:
			return validationf("One or more parameter values were invalid: exactly one of Create or Delete is required in a ReplicaUpdate")
		}
	}
	return nil
}

func (db *DB) addReplica(t *table, region string) error {
	if region == db.opts.Region {
		return validationf("Cannot add replica in the same region as the table: " + region)
	}
	dst, err := db.Region(region)
	if err != nil {
		return err
	}
	if dst.tables[t.name] != nil {
		return validationf("Failed to create a new replica of table: " + t.name + " because a table with that name already exists in " + region)
	}
	g := t.ext.global
	if g == nil {
		g = &globalTable{name: t.name, regions: map[string]bool{db.opts.Region: true}, created: db.clk.Now()}
		t.ext.global = g
	}
	def := t.def()
	if t.stream != nil && t.stream.StreamEnabled {
		s := *t.stream
		def.StreamSpecification = &s
	}
	if _, err := dst.CreateTable(def); err != nil {
		return err
	}
	rt := dst.tables[t.name]
	var items []Item
	for _, gr := range t.st.order {
		for _, r := range gr.recs {
			items = append(items, r.item)
		}
	}
	dst.ext.replaying = true
	dst.loadItems(rt, items)
	dst.ext.replaying = false
	for k, v := range t.ext.lww {
		if rt.ext.lww == nil {
			rt.ext.lww = map[string]lwwEntry{}
		}
		rt.ext.lww[k] = v
	}
	g.regions[region] = true
	rt.ext.global = g
	return nil
}

// unlinkReplica takes a table out of its global table (DeleteTable, or a
// replica removal). A lone remaining replica becomes a plain table.
func (db *DB) unlinkReplica(t *table) {
	g := t.ext.global
	if g == nil {
		return
	}
	delete(g.regions, db.opts.Region)
	t.ext.global = nil
	if len(g.regions) == 1 {
		for r := range g.regions {
			if rt := db.ext.regions.dbs[r].tables[g.name]; rt != nil {
				rt.ext.global = nil
			}
		}
	}
}

// CreateGlobalTableInput is the legacy (2017.11.29) CreateGlobalTable
// request: it links existing, empty tables of the same name.
type CreateGlobalTableInput struct {
	GlobalTableName  string          `json:"GlobalTableName"`
	ReplicationGroup []ReplicaRegion `json:"ReplicationGroup"`
}

// GlobalTableDescription describes a global table.
type GlobalTableDescription struct {
	GlobalTableName   string               `json:"GlobalTableName"`
	GlobalTableArn    string               `json:"GlobalTableArn"`
	GlobalTableStatus string               `json:"GlobalTableStatus"`
	CreationDateTime  float64              `json:"CreationDateTime"`
	ReplicationGroup  []ReplicaDescription `json:"ReplicationGroup"`
}

// CreateGlobalTableOutput is the CreateGlobalTable response.
type CreateGlobalTableOutput struct {
	GlobalTableDescription GlobalTableDescription `json:"GlobalTableDescription"`
}

// CreateGlobalTable links same-named tables in several regions into one
// global table. Each must exist, be empty and have a stream with new and
// old images, as the legacy API requires.
func (db *DB) CreateGlobalTable(in *CreateGlobalTableInput) (*CreateGlobalTableOutput, error) {
	if err := checkTableName(in.GlobalTableName, "globalTableName"); err != nil {
		return nil, err
	}
	if len(in.ReplicationGroup) == 0 {
		return nil, validationf("ReplicationGroup must name at least one region")
	}
	var tabs []*table
	var dbs []*DB
	for _, r := range in.ReplicationGroup {
		d, err := db.Region(r.RegionName)
		if err != nil {
			return nil, err
		}
		t := d.tables[in.GlobalTableName]
		switch {
		case t == nil:
			return nil, apiErr(ErrTableNotFound, "Table not found: "+in.GlobalTableName+" in region "+r.RegionName)
		case t.ext.global != nil:
			return nil, apiErr("GlobalTableAlreadyExistsException", "Global table already exists: "+in.GlobalTableName)
		case t.st.count > 0:
			return nil, validationf("Table " + in.GlobalTableName + " in region " + r.RegionName + " is not empty")
		case t.stream == nil || !t.stream.StreamEnabled || t.stream.StreamViewType != "NEW_AND_OLD_IMAGES":
			return nil, validationf("Table " + in.GlobalTableName + " in region " + r.RegionName + " must have a stream with StreamViewType NEW_AND_OLD_IMAGES")
		}
		tabs, dbs = append(tabs, t), append(dbs, d)
	}
	g := &globalTable{name: in.GlobalTableName, regions: map[string]bool{}, created: db.clk.Now()}
	for i, t := range tabs {
		g.regions[dbs[i].opts.Region] = true
		t.ext.global = g
	}
	out := GlobalTableDescription{GlobalTableName: g.name, GlobalTableStatus: "ACTIVE", CreationDateTime: epochSeconds(g.created),
		GlobalTableArn: "arn:aws:dynamodb::" + db.opts.Account + ":global-table/" + g.name}
	for _, r := range g.regionNames() {
		out.ReplicationGroup = append(out.ReplicationGroup, ReplicaDescription{RegionName: r, ReplicaStatus: "ACTIVE"})
	}
	return &CreateGlobalTableOutput{GlobalTableDescription: out}, nil
}

// Global is a convenience for a global table spread over several regions
// on one clock: NewGlobal makes the DBs, Region picks one.
type Global struct {
	home *DB
}

// NewGlobal returns DBs for the given regions (the first is home) sharing
// clock c and options o, so tables can be replicated among them.
func NewGlobal(c clock.Clock, o Options, regions ...string) (*Global, error) {
	if len(regions) == 0 {
		return nil, validationf("NewGlobal needs at least one region")
	}
	o.Region = regions[0]
	home := NewWithOptions(c, o)
	for _, r := range regions[1:] {
		if _, err := home.Region(r); err != nil {
			return nil, err
		}
	}
	return &Global{home: home}, nil
}

// Region returns the DB of one region (nil if it is not part of g).
func (g *Global) Region(name string) *DB { return g.home.ext.regions.dbs[name] }

// Regions lists the regions, sorted.
func (g *Global) Regions() []string { return sortedNames(g.home.ext.regions.dbs) }

// CreateTable creates the table in the home region and replicas in every
// other region: the UpdateTable ReplicaUpdates path in one call.
func (g *Global) CreateTable(in *CreateTableInput) (*TableOutput, error) {
	if _, err := g.home.CreateTable(in); err != nil {
		return nil, err
	}
	var ups []ReplicationGroupUpdate
	for _, r := range g.Regions() {
		if r != g.home.opts.Region {
			ups = append(ups, ReplicationGroupUpdate{Create: &ReplicaRegion{RegionName: r}})
		}
	}
	return g.home.UpdateTable(&UpdateTableInput{TableName: in.TableName, ReplicaUpdates: ups})
}
