package dynamodb

import (
	"fmt"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// Key size limits (ServiceQuotas): partition key 2,048 bytes, sort key 1,024.
const (
	maxHashKeyBytes  = 2048
	maxRangeKeyBytes = 1024
)

func checkReturnValues(rv string, allowed ...string) error {
	switch rv {
	case "":
		return nil
	case "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW":
	default:
		return validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", rv))
	}
	for _, a := range allowed {
		if rv == a {
			return nil
		}
	}
	return validationf("Return values set to invalid value")
}

func checkRCC(mode string) error {
	switch mode {
	case "", "NONE", "TOTAL", "INDEXES":
		return nil
	}
	return validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]", mode))
}

// parsedCondition is a condition parsed once and evaluated later.
type parsedCondition struct{ c expr.Cond }

func (pc parsedCondition) ok(item Item) bool { return pc.c == nil || expr.Eval(pc.c, item) }

func parseCond(ctx *expr.Context, src string) (parsedCondition, error) {
	if src == "" {
		return parsedCondition{}, nil
	}
	c, err := expr.ParseCondition(ctx, expr.KindCondition, src)
	return parsedCondition{c}, err
}

// PutItem writes a whole item, replacing any item with the same key.
func (db *DB) PutItem(in *PutItemInput) (*ItemOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	if in.Item == nil {
		return nil, validationf("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null")
	}
	if err := checkReturnValues(in.ReturnValues, "NONE", "ALL_OLD"); err != nil {
		return nil, err
	}
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := t.checkItem(in.Item); err != nil {
		return nil, err
	}
	cond, err := parseCondOnly(in.ExpressionAttributeNames, in.ExpressionAttributeValues, in.ConditionExpression)
	if err != nil {
		return nil, err
	}
	old := t.get(in.Item)
	nu := in.Item.Clone()
	return db.finishWrite(t, old, nu, cond, in.ReturnValues, in.ReturnConsumedCapacity, in.ReturnValuesOnConditionCheckFailure, nil)
}

// finishWrite runs the shared tail of Put, Update and Delete: throttling,
// the condition, capacity, storing, and the response.
func (db *DB) finishWrite(t *table, old, nu Item, cond parsedCondition, rv, rcc, rvFail string, paths []expr.Path) (*ItemOutput, error) {
	p := t.plan(old, nu, false)
	if err := db.admit(p); err != nil {
		return nil, err
	}
	if len(t.lsis) > 0 && nu != nil && p.collectionSize() > db.collectionLimit {
		return nil, apiErr(ErrItemCollectionSize, "Item collection size limit exceeded")
	}
	if !cond.ok(old) {
		// A failed condition still costs the write of the existing item.
		fail := t.plan(old, old, false)
		fail.use.gsi, fail.use.lsi, fail.gsiParts = nil, nil, map[*index]int{}
		if old == nil {
			fail.use.table = 1
		}
		db.charge(fail)
		e := conditionFailed(nil)
		if rvFail == "ALL_OLD" {
			e.Item = old
		}
		return nil, e
	}
	db.charge(p)
	p.apply(db, false)
	out := &ItemOutput{ConsumedCapacity: consumed(t.name, rcc, p.use)}
	switch rv {
	case "ALL_OLD":
		out.Attributes = old
	case "ALL_NEW":
		out.Attributes = nu
	case "UPDATED_OLD":
		out.Attributes = expr.Project(old, paths)
	case "UPDATED_NEW":
		out.Attributes = expr.Project(nu, paths)
	}
	if len(out.Attributes) == 0 {
		out.Attributes = nil
	}
	return out, nil
}

// newCtx rejects empty placeholder maps, as AWS does before parsing.
// parseCondOnly reads the expression maps and a condition, then checks
// that every name and value placeholder was used: what PutItem and
// DeleteItem take.
func parseCondOnly(names map[string]string, values map[string]attr.Value, src string) (parsedCondition, error) {
	ctx, err := newCtx(names, values)
	if err != nil {
		return parsedCondition{}, err
	}
	cond, err := parseCond(ctx, src)
	if err != nil {
		return parsedCondition{}, err
	}
	return cond, ctx.CheckUnused()
}

func newCtx(names map[string]string, values map[string]attr.Value) (*expr.Context, error) {
	if names != nil && len(names) == 0 {
		return nil, validationf("ExpressionAttributeNames must not be empty")
	}
	if values != nil && len(values) == 0 {
		return nil, validationf("ExpressionAttributeValues must not be empty")
	}
	return expr.NewContext(names, values), nil
}

// GetItem reads one item, strongly or eventually consistent. A miss still
// costs the minimum read.
func (db *DB) GetItem(in *GetItemInput) (*GetItemOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := t.checkKey(in.Key); err != nil {
		return nil, err
	}
	var proj []expr.Path
	if in.ExpressionAttributeNames != nil || in.ProjectionExpression != "" {
		// without either there is nothing to parse or to leave unused
		ctx, err := newCtx(in.ExpressionAttributeNames, nil)
		if err != nil {
			return nil, err
		}
		if in.ProjectionExpression != "" {
			if proj, err = expr.ParseProjection(ctx, in.ProjectionExpression); err != nil {
				return nil, err
			}
		}
		if err := ctx.CheckUnused(); err != nil {
			return nil, err
		}
		if err := checkKeyPaths(t, proj); err != nil {
			return nil, err
		}
	}
	item, size := t.getSized(in.Key)
	u := usage{table: ReadUnits(size, in.ConsistentRead, false), read: true}
	now := db.clk.Now()
	part := t.thr.partition(token(in.Key[t.hash.name]))
	if v := t.thr.check(now, true, part, u.table); !v.ok() {
		return nil, throttleErr(v, db.arn(t), false, true)
	}
	t.thr.charge(now, true, part, u.table)
	out := &GetItemOutput{ConsumedCapacity: consumed(t.name, in.ReturnConsumedCapacity, u)}
	if item != nil {
		if proj != nil {
			item = expr.Project(item, proj)
		}
		out.Item = item
	}
	return out, nil
}

// UpdateItem edits (or creates) one item with an UpdateExpression.
func (db *DB) UpdateItem(in *UpdateItemInput) (*ItemOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	if err := checkReturnValues(in.ReturnValues, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"); err != nil {
		return nil, err
	}
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := t.checkKey(in.Key); err != nil {
		return nil, err
	}
	ctx, err := newCtx(in.ExpressionAttributeNames, in.ExpressionAttributeValues)
	if err != nil {
		return nil, err
	}
	var upd *expr.Update
	if in.UpdateExpression != "" {
		if upd, err = expr.ParseUpdate(ctx, in.UpdateExpression); err != nil {
			return nil, err
		}
	}
	cond, err := parseCond(ctx, in.ConditionExpression)
	if err != nil {
		return nil, err
	}
	if err := ctx.CheckUnused(); err != nil {
		return nil, err
	}
	var paths []expr.Path
	if upd != nil {
		paths = upd.Paths()
		if err := checkUpdateKeys(t, upd); err != nil {
			return nil, err
		}
	}
	old := t.get(in.Key)
	base := old
	if base == nil {
		base = in.Key.Clone()
	}
	nu := base.Clone()
	if upd != nil && cond.ok(old) {
		if nu, err = upd.Apply(base); err != nil {
			if in.FromAttributeUpdates && ErrorMessage(err) == "An operand in the update expression has an incorrect data type" {
				return nil, validationf("Type mismatch for attribute to update")
			}
			return nil, err
		}
		if err := checkIndexKeyTypes(t, upd, nu); err != nil {
			return nil, err
		}
		if nu.Size() > attr.MaxItemBytes {
			return nil, validationf("Item size to update has exceeded the maximum allowed size")
		}
		if err := t.checkItem(nu); err != nil {
			return nil, err
		}
	}
	return db.finishWrite(t, old, nu, cond, in.ReturnValues, in.ReturnConsumedCapacity, in.ReturnValuesOnConditionCheckFailure, paths)
}

// DeleteItem removes one item (a miss still costs one write unit).
func (db *DB) DeleteItem(in *DeleteItemInput) (*ItemOutput, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return nil, err
	}
	if err := checkReturnValues(in.ReturnValues, "NONE", "ALL_OLD"); err != nil {
		return nil, err
	}
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if err := t.checkKey(in.Key); err != nil {
		return nil, err
	}
	cond, err := parseCondOnly(in.ExpressionAttributeNames, in.ExpressionAttributeValues, in.ConditionExpression)
	if err != nil {
		return nil, err
	}
	old := t.get(in.Key)
	if old == nil {
		// Nothing to delete: charge the minimum write on the key's partition.
		p := &writePlan{t: t, use: usage{table: 1}, hashTok: token(in.Key[t.hash.name]), gsiParts: map[*index]int{}}
		if err := db.admit(p); err != nil {
			return nil, err
		}
		db.charge(p)
		if !cond.ok(nil) {
			return nil, conditionFailed(nil)
		}
		return &ItemOutput{ConsumedCapacity: consumed(t.name, in.ReturnConsumedCapacity, p.use)}, nil
	}
	return db.finishWrite(t, old, nil, cond, in.ReturnValues, in.ReturnConsumedCapacity, in.ReturnValuesOnConditionCheckFailure, nil)
}

// checkUpdateKeys checks an update against the key schema, in DynamoDB's
// order: no action on a table key attribute, then no value of the wrong
// type for an index key, then no nested path into any key attribute.
func checkUpdateKeys(t *table, upd *expr.Update) error {
	for _, kd := range []*keyDef{&t.hash, t.rng} {
		if kd == nil {
			continue
		}
		for _, a := range upd.Actions {
			if a.Path.Top() == kd.name {
				return invalid("Cannot update attribute " + kd.name + ". This attribute is part of the key")
			}
		}
	}
	for _, ixs := range [][]*index{t.gsis, t.lsis} {
		for _, ix := range ixs {
			for _, kd := range []*keyDef{&ix.hash, ix.rng} {
				if kd == nil {
					continue
				}
				for _, a := range upd.Actions {
					if len(a.Path) != 1 || a.Path.Top() != kd.name {
						continue
					}
					typ, ok := updateValueType(a)
					if ok && typ != kd.typ {
						return invalid(fmt.Sprintf("Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s", kd.name, kd.typ, typ, ix.name))
					}
					break
				}
			}
		}
	}
	return checkKeyPaths(t, upd.AllPaths())
}

// updateValueType is the type an action writes when the expression alone
// tells it: a plain value, or a number from arithmetic.
func updateValueType(a expr.Action) (attr.Type, bool) {
	switch v := a.Value.(type) {
	case expr.ValueOperand:
		return v.Value.T, true
	case expr.Arith:
		return attr.TN, true
	}
	return "", false
}

// checkIndexKeyTypes refuses an update whose SET gives an index key
// attribute a value of another type than the index's key.
func checkIndexKeyTypes(t *table, upd *expr.Update, nu Item) error {
	for _, a := range upd.Actions {
		if a.Kind != "SET" || len(a.Path) != 1 {
			continue
		}
		for _, ixs := range [][]*index{t.gsis, t.lsis} {
			for _, ix := range ixs {
				for _, kd := range []*keyDef{&ix.hash, ix.rng} {
					if kd != nil && kd.name == a.Path.Top() && nu[kd.name].T != kd.typ {
						return validationf("The update expression attempted to update the secondary index key to unsupported type")
					}
				}
			}
		}
	}
	return nil
}
