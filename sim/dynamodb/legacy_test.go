package dynamodb

import (
	"strings"
	"testing"
)

// The legacy parameters are never silently ignored.
func TestLegacyParametersAreHonoured(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", `{"TableName":"legacy","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}`)
	mustDo(t, db, "PutItem", `{"TableName":"legacy","Item":{"pk":{"S":"a"},"v":{"S":"first"}}}`)

	// PutItem with Expected Exists:false must not overwrite.
	typ, _ := doErr(t, db, "PutItem", `{"TableName":"legacy","Item":{"pk":{"S":"a"},"v":{"S":"second"}},"Expected":{"pk":{"Exists":false}}}`)
	if typ != ErrConditionalCheck {
		t.Fatalf("PutItem Expected pk Exists:false over an existing item: %q, want %s", typ, ErrConditionalCheck)
	}
	if got := string(mustDo(t, db, "GetItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}}}`)); !strings.Contains(got, "first") {
		t.Fatalf("item overwritten: %s", got)
	}

	// UpdateItem with AttributeUpdates must write.
	mustDo(t, db, "UpdateItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"v":{"Action":"PUT","Value":{"S":"third"}},"n":{"Action":"ADD","Value":{"N":"2"}}}}`)
	got := string(mustDo(t, db, "GetItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}},"AttributesToGet":["v","n"]}`))
	if !strings.Contains(got, `"third"`) || !strings.Contains(got, `"2"`) || strings.Contains(got, `"pk"`) {
		t.Fatalf("after AttributeUpdates with AttributesToGet v,n: %s", got)
	}

	// Expected with a ComparisonOperator, and ConditionalOperator OR.
	typ, _ = doErr(t, db, "DeleteItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}},"Expected":{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"5"}]}}}`)
	if typ != ErrConditionalCheck {
		t.Fatalf("DeleteItem Expected n GT 5 with n = 2: %q", typ)
	}
	mustDo(t, db, "DeleteItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}},"ConditionalOperator":"OR","Expected":{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"5"}]},"v":{"Value":{"S":"third"}}}}`)
	if got := string(mustDo(t, db, "GetItem", `{"TableName":"legacy","Key":{"pk":{"S":"a"}}}`)); strings.Contains(got, "Item") {
		t.Fatalf("DeleteItem with a true OR condition did not delete: %s", got)
	}

	// Mixing the two forms is refused.
	_, msg := doErr(t, db, "PutItem", `{"TableName":"legacy","Item":{"pk":{"S":"b"}},"Expected":{"pk":{"Exists":false}},"ConditionExpression":"attribute_not_exists(pk)"}`)
	if !strings.HasPrefix(msg, "Can not use both expression and non-expression parameters") {
		t.Fatalf("mixed Expected and ConditionExpression: %q", msg)
	}
}

// KeyConditions, QueryFilter and ScanFilter select what their expression
// twins select.
func TestLegacyQueryAndScan(t *testing.T) {
	db, _ := newDB()
	mustDo(t, db, "CreateTable", compositeTable)
	for _, sk := range []string{"1", "2", "3"} {
		mustDo(t, db, "PutItem", `{"TableName":"orders","Item":{"pk":{"S":"a"},"sk":{"N":"`+sk+`"},"c":{"N":"`+sk+`"}}}`)
	}
	got := string(mustDo(t, db, "Query", `{"TableName":"orders","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"sk":{"ComparisonOperator":"GE","AttributeValueList":[{"N":"2"}]}},"QueryFilter":{"c":{"ComparisonOperator":"NE","AttributeValueList":[{"N":"3"}]}}}`))
	if !strings.Contains(got, `"Count":1`) || !strings.Contains(got, `"ScannedCount":2`) {
		t.Fatalf("Query with KeyConditions and QueryFilter: %s", got)
	}
	got = string(mustDo(t, db, "Scan", `{"TableName":"orders","ScanFilter":{"c":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"2"}]}}}`))
	if !strings.Contains(got, `"Count":2`) {
		t.Fatalf("Scan with ScanFilter BETWEEN 1 and 2: %s", got)
	}
}
