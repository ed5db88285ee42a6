package dynamodb

import (
	"fmt"
	"sort"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
	"github.com/saa-study/saa-study/sim/dynamodb/expr"
)

// pageBytes is the 1 MB a single Query or Scan reads before it stops and
// returns LastEvaluatedKey.
const pageBytes = 1 << 20

// source is what a Query or Scan reads: the table itself or one index.
type source struct {
	t  *table
	ix *index
	st *store
}

func (s source) hashName() string {
	if s.ix != nil {
		return s.ix.hash.name
	}
	return s.t.hash.name
}

func (s source) rng() *keyDef {
	if s.ix != nil {
		return s.ix.rng
	}
	return s.t.rng
}

// startKey turns an ExclusiveStartKey into the store's (hash, sort) position.
func (s source) startKey(k Item) (attr.Value, []attr.Value, error) {
	bad := validationf("The provided starting key is invalid: The provided key element does not match the schema")
	need := []keyDef{s.t.hash}
	if s.t.rng != nil {
		need = append(need, *s.t.rng)
	}
	if s.ix != nil {
		need = append(need, s.ix.hash)
		if s.ix.rng != nil {
			need = append(need, *s.ix.rng)
		}
	}
	for _, kd := range need {
		if v, ok := k[kd.name]; !ok || v.T != kd.typ {
			return attr.Value{}, nil, bad
		}
	}
	if s.ix == nil {
		h, sk := s.t.keyOf(k)
		return h, sk, nil
	}
	h, r := s.ix.record(s.t, k)
	return h, r.sort, nil
}

func (s source) lastKey(item Item) Item {
	k := s.t.keyItem(item)
	if s.ix != nil {
		k[s.ix.hash.name] = item[s.ix.hash.name]
		if s.ix.rng != nil {
			k[s.ix.rng.name] = item[s.ix.rng.name]
		}
	}
	return k
}

func (db *DB) source(in *QueryInput) (source, error) {
	t, err := db.table(in.TableName)
	if err != nil {
		return source{}, err
	}
	if in.IndexName == "" {
		return source{t: t, st: t.st}, nil
	}
	for _, ix := range t.gsis {
		if ix.name == in.IndexName {
			if in.ConsistentRead {
				return source{}, validationf("Consistent reads are not supported on global secondary indexes")
			}
			return source{t: t, ix: ix, st: ix.st}, nil
		}
	}
	for _, ix := range t.lsis {
		if ix.name == in.IndexName {
			return source{t: t, ix: ix, st: ix.st}, nil
		}
	}
	return source{}, validationf("The table does not have the specified index: " + in.IndexName)
}

// readPlan is the shared body of Query and Scan once the source is known.
type readPlan struct {
	src    source
	filter expr.Cond
	proj   []expr.Path
	in     *QueryInput
	out    *QueryOutput
	bytes  int // billed bytes read, for the capacity charged
	page   int // bytes counted toward the 1 MB page
	done   bool
}

func (db *DB) prepareRead(in *QueryInput, kind string) (*readPlan, *expr.Context, error) {
	src, err := db.source(in)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRCC(in.ReturnConsumedCapacity); err != nil {
		return nil, nil, err
	}
	if in.Limit < 0 || in.limitZero {
		return nil, nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1", in.Limit))
	}
	switch in.Select {
	case "", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES":
	default:
		return nil, nil, validationf(fmt.Sprintf("1 validation error detected: Value '%s' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]", in.Select))
	}
	if in.Select == "SPECIFIC_ATTRIBUTES" && in.ProjectionExpression == "" {
		return nil, nil, validationf("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
	}
	if in.Select != "" && in.Select != "SPECIFIC_ATTRIBUTES" && in.ProjectionExpression != "" {
		return nil, nil, validationf("Cannot specify the ProjectionExpression when choosing to get " + in.Select)
	}
	ctx, err := newCtx(in.ExpressionAttributeNames, in.ExpressionAttributeValues)
	if err != nil {
		return nil, nil, err
	}
	rp := &readPlan{src: src, in: in, out: &QueryOutput{}}
	return rp, ctx, nil
}

func (rp *readPlan) parseRest(ctx *expr.Context) error {
	var err error
	if rp.in.FilterExpression != "" {
		if rp.filter, err = expr.ParseCondition(ctx, expr.KindFilter, rp.in.FilterExpression); err != nil {
			return err
		}
	}
	if rp.in.ProjectionExpression != "" {
		if rp.proj, err = expr.ParseProjection(ctx, rp.in.ProjectionExpression); err != nil {
			return err
		}
	}
	return ctx.CheckUnused()
}

// visit reads one record: Limit counts items read before the filter, the
// 1 MB page counts their bytes, and only matching items are returned.
func (rp *readPlan) visit(r *record) {
	rp.out.ScannedCount++
	rp.bytes += r.size
	rk := ""
	if rp.src.t.rng != nil {
		rk = rp.src.t.rng.name
	}
	rp.page += attr.PageSize(r.item, rk)
	if rp.filter == nil || expr.Eval(rp.filter, r.item) {
		rp.out.Count++
		if rp.in.Select != "COUNT" {
			it := r.item
			if rp.proj != nil {
				it = expr.Project(it, rp.proj)
			}
			rp.out.Items = append(rp.out.Items, it)
		}
	}
	if (rp.in.Limit > 0 && rp.out.ScannedCount >= rp.in.Limit) || rp.page >= pageBytes {
		rp.done = true
		rp.out.LastEvaluatedKey = rp.src.lastKey(r.item)
	}
}

// finish charges the read, rounded once over all bytes read.
func (db *DB) finishRead(rp *readPlan, tok uint64) (*QueryOutput, error) {
	consistent := rp.in.ConsistentRead
	units := ReadUnits(rp.bytes, consistent, false)
	now := db.clk.Now()
	thr := rp.src.t.thr
	u := usage{read: true}
	if rp.src.ix != nil && rp.src.ix.global {
		thr = rp.src.ix.thr
		u.gsi = map[string]float64{rp.src.ix.name: units}
	} else if rp.src.ix != nil {
		u.lsi = map[string]float64{rp.src.ix.name: units}
	} else {
		u.table = units
	}
	part := thr.partition(tok)
	if v := thr.check(now, true, part, units); !v.ok() {
		arn := db.arn(rp.src.t)
		if rp.src.ix != nil {
			arn += "/index/" + rp.src.ix.name
		}
		return nil, throttleErr(v, arn, rp.src.ix != nil && rp.src.ix.global, true)
	}
	thr.charge(now, true, part, units)
	rp.out.ConsumedCapacity = consumed(rp.src.t.name, rp.in.ReturnConsumedCapacity, u)
	if rp.out.Items == nil && rp.in.Select != "COUNT" {
		rp.out.Items = []Item{}
	}
	return rp.out, nil
}

// Query reads the items of one partition key value, in sort key order
// (or reversed with ScanIndexForward false).
func (db *DB) Query(in *QueryInput) (*QueryOutput, error) {
	rp, ctx, err := db.prepareRead(in, "Query")
	if err != nil {
		return nil, err
	}
	conds := map[string]expr.KeyPart{}
	switch {
	case in.KeyConditions != nil:
		for name, c := range in.KeyConditions {
			conds[name] = expr.KeyPart{Name: name, Op: c.ComparisonOperator, Values: c.AttributeValueList}
		}
	case in.KeyConditionExpression != "":
		parts, err := expr.ParseKeyCondition(ctx, in.KeyConditionExpression)
		if err != nil {
			return nil, err
		}
		for _, p := range parts {
			conds[p.Name] = p
		}
	default:
		return nil, validationf("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
	}
	if err := rp.parseRest(ctx); err != nil {
		return nil, err
	}
	src := rp.src
	if err := src.checkKeyConditions(conds, in.ExclusiveStartKey); err != nil {
		return nil, err
	}
	hp := conds[src.hashName()]
	hashPart := &hp
	var rangePart *expr.KeyPart
	if r := src.rng(); r != nil {
		if rp, ok := conds[r.name]; ok {
			rangePart = &rp
		}
	}
	if esk := in.ExclusiveStartKey; esk != nil {
		if err := src.t.checkKey(src.t.keyItem(esk)); err != nil {
			return nil, validationf("The provided starting key is invalid: " + ErrorMessage(err))
		}
		sameHash := attr.Equal(esk[src.hashName()], hashPart.Values[0])
		switch {
		case rangePart == nil:
			if !sameHash {
				return nil, validationf("The provided starting key is outside query boundaries based on provided conditions")
			}
		case !rangePart.Match(esk[src.rng().name]):
			return nil, validationf("The provided starting key does not match the range key predicate")
		case !sameHash:
			return nil, validationf("The query can return at most one row and cannot be restarted")
		}
	}
	if err := checkKeyPaths(src.t, rp.proj); err != nil {
		return nil, err
	}
	if rp.filter != nil {
		// A Query may not filter on the key it queries by.
		what := "Filter Expression"
		if in.FilterName != "" {
			what = in.FilterName
		}
		heads := map[string]bool{}
		for _, p := range expr.Paths(rp.filter) {
			heads[p.Top()] = true
		}
		for _, k := range src.keyNames() {
			if heads[k] {
				return nil, validationf(what + " can only contain non-primary key attributes: Primary key attribute: " + k)
			}
		}
	}
	if err := src.checkSelect(in.Select); err != nil {
		return nil, err
	}
	if rp.filter != nil {
		if err := checkKeyPaths(src.t, expr.Paths(rp.filter)); err != nil {
			return nil, err
		}
	}
	h := hashPart.Values[0]
	g := src.st.groups[h.KeyString()]
	forward := in.ScanIndexForward == nil || *in.ScanIndexForward
	if g != nil {
		lo, hi := 0, len(g.recs)
		if rangePart != nil {
			lo = sort.Search(len(g.recs), func(i int) bool { return rangePart.Position(g.recs[i].sort[0]) >= 0 })
			hi = sort.Search(len(g.recs), func(i int) bool { return rangePart.Position(g.recs[i].sort[0]) > 0 })
		}
		start, end, step := lo, hi, 1
		if !forward {
			start, end, step = hi-1, lo-1, -1
		}
		if in.ExclusiveStartKey != nil {
			eh, esk, err := src.startKey(in.ExclusiveStartKey)
			if err != nil {
				return nil, err
			}
			if eh.KeyString() != h.KeyString() {
				return nil, validationf("The provided starting key is outside query boundaries based on provided conditions")
			}
			i, found := g.find(esk)
			if forward {
				if found {
					i++
				}
				start = max(start, i)
			} else {
				start = min(start, i-1)
			}
		}
		for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
			if rp.done {
				break
			}
			rp.visit(g.recs[i])
		}
	}
	return db.finishRead(rp, token(h))
}

// Scan reads every item of the table or index in hash order, optionally one
// segment of a parallel scan.
func (db *DB) Scan(in *QueryInput) (*QueryOutput, error) {
	rp, ctx, err := db.prepareRead(in, "Scan")
	if err != nil {
		return nil, err
	}
	if in.KeyConditionExpression != "" {
		return nil, validationf("Can not use both expression and non-expression parameters in the same request: KeyConditionExpression is not allowed in Scan")
	}
	if err := rp.parseRest(ctx); err != nil {
		return nil, err
	}
	seg, total := 0, 1
	switch {
	case in.Segment != nil && in.TotalSegments == nil:
		return nil, validationf("The TotalSegments parameter is required but was not present in the request when parameter Segment is present")
	case in.Segment == nil && in.TotalSegments != nil:
		return nil, validationf("The Segment parameter is required but was not present in the request when parameter TotalSegments is present")
	case in.Segment != nil:
		seg, total = *in.Segment, *in.TotalSegments
		if total < 1 || total > 1000000 {
			return nil, validationf(fmt.Sprintf("1 validation error detected: Value '%d' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000", total))
		}
		if seg < 0 || seg >= total {
			return nil, validationf(fmt.Sprintf("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: %d is not less than TotalSegments: %d", seg, total))
		}
	}
	src := rp.src
	esk := in.ExclusiveStartKey
	if esk != nil && len(esk) != len(src.startKeyNames()) {
		if src.ix != nil {
			return nil, validationf("The provided starting key is invalid")
		}
		return nil, validationf("The provided starting key is invalid: The provided key element does not match the schema")
	}
	if src.ix != nil && esk != nil {
		for i, kd := range []*keyDef{&src.ix.hash, src.ix.rng} {
			if kd == nil {
				continue
			}
			v, ok := esk[kd.name]
			if !ok {
				return nil, validationf("The provided starting key is invalid")
			}
			if v.T != kd.typ {
				return nil, validationf("The provided key element does not match the schema")
			}
			if err := checkKeyValue(kd.name, *kd, v, i == 0); err != nil {
				return nil, err
			}
		}
	}
	if err := src.checkSelect(in.Select); err != nil {
		return nil, err
	}
	if esk != nil {
		if err := src.t.checkKey(src.t.keyItem(esk)); err != nil {
			return nil, validationf("The provided starting key is invalid: " + ErrorMessage(err))
		}
		if total > 1 && int((token(esk[src.hashName()])>>32)*uint64(total)>>32) != seg {
			return nil, validationf(fmt.Sprintf("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: %d Segment: %d", total, seg))
		}
	}
	if err := checkKeyPaths(src.t, rp.proj); err != nil {
		return nil, err
	}
	if rp.filter != nil {
		if err := checkKeyPaths(src.t, expr.Paths(rp.filter)); err != nil {
			return nil, err
		}
	}
	st := rp.src.st
	gi, ri := 0, 0
	if esk != nil {
		h, sk, err := rp.src.startKey(esk)
		if err != nil {
			return nil, err
		}
		gi, ri = st.scanFrom(h, sk)
	}
	var firstTok uint64
	for ; gi < len(st.order) && !rp.done; gi, ri = gi+1, 0 {
		g := st.order[gi]
		if int((g.token>>32)*uint64(total)>>32) != seg {
			continue
		}
		if rp.out.ScannedCount == 0 {
			firstTok = g.token
		}
		for ; ri < len(g.recs) && !rp.done; ri++ {
			rp.visit(g.recs[ri])
		}
	}
	return db.finishRead(rp, firstTok)
}

// keyNames lists the key attributes of the source: the table's, then the
// index's (hash first).
func (s source) keyNames() []string {
	names := []string{s.hashName()}
	if r := s.rng(); r != nil {
		names = append(names, r.name)
	}
	return names
}

// startKeyNames lists the attributes an ExclusiveStartKey carries: the
// table's key, then any index key attribute not already in it.
func (s source) startKeyNames() []string {
	names := []string{s.t.hash.name}
	if s.t.rng != nil {
		names = append(names, s.t.rng.name)
	}
	if s.ix != nil {
		for _, kd := range []*keyDef{&s.ix.hash, s.ix.rng} {
			if kd != nil && kd.name != s.t.hash.name && (s.t.rng == nil || kd.name != s.t.rng.name) {
				names = append(names, kd.name)
			}
		}
	}
	return names
}

// checkKeyConditions checks a Query's key conditions and ExclusiveStartKey
// against the key schema of the table or index, in DynamoDB's order: the
// start key's shape, then per key attribute (hash first) a condition that
// is present, indexable, of the key's type, and EQ on the hash key.
func (s source) checkKeyConditions(conds map[string]expr.KeyPart, esk Item) error {
	if esk != nil && len(esk) != len(s.startKeyNames()) {
		return validationf("The provided starting key is invalid")
	}
	schema := []*keyDef{&s.t.hash, s.t.rng}
	if s.ix != nil {
		schema = []*keyDef{&s.ix.hash, s.ix.rng}
	}
	if schema[1] == nil {
		schema = schema[:1]
	}
	for i, kd := range schema {
		isHash := i == 0
		if esk != nil {
			v, ok := esk[kd.name]
			if !ok {
				return validationf("The provided starting key is invalid")
			}
			if v.T != kd.typ {
				return validationf("The provided key element does not match the schema")
			}
			if err := checkKeyValue(kd.name, *kd, v, isHash); err != nil {
				return err
			}
		}
		if isHash && len(schema) == 1 && len(conds) > 1 {
			return validationf("Query key condition not supported")
		}
		c, ok := conds[kd.name]
		if !ok {
			if isHash || len(conds) > 1 {
				return validationf("Query condition missed key schema element: " + kd.name)
			}
			continue
		}
		switch c.Op {
		case "NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN":
			return validationf("Attempted conditional constraint is not an indexable operation")
		}
		for _, v := range c.Values {
			if v.T != kd.typ {
				return invalid("Condition parameter type does not match schema type")
			}
		}
		if isHash && c.Op != "EQ" {
			return validationf("Query key condition not supported")
		}
	}
	return nil
}

// checkSelect refuses ALL_ATTRIBUTES on a global index that does not
// project them all.
func (s source) checkSelect(sel string) error {
	if sel == "ALL_ATTRIBUTES" && s.ix != nil && s.ix.global && s.ix.proj.ProjectionType != "ALL" {
		return invalid("Select type ALL_ATTRIBUTES is not supported for global secondary index " + s.ix.name + " because its projection type is not ALL")
	}
	return nil
}

// checkKeyPaths refuses a nested path (a.b, a[0]) into a key attribute of
// the table or of one of its indexes.
func checkKeyPaths(t *table, paths []expr.Path) error {
	nested := map[string]bool{}
	for _, p := range paths {
		if len(p) > 1 {
			nested[p.Top()] = true
		}
	}
	if len(nested) == 0 {
		return nil
	}
	for _, kd := range []*keyDef{&t.hash, t.rng} {
		if kd != nil && nested[kd.name] {
			return validationf("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " + kd.name)
		}
	}
	for _, ixs := range [][]*index{t.gsis, t.lsis} {
		for _, ix := range ixs {
			for _, kd := range []*keyDef{&ix.hash, ix.rng} {
				if kd != nil && nested[kd.name] {
					return validationf("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: " + kd.name)
				}
			}
		}
	}
	return nil
}
