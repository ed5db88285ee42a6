package dynamodb

import (
	"encoding/json"
	"fmt"
)

// Details that make the simulator answer like DynamoDB where the
// conformance corpus (conformance/) showed it did not.

// namedTable is table() for the table-level operations, whose not-found
// message names the table.
func (db *DB) namedTable(name string) (*table, error) {
	t, err := db.table(name)
	if err != nil && ErrorType(err) == ErrResourceNotFound {
		return nil, apiErr(ErrResourceNotFound, "Requested resource not found: Table: "+name+" not found")
	}
	return t, err
}

// emptyRequestItems is the error for a batch with no requests; AWS prints
// an empty map as '{}' and a missing one as null.
func emptyRequestItems(present bool) error {
	v := "null"
	if present {
		v = "'{}'"
	}
	return validationf("1 validation error detected: Value " + v + " at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
}

// checkBatchItem is checkItem for BatchWriteItem, which reports a missing
// key attribute as a schema mismatch.
func (t *table) checkBatchItem(item Item) error {
	for _, kd := range []*keyDef{&t.hash, t.rng} {
		if kd == nil {
			continue
		}
		if v, ok := item[kd.name]; !ok || v.T != kd.typ {
			return validationf("The provided key element does not match the schema")
		}
	}
	return t.checkItem(item)
}

// checkIndexNames applies the 3–255 character rule to index names.
func checkIndexNames(in *CreateTableInput) error {
	check := func(kind string, i int, name string) error {
		if len(name) < 3 {
			return validationf(fmt.Sprintf("1 validation error detected: Value '%s' at '%s.%d.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3", name, kind, i+1))
		}
		if len(name) > 255 {
			return validationf(fmt.Sprintf("1 validation error detected: Value '%s' at '%s.%d.member.indexName' failed to satisfy constraint: Member must have length less than or equal to 255", name, kind, i+1))
		}
		return nil
	}
	for i, g := range in.GlobalSecondaryIndexes {
		if err := check("globalSecondaryIndexes", i, g.IndexName); err != nil {
			return err
		}
	}
	for i, l := range in.LocalSecondaryIndexes {
		if err := check("localSecondaryIndexes", i, l.IndexName); err != nil {
			return err
		}
	}
	return nil
}

// UnmarshalJSON notes an explicit "Limit": 0, which the int field alone
// cannot tell from an absent Limit.
func (in *QueryInput) UnmarshalJSON(b []byte) error {
	type alias QueryInput
	var a struct {
		alias
		Limit *int `json:"Limit"`
	}
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	*in = QueryInput(a.alias)
	if a.Limit != nil {
		in.Limit, in.limitZero = *a.Limit, *a.Limit == 0
	}
	return nil
}

// MarshalJSON writes "Items": [] for an empty page, as DynamoDB does;
// only Select COUNT (Items nil) leaves the field out.
func (o QueryOutput) MarshalJSON() ([]byte, error) {
	type alias QueryOutput
	if o.Items == nil {
		return json.Marshal(alias(o))
	}
	return json.Marshal(struct {
		alias
		Items []Item `json:"Items"`
	}{alias(o), o.Items})
}
