package dynamodb

import (
	"strings"
	"testing"
)

// rangeTable creates "ranged" (pk S, sk S) with a global index on g (S)
// projecting keys only and a local index on l (S).
func rangeTable(t *testing.T, db *DB) {
	t.Helper()
	mustDo(t, db, "CreateTable", `{"TableName":"ranged","BillingMode":"PAY_PER_REQUEST",
	 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"}],
	 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
	 "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
	 "LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]}`)
}

func TestQueryChecksKeyConditionsAgainstTheKeySchema(t *testing.T) {
	db, _ := newDB()
	rangeTable(t, db)
	cases := []struct{ body, want string }{
		{`"KeyConditions":{"pk":{"ComparisonOperator":"NULL"}}`, "Attempted conditional constraint is not an indexable operation"},
		{`"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]},"sk":{"ComparisonOperator":"IN","AttributeValueList":[{"S":"a"}]}}`, "Attempted conditional constraint is not an indexable operation"},
		{`"KeyConditions":{"pk":{"ComparisonOperator":"GT","AttributeValueList":[{"S":"a"}]}}`, "Query key condition not supported"},
		{`"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}}`, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
		{`"KeyConditions":{"zz":{"ComparisonOperator":"NULL"}}`, "Query condition missed key schema element: pk"},
		{`"KeyConditionExpression":"pk = :a","ExpressionAttributeValues":{":a":{"S":"a"}},"ExclusiveStartKey":{"pk":{"S":"a"}}`, "The provided starting key is invalid"},
		{`"KeyConditionExpression":"pk = :a","ExpressionAttributeValues":{":a":{"S":"a"}},"ExclusiveStartKey":{"pk":{"S":"b"},"sk":{"S":"a"}}`, "The provided starting key is outside query boundaries based on provided conditions"},
		{`"KeyConditionExpression":"pk = :a and sk > :b","ExpressionAttributeValues":{":a":{"S":"a"},":b":{"S":"m"}},"ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"a"}}`, "The provided starting key does not match the range key predicate"},
		{`"IndexName":"byG","Select":"ALL_ATTRIBUTES","KeyConditionExpression":"g = :a","ExpressionAttributeValues":{":a":{"S":"a"}}`, "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL"},
		{`"KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},"QueryFilter":{"sk":{"ComparisonOperator":"NULL"}}`, "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk"},
		{`"KeyConditionExpression":"pk = :a","ProjectionExpression":"g.x","ExpressionAttributeValues":{":a":{"S":"a"}}`, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g"},
	}
	for _, c := range cases {
		_, msg := doErr(t, db, "Query", `{"TableName":"ranged",`+c.body+`}`)
		if msg != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.body, msg, c.want)
		}
	}
}

func TestScanChecksStartKeyAgainstTheIndex(t *testing.T) {
	db, _ := newDB()
	rangeTable(t, db)
	cases := []struct{ body, want string }{
		{`"ExclusiveStartKey":{"pk":{"S":"a"}}`, "The provided starting key is invalid: The provided key element does not match the schema"},
		{`"IndexName":"byG","ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"a"}}`, "The provided starting key is invalid"},
		{`"IndexName":"byG","ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"a"},"g":{"N":"1"}}`, "The provided key element does not match the schema"},
		{`"IndexName":"byG","Select":"ALL_ATTRIBUTES"`, "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL"},
	}
	for _, c := range cases {
		_, msg := doErr(t, db, "Scan", `{"TableName":"ranged",`+c.body+`}`)
		if msg != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.body, msg, c.want)
		}
	}
}

// A page ends once the items read pass 1 MB in their stored form, where an
// attribute name takes one byte: 25 items with a 22,000-byte name and a
// 20,000-byte value (1.05 MB billed, about 0.5 MB stored) come back in one
// page.
func TestScanPageCountsStoredSize(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "pages", 0, 0)
	name, value := strings.Repeat("n", 22000), strings.Repeat("v", 20000)
	for i := range 25 {
		mustDo(t, db, "PutItem", `{"TableName":"pages","Item":{"pk":{"S":"k`+itoa(i)+`"},"`+name+`":{"S":"`+value+`"}}}`)
	}
	out := mustDo(t, db, "Scan", `{"TableName":"pages","Select":"COUNT"}`)
	if out != `{"Count":25,"ScannedCount":25}` {
		t.Fatalf("scan: %s", out)
	}
}

func TestConsumedCapacityOmitsTheSplitOutsideTransactions(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "cap", 0, 0)
	put := mustDo(t, db, "PutItem", `{"TableName":"cap","Item":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}`)
	get := mustDo(t, db, "GetItem", `{"TableName":"cap","Key":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"INDEXES"}`)
	if put != `{"ConsumedCapacity":{"TableName":"cap","CapacityUnits":1}}` {
		t.Errorf("put: %s", put)
	}
	if strings.Contains(get, "ReadCapacityUnits") {
		t.Errorf("get: %s", get)
	}
	tx := mustDo(t, db, "TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"cap","Key":{"pk":{"S":"a"}}}}],"ReturnConsumedCapacity":"TOTAL"}`)
	if !strings.Contains(tx, `"ReadCapacityUnits":2`) {
		t.Errorf("transaction: %s", tx)
	}
}

// Three 400 KB items and seventeen of 20 KB: the answer stops after 1 MB
// plus one item, and the rest come back as UnprocessedKeys.
func TestBatchGetItemAnswerIsCapped(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "big", 0, 0)
	var keys []string
	for i := range 20 {
		n := 20000
		if i < 3 {
			n = 409000
		}
		k := "k" + itoa(i)
		mustDo(t, db, "PutItem", `{"TableName":"big","Item":{"pk":{"S":"`+k+`"},"b":{"S":"`+strings.Repeat("b", n)+`"}}}`)
		keys = append(keys, `{"pk":{"S":"`+k+`"}}`)
	}
	out := mustDo(t, db, "BatchGetItem", `{"RequestItems":{"big":{"Keys":[`+strings.Join(keys, ",")+`],"AttributesToGet":["pk"]}}}`)
	if !strings.Contains(out, `"UnprocessedKeys":{}`) {
		t.Errorf("projected answers are small, nothing should be left: %.200s", out)
	}
	out = mustDo(t, db, "BatchGetItem", `{"RequestItems":{"big":{"Keys":[`+strings.Join(keys, ",")+`]}}}`)
	if !strings.Contains(out, `"UnprocessedKeys":{"big":{"Keys":[`) {
		t.Errorf("no UnprocessedKeys: %.200s", out[len(out)-200:])
	}
}

func TestUpdateItemKeyChecksInDynamoDBsOrder(t *testing.T) {
	db, _ := newDB()
	rangeTable(t, db)
	key := `"Key":{"pk":{"S":"a"},"sk":{"S":"b"}}`
	mustDo(t, db, "UpdateItem", `{"TableName":"ranged",`+key+`,"UpdateExpression":"set e = :n, m = :m, li = :l","ExpressionAttributeValues":{":n":{"N":"1"},":m":{"M":{"x":{"S":"y"}}},":l":{"L":[{"N":"1"},{"N":"3"}]}}}`)
	cases := []struct{ body, want string }{
		{`"UpdateExpression":"set pk.x = :a","ExpressionAttributeValues":{":a":{"S":"a"}}`, "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"},
		{`"UpdateExpression":"set g = :a","ExpressionAttributeValues":{":a":{"N":"1"}}`, "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"},
		{`"UpdateExpression":"set f = g[1]"`, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g"},
		{`"UpdateExpression":"set g = e"`, "The update expression attempted to update the secondary index key to unsupported type"},
		{`"UpdateExpression":"remove m[1]"`, "The document path provided in the update expression is invalid for update"},
		{`"UpdateExpression":"remove nope.x"`, "The document path provided in the update expression is invalid for update"},
		{`"UpdateExpression":"set big = :a","ExpressionAttributeValues":{":a":{"S":"` + strings.Repeat("a", 409600) + `"}}`, "Item size to update has exceeded the maximum allowed size"},
		{`"AttributeUpdates":{"e":{"Action":"ADD","Value":{"SS":["x"]}}}`, "Type mismatch for attribute to update"},
	}
	for _, c := range cases {
		_, msg := doErr(t, db, "UpdateItem", `{"TableName":"ranged",`+key+`,`+c.body+`}`)
		if msg != c.want {
			t.Errorf("%.80s:\n got %q\nwant %q", c.body, msg, c.want)
		}
	}
	// Writes past the end of a list append in index order, whatever the
	// order they are written in; values in parentheses are accepted.
	mustDo(t, db, "UpdateItem", `{"TableName":"ranged",`+key+`,"UpdateExpression":"set li[6] = :b, li[4] = ((e) + (:a))","ExpressionAttributeValues":{":a":{"N":"1"},":b":{"S":"last"}}}`)
	got := mustDo(t, db, "GetItem", `{"TableName":"ranged",`+key+`,"ProjectionExpression":"li"}`)
	if got != `{"Item":{"li":{"L":[{"N":"1"},{"N":"3"},{"N":"2"},{"S":"last"}]}}}` {
		t.Errorf("list: %s", got)
	}
}

func TestGrammarWordsAreNotNames(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "words", 0, 0)
	_, msg := doErr(t, db, "Scan", `{"TableName":"words","FilterExpression":"a > between"}`)
	if !strings.HasPrefix(msg, "Invalid FilterExpression: Syntax error; ") {
		t.Errorf("got %q", msg)
	}
}

func TestGetItemRefusesNestedKeyPaths(t *testing.T) {
	db, _ := newDB()
	rangeTable(t, db)
	for body, want := range map[string]string{
		`"ProjectionExpression":"pk.x"`: "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk",
		`"ProjectionExpression":"l[0]"`: "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: l",
	} {
		_, msg := doErr(t, db, "GetItem", `{"TableName":"ranged","Key":{"pk":{"S":"a"},"sk":{"S":"b"}},`+body+`}`)
		if msg != want {
			t.Errorf("%s: got %q", body, msg)
		}
	}
}

func TestParenthesizedOperandsInConditions(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "parens", 0, 0)
	mustDo(t, db, "PutItem", `{"TableName":"parens","Item":{"pk":{"S":"a"},"n":{"N":"5"}}}`)
	out := mustDo(t, db, "Scan", `{"TableName":"parens","FilterExpression":"(n)between(:lo)and(:hi) and (n) > (:lo)","ExpressionAttributeValues":{":lo":{"N":"1"},":hi":{"N":"9"}},"Select":"COUNT"}`)
	if out != `{"Count":1,"ScannedCount":1}` {
		t.Errorf("scan: %s", out)
	}
	_, msg := doErr(t, db, "Scan", `{"TableName":"parens","FilterExpression":"n > ((:lo))","ExpressionAttributeValues":{":lo":{"N":"1"}}}`)
	if msg != "Invalid FilterExpression: The expression has redundant parentheses;" {
		t.Errorf("redundant: %q", msg)
	}
	_, msg = doErr(t, db, "Query", `{"TableName":"nope_table","KeyConditionExpression":"a = :a and b = :a and c = :a","ExpressionAttributeValues":{":a":{"S":"a"}}}`)
	if msg != "Conditions can be of length 1 or 2 only" {
		t.Errorf("three key conditions: %q", msg)
	}
}

func TestIndexThroughputBoundBeforeIndexLookup(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "bound", 5, 5)
	_, msg := doErr(t, db, "UpdateTable", `{"TableName":"bound","GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"abc","ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":1}}}]}`)
	if msg != "This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate" {
		t.Errorf("got %q", msg)
	}
}

func TestUpdateTableToTheSameThroughputIsRefused(t *testing.T) {
	db, _ := newDB()
	simpleTable(t, db, "same", 5, 7)
	_, msg := doErr(t, db, "UpdateTable", `{"TableName":"same","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":7}}`)
	want := "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 7. Requested WriteCapacityUnits: 7. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."
	if msg != want {
		t.Errorf("got %q", msg)
	}
	mustDo(t, db, "UpdateTable", `{"TableName":"same","ProvisionedThroughput":{"ReadCapacityUnits":6,"WriteCapacityUnits":7}}`)
}
