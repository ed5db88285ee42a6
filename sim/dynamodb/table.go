package dynamodb

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// Options tune the simulation.
type Options struct {
	// AdaptiveCapacity lets a hot partition borrow the table's unused
	// capacity up to the partition ceiling. New turns it on.
	AdaptiveCapacity bool
	// Region and Account appear in ARNs.
	Region, Account string
	// S3Root is the folder that stands in for S3: bucket "b" is the
	// directory S3Root/b. Export and import need it; empty turns them off.
	S3Root string
	// ReplicationLag is how long a global table takes to copy a write to
	// its other regions (default 1 s, ddb.global.mrec: usually under a second).
	ReplicationLag time.Duration
	// NoThrottling turns throttling off, as in DynamoDB Local: consumed
	// capacity is still computed and reported, but no request is refused
	// for it. For using the endpoint as a local DynamoDB in a test suite.
	NoThrottling bool
	// LessonBurst starts a new provisioned table with one second of tokens
	// instead of its full 300 s burst credit, so a lesson's throttle shows
	// at once. New sets it; the --serve and --api endpoints do not.
	LessonBurst bool
}

// DB is an in-memory DynamoDB. It is not safe for concurrent use: the
// simulator drives it from one goroutine, on its virtual clock.
type DB struct {
	clk    clock.Clock
	opts   Options
	tables map[string]*table
	// collectionLimit is the LSI item-collection cap (10 GB, ServiceQuotas);
	// a field so tests can lower it.
	collectionLimit int64
	// ext holds backups, and the other regions this DB can reach.
	ext *dbExt
}

// New returns an empty DB on clock c with default options.
func New(c clock.Clock) *DB {
	return NewWithOptions(c, Options{AdaptiveCapacity: true, LessonBurst: true})
}

// NewWithOptions returns an empty DB with the given options.
func NewWithOptions(c clock.Clock, o Options) *DB {
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.Account == "" {
		o.Account = "123456789012"
	}
	db := &DB{clk: c, opts: o, tables: map[string]*table{}, collectionLimit: 10 << 30}
	db.ext = newDBExt(db)
	return db
}

// Clock returns the DB's clock.
func (db *DB) Clock() clock.Clock { return db.clk }

type keyDef struct {
	name string
	typ  attr.Type
}

type index struct {
	name   string
	global bool
	hash   keyDef
	rng    *keyDef
	proj   Projection
	st     *store
	pt     ProvisionedThroughput
	thr    *throughput // GSIs only
	schema []KeySchemaElement
}

type table struct {
	tags      []Tag
	name      string
	created   time.Time
	hash      keyDef
	rng       *keyDef
	defs      []AttributeDefinition
	schema    []KeySchemaElement
	onDemand  bool
	pt        ProvisionedThroughput
	st        *store
	gsis      []*index
	lsis      []*index
	thr       *throughput
	ttlAttr   string
	ttlOn     bool
	stream    *StreamSpecification
	streamLog []StreamRecord
	streamSeq int64
	// ext holds PITR history, stream shards and global-table links.
	ext tableExt
}

var tableNameRE = regexp.MustCompile(`^[a-zA-Z0-9_.-]+$`)

func checkTableName(name, field string) error {
	var errs []string
	if len(name) < 3 {
		errs = append(errs, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to 3", name, field))
	}
	if len(name) > 255 {
		errs = append(errs, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to 255", name, field))
	}
	if !tableNameRE.MatchString(name) {
		errs = append(errs, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", name, field))
	}
	if len(errs) == 0 {
		return nil
	}
	s := "s"
	if len(errs) == 1 {
		s = ""
	}
	return validationf(fmt.Sprintf("%d validation error%s detected: %s", len(errs), s, strings.Join(errs, "; ")))
}

func (db *DB) table(name string) (*table, error) {
	if name == "" {
		return nil, validationf("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	}
	t := db.tables[name]
	if t == nil {
		return nil, notFound()
	}
	return t, nil
}

func parseSchema(ks []KeySchemaElement, types map[string]attr.Type) (keyDef, *keyDef, error) {
	if len(ks) == 0 || len(ks) > 2 || ks[0].KeyType != "HASH" || (len(ks) == 2 && ks[1].KeyType != "RANGE") {
		return keyDef{}, nil, validationf("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
	}
	var names []string
	for _, k := range ks {
		if _, ok := types[k.AttributeName]; !ok {
			names = append(names, k.AttributeName)
		}
	}
	if len(names) > 0 {
		var defs []string
		for n := range types {
			defs = append(defs, n)
		}
		sort.Strings(defs)
		return keyDef{}, nil, invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [" + strings.Join(names, ", ") + "], AttributeDefinitions: [" + strings.Join(defs, ", ") + "]")
	}
	h := keyDef{ks[0].AttributeName, types[ks[0].AttributeName]}
	if len(ks) == 2 {
		if ks[1].AttributeName == ks[0].AttributeName {
			return keyDef{}, nil, invalid("Both the Hash Key and the Range Key element in the KeySchema have the same name")
		}
		return h, &keyDef{ks[1].AttributeName, types[ks[1].AttributeName]}, nil
	}
	return h, nil, nil
}

func checkProjection(p Projection) error {
	switch p.ProjectionType {
	case "ALL", "KEYS_ONLY":
		if len(p.NonKeyAttributes) > 0 {
			return invalid("ProjectionType is " + p.ProjectionType + ", but NonKeyAttributes is specified")
		}
	case "INCLUDE":
		if len(p.NonKeyAttributes) == 0 {
			return invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
		}
	default:
		return invalid("Unknown ProjectionType: " + p.ProjectionType)
	}
	return nil
}

func checkPT(pt *ProvisionedThroughput) error {
	switch {
	case pt.ReadCapacityUnits < 1:
		return validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1", pt.ReadCapacityUnits))
	case pt.WriteCapacityUnits < 1:
		return validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1", pt.WriteCapacityUnits))
	}
	return nil
}

// CreateTable creates a table, ACTIVE at once (the sim skips CREATING).
func (db *DB) CreateTable(in *CreateTableInput) (*TableOutput, error) {
	if err := checkTableName(in.TableName, "tableName"); err != nil {
		return nil, err
	}
	if _, ok := db.tables[in.TableName]; ok {
		return nil, apiErr(ErrResourceInUse, "Table already exists: "+in.TableName)
	}
	types := map[string]attr.Type{}
	for _, d := range in.AttributeDefinitions {
		t := attr.Type(d.AttributeType)
		if !attr.IsScalarKeyType(t) {
			return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]", d.AttributeType))
		}
		types[d.AttributeName] = t
	}
	h, r, err := parseSchema(in.KeySchema, types)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{h.name: true}
	if r != nil {
		used[r.name] = true
	}
	mode := in.BillingMode
	if mode == "" {
		mode = "PROVISIONED"
	}
	switch mode {
	case "PROVISIONED":
		if in.ProvisionedThroughput == nil {
			return nil, invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		if err := checkPT(in.ProvisionedThroughput); err != nil {
			return nil, err
		}
	case "PAY_PER_REQUEST":
		if in.ProvisionedThroughput != nil {
			return nil, invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
	default:
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", mode))
	}
	now := db.clk.Now()
	t := &table{name: in.TableName, created: now, hash: h, rng: r, defs: in.AttributeDefinitions,
		schema: in.KeySchema, onDemand: mode == "PAY_PER_REQUEST", st: newStore(), stream: in.StreamSpecification}
	if in.ProvisionedThroughput != nil {
		t.pt = *in.ProvisionedThroughput
	}
	if len(in.LocalSecondaryIndexes) > 5 {
		return nil, invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5")
	}
	if len(in.GlobalSecondaryIndexes) > 20 {
		return nil, validationf("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20")
	}
	if err := checkIndexNames(in); err != nil {
		return nil, err
	}
	if r == nil && len(in.LocalSecondaryIndexes) > 0 {
		return nil, invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
	}
	names := map[string]bool{}
	for _, g := range in.GlobalSecondaryIndexes {
		ih, ir, err := parseSchema(g.KeySchema, types)
		if err != nil {
			return nil, err
		}
		if err := checkProjection(g.Projection); err != nil {
			return nil, err
		}
		if names[g.IndexName] {
			return nil, invalid("Duplicate index name: " + g.IndexName)
		}
		names[g.IndexName] = true
		ix := &index{name: g.IndexName, global: true, hash: ih, rng: ir, proj: g.Projection, st: newStore(), schema: g.KeySchema}
		switch {
		case t.onDemand && g.ProvisionedThroughput != nil:
			return nil, invalid("ProvisionedThroughput should not be specified for index: " + g.IndexName + " when BillingMode is PAY_PER_REQUEST")
		case !t.onDemand && g.ProvisionedThroughput == nil:
			return nil, invalid("ProvisionedThroughput must be specified for index: " + g.IndexName)
		case g.ProvisionedThroughput != nil:
			if err := checkPT(g.ProvisionedThroughput); err != nil {
				return nil, err
			}
			ix.pt = *g.ProvisionedThroughput
		}
		ix.thr = newThroughput(now, db.opts, t.onDemand, float64(ix.pt.ReadCapacityUnits), float64(ix.pt.WriteCapacityUnits))
		used[ih.name] = true
		if ir != nil {
			used[ir.name] = true
		}
		t.gsis = append(t.gsis, ix)
	}
	for _, l := range in.LocalSecondaryIndexes {
		ih, ir, err := parseSchema(l.KeySchema, types)
		if err != nil {
			return nil, err
		}
		if r == nil {
			return nil, invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
		}
		if ih.name != h.name || ir == nil {
			return nil, invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: " + l.IndexName + ". index hash key: " + ih.name + ", table hash key: " + h.name)
		}
		if err := checkProjection(l.Projection); err != nil {
			return nil, err
		}
		if names[l.IndexName] {
			return nil, invalid("Duplicate index name: " + l.IndexName)
		}
		names[l.IndexName] = true
		used[ir.name] = true
		t.lsis = append(t.lsis, &index{name: l.IndexName, hash: ih, rng: ir, proj: l.Projection, st: newStore(), schema: l.KeySchema})
	}
	if len(used) != len(types) {
		return nil, invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}
	t.thr = newThroughput(now, db.opts, t.onDemand, float64(t.pt.ReadCapacityUnits), float64(t.pt.WriteCapacityUnits))
	if err := db.initStream(t, in.StreamSpecification); err != nil {
		return nil, err
	}
	db.tables[t.name] = t
	return &TableOutput{TableDescription: db.describe(t)}, nil
}
