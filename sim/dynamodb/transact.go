package dynamodb

import (
	"strings"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// TransactAction is one entry of TransactWriteItems: exactly one of the
// four is set. Each reuses the shape of the single-item request.
type TransactAction struct {
	ConditionCheck *UpdateItemInput `json:"ConditionCheck,omitempty"`
	Put            *PutItemInput    `json:"Put,omitempty"`
	Delete         *DeleteItemInput `json:"Delete,omitempty"`
	Update         *UpdateItemInput `json:"Update,omitempty"`
}

// TransactWriteItemsInput is the TransactWriteItems request.
type TransactWriteItemsInput struct {
	TransactItems          []TransactAction `json:"TransactItems"`
	ClientRequestToken     string           `json:"ClientRequestToken,omitempty"`
	ReturnConsumedCapacity string           `json:"ReturnConsumedCapacity,omitempty"`
}

// TransactWriteItemsOutput is the TransactWriteItems response.
type TransactWriteItemsOutput struct {
	ConsumedCapacity []ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// TransactGet is one entry of TransactGetItems.
type TransactGet struct {
	Get *GetItemInput `json:"Get"`
}

// TransactGetItemsInput is the TransactGetItems request.
type TransactGetItemsInput struct {
	TransactItems          []TransactGet `json:"TransactItems"`
	ReturnConsumedCapacity string        `json:"ReturnConsumedCapacity,omitempty"`
}

// ItemResponse is one entry of TransactGetItems' answer.
type ItemResponse struct {
	Item Item `json:"Item,omitempty"`
}

// TransactGetItemsOutput is the TransactGetItems response.
type TransactGetItemsOutput struct {
	Responses        []ItemResponse     `json:"Responses"`
	ConsumedCapacity []ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

type txStep struct {
	t       *table
	key     Item
	cond    parsedCondition
	nu      Item // new image; nil for delete
	check   bool // ConditionCheck: writes nothing
	rvFail  string
	plan    *writePlan
	applyFn func(old Item) (Item, error)
}

// TransactWriteItems applies up to 100 writes all or nothing. Every write
// costs twice the normal units. When any condition fails or any item is
// throttled, nothing is written and TransactionCanceledException lists a
// reason per action, in order.
func (db *DB) TransactWriteItems(in *TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if len(in.TransactItems) == 0 || len(in.TransactItems) > maxTransactItems {
		return nil, validationf("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100")
	}
	var steps []*txStep
	seen := map[string]bool{}
	for _, a := range in.TransactItems {
		s, err := db.txStep(a)
		if err != nil {
			return nil, err
		}
		ks := s.t.name + "\x00" + keyString(s.t, s.key)
		if seen[ks] {
			return nil, validationf("Transaction request cannot include multiple operations on one item")
		}
		seen[ks] = true
		steps = append(steps, s)
	}
	reasons := make([]CancellationReason, len(steps))
	failed := false
	for i, s := range steps {
		reasons[i] = CancellationReason{Code: "None"}
		old := s.t.get(s.key)
		nu := old
		if !s.check {
			var err error
			if nu, err = s.applyFn(old); err != nil {
				return nil, err
			}
		}
		s.plan = s.t.plan(old, nu, true)
		if s.check {
			s.plan.use.gsi, s.plan.use.lsi, s.plan.gsiParts = nil, nil, map[*index]int{}
		}
		if err := db.admit(s.plan); err != nil {
			reasons[i] = CancellationReason{Code: txThrottleCode(ErrorType(err)), Message: ErrorMessage(err)}
			failed = true
			continue
		}
		if !s.cond.ok(old) {
			reasons[i] = CancellationReason{Code: "ConditionalCheckFailed", Message: "The conditional request failed"}
			if s.rvFail == "ALL_OLD" {
				reasons[i].Item = old
			}
			failed = true
		}
	}
	if failed {
		codes := make([]string, len(reasons))
		for i, r := range reasons {
			codes[i] = r.Code
		}
		return nil, &TransactionError{
			APIError:            APIError{Type: ErrTransactionCancel, Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]"},
			CancellationReasons: reasons,
		}
	}
	uses := map[string]*usage{}
	for _, s := range steps {
		db.charge(s.plan)
		if !s.check && (s.plan.old != nil || s.plan.nu != nil) {
			s.plan.apply(db, false)
		}
		if uses[s.t.name] == nil {
			uses[s.t.name] = &usage{txn: true}
		}
		uses[s.t.name].add(s.plan.use)
	}
	return &TransactWriteItemsOutput{ConsumedCapacity: ccList(in.ReturnConsumedCapacity, uses)}, nil
}

func (db *DB) txStep(a TransactAction) (*txStep, error) {
	n := 0
	for _, set := range []bool{a.ConditionCheck != nil, a.Put != nil, a.Delete != nil, a.Update != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, validationf("TransactItems can only contain one of Check, Put, Update or Delete")
	}
	type common struct {
		table, cond, rvFail string
		names               map[string]string
		values              map[string]attr.Value
	}
	var c common
	s := &txStep{}
	switch {
	case a.ConditionCheck != nil:
		x := a.ConditionCheck
		c = common{x.TableName, x.ConditionExpression, x.ReturnValuesOnConditionCheckFailure, x.ExpressionAttributeNames, x.ExpressionAttributeValues}
		s.key, s.check = x.Key, true
		if x.ConditionExpression == "" {
			return nil, validationf("The ConditionExpression parameter is required for ConditionCheck")
		}
	case a.Put != nil:
		x := a.Put
		c = common{x.TableName, x.ConditionExpression, x.ReturnValuesOnConditionCheckFailure, x.ExpressionAttributeNames, x.ExpressionAttributeValues}
		s.key = x.Item
		item := x.Item.Clone()
		s.applyFn = func(Item) (Item, error) { return item, nil }
	case a.Delete != nil:
		x := a.Delete
		c = common{x.TableName, x.ConditionExpression, x.ReturnValuesOnConditionCheckFailure, x.ExpressionAttributeNames, x.ExpressionAttributeValues}
		s.key = x.Key
		s.applyFn = func(Item) (Item, error) { return nil, nil }
	case a.Update != nil:
		x := a.Update
		c = common{x.TableName, x.ConditionExpression, x.ReturnValuesOnConditionCheckFailure, x.ExpressionAttributeNames, x.ExpressionAttributeValues}
		s.key = x.Key
	}
	t, err := db.table(c.table)
	if err != nil {
		return nil, err
	}
	s.t, s.rvFail = t, c.rvFail
	if a.Put != nil {
		if err := t.checkItem(a.Put.Item); err != nil {
			return nil, err
		}
		s.key = t.keyItem(a.Put.Item)
	} else if err := t.checkKey(s.key); err != nil {
		return nil, err
	}
	ctx, err := newCtx(c.names, c.values)
	if err != nil {
		return nil, err
	}
	if a.Update != nil {
		if a.Update.UpdateExpression == "" {
			return nil, validationf("The UpdateExpression parameter is required for Update")
		}
		upd, err := expr.ParseUpdate(ctx, a.Update.UpdateExpression)
		if err != nil {
			return nil, err
		}
		for _, p := range upd.Paths() {
			if p.Top() == t.hash.name || (t.rng != nil && p.Top() == t.rng.name) {
				return nil, invalid("Cannot update attribute " + p.Top() + ". This attribute is part of the key")
			}
		}
		key := s.key
		s.applyFn = func(old Item) (Item, error) {
			base := old
			if base == nil {
				base = key.Clone()
			}
			nu, err := upd.Apply(base)
			if err != nil {
				return nil, err
			}
			return nu, t.checkItem(nu)
		}
	}
	if s.cond, err = parseCond(ctx, c.cond); err != nil {
		return nil, err
	}
	if err := ctx.CheckUnused(); err != nil {
		return nil, err
	}
	return s, nil
}

// TransactGetItems reads up to 100 items as one snapshot, at twice the
// strongly consistent price.
func (db *DB) TransactGetItems(in *TransactGetItemsInput) (*TransactGetItemsOutput, error) {
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, err
	}
	if len(in.TransactItems) == 0 || len(in.TransactItems) > maxTransactItems {
		return nil, validationf("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100")
	}
	type step struct {
		t    *table
		g    *GetItemInput
		proj []expr.Path
	}
	var steps []step
	for _, x := range in.TransactItems {
		if x.Get == nil {
			return nil, validationf("TransactItems can only contain Get")
		}
		t, err := db.table(x.Get.TableName)
		if err != nil {
			return nil, err
		}
		if err := t.checkKey(x.Get.Key); err != nil {
			return nil, err
		}
		ctx, err := newCtx(x.Get.ExpressionAttributeNames, nil)
		if err != nil {
			return nil, err
		}
		var proj []expr.Path
		if x.Get.ProjectionExpression != "" {
			if proj, err = expr.ParseProjection(ctx, x.Get.ProjectionExpression); err != nil {
				return nil, err
			}
		}
		if err := ctx.CheckUnused(); err != nil {
			return nil, err
		}
		steps = append(steps, step{t, x.Get, proj})
	}
	now := db.clk.Now()
	reasons := make([]CancellationReason, len(steps))
	units := make([]float64, len(steps))
	failed := false
	for i, s := range steps {
		reasons[i] = CancellationReason{Code: "None"}
		size := 0
		if it := s.t.get(s.g.Key); it != nil {
			size = it.Size()
		}
		units[i] = ReadUnits(size, true, true)
		if v := s.t.thr.check(now, true, s.t.thr.partition(token(s.g.Key[s.t.hash.name])), units[i]); !v.ok() {
			reasons[i] = CancellationReason{Code: txThrottleCode(v.exc), Message: ErrorMessage(throttleErr(v, db.arn(s.t), false, true))}
			failed = true
		}
	}
	if failed {
		codes := make([]string, len(reasons))
		for i, r := range reasons {
			codes[i] = r.Code
		}
		return nil, &TransactionError{APIError: APIError{Type: ErrTransactionCancel,
			Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]"}, CancellationReasons: reasons}
	}
	out := &TransactGetItemsOutput{Responses: make([]ItemResponse, len(steps))}
	uses := map[string]*usage{}
	for i, s := range steps {
		s.t.thr.charge(now, true, s.t.thr.partition(token(s.g.Key[s.t.hash.name])), units[i])
		if uses[s.t.name] == nil {
			uses[s.t.name] = &usage{read: true, txn: true}
		}
		uses[s.t.name].table += units[i]
		if it := s.t.get(s.g.Key); it != nil {
			if s.proj != nil {
				it = expr.Project(it, s.proj)
			}
			out.Responses[i].Item = it
		}
	}
	out.ConsumedCapacity = ccList(in.ReturnConsumedCapacity, uses)
	return out, nil
}

// txThrottleCode maps a throttling exception to its cancellation code.
func txThrottleCode(exc string) string {
	if exc == ErrProvisioned {
		return "ProvisionedThroughputExceeded"
	}
	return "ThrottlingError"
}
