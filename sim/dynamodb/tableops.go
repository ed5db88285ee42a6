package dynamodb

import (
	"fmt"
	"sort"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func (db *DB) arn(t *table) string {
	return "arn:aws:dynamodb:" + db.opts.Region + ":" + db.opts.Account + ":table/" + t.name
}

func (db *DB) describe(t *table) TableDescription {
	d := TableDescription{
		TableName: t.name, TableStatus: "ACTIVE", TableArn: db.arn(t),
		TableId:              fmt.Sprintf("%08x-0000-4000-8000-%012x", token(attr.Str(t.name))>>32, token(attr.Str(t.name))&0xffffffffffff),
		CreationDateTime:     float64(t.created.UnixMilli()) / 1000,
		AttributeDefinitions: t.defs, KeySchema: t.schema,
		ItemCount: int64(t.st.count), TableSizeBytes: t.st.bytes,
		StreamSpecification: t.stream,
	}
	if t.onDemand {
		d.BillingModeSummary = &BillingModeSummary{BillingMode: "PAY_PER_REQUEST"}
		d.ProvisionedThroughput = &ProvisionedThroughputDescription{}
	} else {
		d.BillingModeSummary = &BillingModeSummary{BillingMode: "PROVISIONED"}
		d.ProvisionedThroughput = &ProvisionedThroughputDescription{ReadCapacityUnits: t.pt.ReadCapacityUnits, WriteCapacityUnits: t.pt.WriteCapacityUnits}
	}
	db.describeMore(t, &d)
	for _, ix := range t.gsis {
		id := IndexDescription{IndexName: ix.name, KeySchema: ix.schema, Projection: ix.proj, IndexStatus: "ACTIVE",
			ItemCount: int64(ix.st.count), IndexSizeBytes: ix.st.bytes, IndexArn: db.arn(t) + "/index/" + ix.name,
			ProvisionedThroughput: &ProvisionedThroughputDescription{ReadCapacityUnits: ix.pt.ReadCapacityUnits, WriteCapacityUnits: ix.pt.WriteCapacityUnits}}
		d.GlobalSecondaryIndexes = append(d.GlobalSecondaryIndexes, id)
	}
	for _, ix := range t.lsis {
		d.LocalSecondaryIndexes = append(d.LocalSecondaryIndexes, IndexDescription{IndexName: ix.name, KeySchema: ix.schema, Projection: ix.proj,
			ItemCount: int64(ix.st.count), IndexSizeBytes: ix.st.bytes, IndexArn: db.arn(t) + "/index/" + ix.name})
	}
	return d
}

// DescribeTable returns the table's description.
func (db *DB) DescribeTable(in *TableNameInput) (*DescribeTableOutput, error) {
	t, err := db.namedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	return &DescribeTableOutput{Table: db.describe(t)}, nil
}

// DeleteTable removes a table at once.
func (db *DB) DeleteTable(in *TableNameInput) (*TableOutput, error) {
	t, err := db.namedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	d := db.describe(t)
	d.TableStatus = "DELETING"
	db.unlinkReplica(t)
	delete(db.tables, t.name)
	return &TableOutput{TableDescription: d}, nil
}

// ListTables lists table names in order, 100 per page by default.
func (db *DB) ListTables(in *ListTablesInput) (*ListTablesOutput, error) {
	limit := in.Limit
	if limit == 0 {
		limit = 100
	}
	if limit < 1 || limit > 100 {
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100", limit))
	}
	var names []string
	for n := range db.tables {
		if n > in.ExclusiveStartTableName {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := &ListTablesOutput{TableNames: []string{}}
	if len(names) > limit {
		names = names[:limit]
		out.LastEvaluatedTableName = names[limit-1]
	}
	out.TableNames = append(out.TableNames, names...)
	return out, nil
}

// UpdateTable changes the billing mode or provisioned throughput. Partitions
// split to fit a higher throughput and never merge back.
func (db *DB) UpdateTable(in *UpdateTableInput) (*TableOutput, error) {
	t, err := db.namedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		// An index's throughput past the account bound is refused before
		// the index is looked up.
		if u.Update != nil && (u.Update.ProvisionedThroughput.ReadCapacityUnits > maxCapacityUnits || u.Update.ProvisionedThroughput.WriteCapacityUnits > maxCapacityUnits) {
			return nil, validationf("This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate")
		}
	}
	now := db.clk.Now()
	switch in.BillingMode {
	case "":
	case "PAY_PER_REQUEST":
		if in.ProvisionedThroughput != nil {
			return nil, invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
		// The previous peak of a table switched to on-demand counts as half
		// its provisioned throughput, so it keeps what it had at once.
		t.thr.switchToOnDemand(t.pt)
		t.onDemand, t.pt = true, ProvisionedThroughput{}
		for _, g := range t.gsis {
			g.thr.switchToOnDemand(g.pt)
			g.pt = ProvisionedThroughput{}
		}
	case "PROVISIONED":
		if in.ProvisionedThroughput == nil {
			return nil, invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		t.onDemand, t.thr.onDemand = false, false
		for _, g := range t.gsis {
			g.thr.onDemand = false
		}
	default:
		return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", in.BillingMode))
	}
	if in.ProvisionedThroughput != nil {
		if t.onDemand {
			return nil, validationf("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
		if err := checkPT(in.ProvisionedThroughput); err != nil {
			return nil, err
		}
		if cur, req := t.pt, *in.ProvisionedThroughput; in.BillingMode == "" && cur.ReadCapacityUnits == req.ReadCapacityUnits && cur.WriteCapacityUnits == req.WriteCapacityUnits {
			return nil, validationf(fmt.Sprintf("The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: %d. Requested ReadCapacityUnits: %d. Current WriteCapacityUnits provisioned for the table: %d. Requested WriteCapacityUnits: %d. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.", cur.ReadCapacityUnits, req.ReadCapacityUnits, cur.WriteCapacityUnits, req.WriteCapacityUnits))
		}
		t.pt = *in.ProvisionedThroughput
	}
	t.thr.setRates(now, float64(t.pt.ReadCapacityUnits), float64(t.pt.WriteCapacityUnits), t.st.bytes)
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Update == nil {
			continue
		}
		var g *index
		for _, x := range t.gsis {
			if x.name == u.Update.IndexName {
				g = x
			}
		}
		if g == nil {
			return nil, apiErr(ErrResourceNotFound, "Requested resource not found: Index: "+u.Update.IndexName+" not found for table: "+t.name)
		}
		if err := checkPT(&u.Update.ProvisionedThroughput); err != nil {
			return nil, err
		}
		g.pt = u.Update.ProvisionedThroughput
		g.thr.setRates(now, float64(g.pt.ReadCapacityUnits), float64(g.pt.WriteCapacityUnits), g.st.bytes)
	}
	if err := db.updateTableMore(t, in); err != nil {
		return nil, err
	}
	return &TableOutput{TableDescription: db.describe(t)}, nil
}
