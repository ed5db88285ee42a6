package dynamodb

import "github.com/saa-study/saa-study/sim/dynamodb/attr"

// The request and response shapes below follow the DynamoDB API reference;
// JSON tags are AWS's field names, so raw AWS JSON decodes into them.

// Item is an attribute map, re-exported for callers.
type Item = attr.Item

// AttributeDefinition declares the type of a key attribute.
type AttributeDefinition struct {
	AttributeName string `json:"AttributeName"`
	AttributeType string `json:"AttributeType"`
}

// KeySchemaElement names a HASH or RANGE key attribute.
type KeySchemaElement struct {
	AttributeName string `json:"AttributeName"`
	KeyType       string `json:"KeyType"`
}

// ProvisionedThroughput is the RCU/WCU setting of a table or GSI.
type ProvisionedThroughput struct {
	ReadCapacityUnits  int64 `json:"ReadCapacityUnits"`
	WriteCapacityUnits int64 `json:"WriteCapacityUnits"`
}

// Projection says which attributes an index copies.
type Projection struct {
	ProjectionType   string   `json:"ProjectionType,omitempty"`
	NonKeyAttributes []string `json:"NonKeyAttributes,omitempty"`
}

// GlobalSecondaryIndex is a GSI definition in CreateTable.
type GlobalSecondaryIndex struct {
	IndexName             string                 `json:"IndexName"`
	KeySchema             []KeySchemaElement     `json:"KeySchema"`
	Projection            Projection             `json:"Projection"`
	ProvisionedThroughput *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
}

// LocalSecondaryIndex is an LSI definition in CreateTable.
type LocalSecondaryIndex struct {
	IndexName  string             `json:"IndexName"`
	KeySchema  []KeySchemaElement `json:"KeySchema"`
	Projection Projection         `json:"Projection"`
}

// StreamSpecification enables a stream and picks its view type.
type StreamSpecification struct {
	StreamEnabled  bool   `json:"StreamEnabled"`
	StreamViewType string `json:"StreamViewType,omitempty"`
}

// CreateTableInput is the CreateTable request.
type CreateTableInput struct {
	TableName              string                 `json:"TableName"`
	AttributeDefinitions   []AttributeDefinition  `json:"AttributeDefinitions"`
	KeySchema              []KeySchemaElement     `json:"KeySchema"`
	BillingMode            string                 `json:"BillingMode,omitempty"`
	ProvisionedThroughput  *ProvisionedThroughput `json:"ProvisionedThroughput,omitempty"`
	GlobalSecondaryIndexes []GlobalSecondaryIndex `json:"GlobalSecondaryIndexes,omitempty"`
	LocalSecondaryIndexes  []LocalSecondaryIndex  `json:"LocalSecondaryIndexes,omitempty"`
	StreamSpecification    *StreamSpecification   `json:"StreamSpecification,omitempty"`
}

// ProvisionedThroughputDescription is the throughput part of a description.
type ProvisionedThroughputDescription struct {
	ReadCapacityUnits      int64 `json:"ReadCapacityUnits"`
	WriteCapacityUnits     int64 `json:"WriteCapacityUnits"`
	NumberOfDecreasesToday int64 `json:"NumberOfDecreasesToday"`
}

// BillingModeSummary reports PROVISIONED or PAY_PER_REQUEST.
type BillingModeSummary struct {
	BillingMode string `json:"BillingMode"`
}

// IndexDescription describes a GSI or LSI.
type IndexDescription struct {
	IndexName             string                            `json:"IndexName"`
	KeySchema             []KeySchemaElement                `json:"KeySchema"`
	Projection            Projection                        `json:"Projection"`
	IndexStatus           string                            `json:"IndexStatus,omitempty"`
	ProvisionedThroughput *ProvisionedThroughputDescription `json:"ProvisionedThroughput,omitempty"`
	ItemCount             int64                             `json:"ItemCount"`
	IndexSizeBytes        int64                             `json:"IndexSizeBytes"`
	IndexArn              string                            `json:"IndexArn"`
}

// TableDescription is what DescribeTable and friends return.
type TableDescription struct {
	TableName              string                            `json:"TableName"`
	TableStatus            string                            `json:"TableStatus"`
	TableArn               string                            `json:"TableArn"`
	TableId                string                            `json:"TableId"`
	CreationDateTime       float64                           `json:"CreationDateTime"`
	AttributeDefinitions   []AttributeDefinition             `json:"AttributeDefinitions"`
	KeySchema              []KeySchemaElement                `json:"KeySchema"`
	ItemCount              int64                             `json:"ItemCount"`
	TableSizeBytes         int64                             `json:"TableSizeBytes"`
	ProvisionedThroughput  *ProvisionedThroughputDescription `json:"ProvisionedThroughput,omitempty"`
	BillingModeSummary     *BillingModeSummary               `json:"BillingModeSummary,omitempty"`
	GlobalSecondaryIndexes []IndexDescription                `json:"GlobalSecondaryIndexes,omitempty"`
	LocalSecondaryIndexes  []IndexDescription                `json:"LocalSecondaryIndexes,omitempty"`
	StreamSpecification    *StreamSpecification              `json:"StreamSpecification,omitempty"`
	LatestStreamArn        string                            `json:"LatestStreamArn,omitempty"`
	LatestStreamLabel      string                            `json:"LatestStreamLabel,omitempty"`
	GlobalTableVersion     string                            `json:"GlobalTableVersion,omitempty"`
	Replicas               []ReplicaDescription              `json:"Replicas,omitempty"`
	RestoreSummary         *RestoreSummary                   `json:"RestoreSummary,omitempty"`
}

// TableOutput wraps a description (CreateTable, DeleteTable, UpdateTable).
type TableOutput struct {
	TableDescription TableDescription `json:"TableDescription"`
}

// TableNameInput is the request of DescribeTable, DeleteTable, DescribeTimeToLive.
type TableNameInput struct {
	TableName string `json:"TableName"`
}

// DescribeTableOutput is the DescribeTable response.
type DescribeTableOutput struct {
	Table TableDescription `json:"Table"`
}

// GlobalSecondaryIndexUpdate changes a GSI's throughput in UpdateTable.
type GlobalSecondaryIndexUpdate struct {
	Update *struct {
		IndexName             string                `json:"IndexName"`
		ProvisionedThroughput ProvisionedThroughput `json:"ProvisionedThroughput"`
	} `json:"Update,omitempty"`
}

// UpdateTableInput is the UpdateTable request (mode and throughput changes).
type UpdateTableInput struct {
	TableName                   string                       `json:"TableName"`
	BillingMode                 string                       `json:"BillingMode,omitempty"`
	ProvisionedThroughput       *ProvisionedThroughput       `json:"ProvisionedThroughput,omitempty"`
	GlobalSecondaryIndexUpdates []GlobalSecondaryIndexUpdate `json:"GlobalSecondaryIndexUpdates,omitempty"`
	StreamSpecification         *StreamSpecification         `json:"StreamSpecification,omitempty"`
	ReplicaUpdates              []ReplicationGroupUpdate     `json:"ReplicaUpdates,omitempty"`
}

// ListTablesInput is the ListTables request.
type ListTablesInput struct {
	ExclusiveStartTableName string `json:"ExclusiveStartTableName,omitempty"`
	Limit                   int    `json:"Limit,omitempty"`
}

// ListTablesOutput is the ListTables response.
type ListTablesOutput struct {
	TableNames             []string `json:"TableNames"`
	LastEvaluatedTableName string   `json:"LastEvaluatedTableName,omitempty"`
}

// Capacity is the CapacityUnits of one table or index.
type Capacity struct {
	CapacityUnits      float64 `json:"CapacityUnits"`
	ReadCapacityUnits  float64 `json:"ReadCapacityUnits,omitempty"`
	WriteCapacityUnits float64 `json:"WriteCapacityUnits,omitempty"`
}

// ConsumedCapacity is returned when ReturnConsumedCapacity is TOTAL or INDEXES.
type ConsumedCapacity struct {
	TableName              string              `json:"TableName"`
	CapacityUnits          float64             `json:"CapacityUnits"`
	ReadCapacityUnits      float64             `json:"ReadCapacityUnits,omitempty"`
	WriteCapacityUnits     float64             `json:"WriteCapacityUnits,omitempty"`
	Table                  *Capacity           `json:"Table,omitempty"`
	GlobalSecondaryIndexes map[string]Capacity `json:"GlobalSecondaryIndexes,omitempty"`
	LocalSecondaryIndexes  map[string]Capacity `json:"LocalSecondaryIndexes,omitempty"`
}

// Common request fields shared by the item operations.
type exprFields struct {
	ExpressionAttributeNames  map[string]string     `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues map[string]attr.Value `json:"ExpressionAttributeValues,omitempty"`
}

// PutItemInput is the PutItem request.
type PutItemInput struct {
	TableName                           string                `json:"TableName"`
	Item                                Item                  `json:"Item"`
	ConditionExpression                 string                `json:"ConditionExpression,omitempty"`
	ExpressionAttributeNames            map[string]string     `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues           map[string]attr.Value `json:"ExpressionAttributeValues,omitempty"`
	ReturnValues                        string                `json:"ReturnValues,omitempty"`
	ReturnConsumedCapacity              string                `json:"ReturnConsumedCapacity,omitempty"`
	ReturnValuesOnConditionCheckFailure string                `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// ItemOutput is the response of PutItem, UpdateItem and DeleteItem.
type ItemOutput struct {
	Attributes       Item              `json:"Attributes,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// GetItemInput is the GetItem request.
type GetItemInput struct {
	TableName                string            `json:"TableName"`
	Key                      Item              `json:"Key"`
	ConsistentRead           bool              `json:"ConsistentRead,omitempty"`
	ProjectionExpression     string            `json:"ProjectionExpression,omitempty"`
	ExpressionAttributeNames map[string]string `json:"ExpressionAttributeNames,omitempty"`
	ReturnConsumedCapacity   string            `json:"ReturnConsumedCapacity,omitempty"`
}

// GetItemOutput is the GetItem response.
type GetItemOutput struct {
	Item             Item              `json:"Item,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}

// UpdateItemInput is the UpdateItem request.
type UpdateItemInput struct {
	// FromAttributeUpdates marks an update that came as the legacy
	// AttributeUpdates, whose type errors DynamoDB words differently.
	FromAttributeUpdates                bool                  `json:"_attributeUpdates,omitempty"`
	TableName                           string                `json:"TableName"`
	Key                                 Item                  `json:"Key"`
	UpdateExpression                    string                `json:"UpdateExpression,omitempty"`
	ConditionExpression                 string                `json:"ConditionExpression,omitempty"`
	ExpressionAttributeNames            map[string]string     `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues           map[string]attr.Value `json:"ExpressionAttributeValues,omitempty"`
	ReturnValues                        string                `json:"ReturnValues,omitempty"`
	ReturnConsumedCapacity              string                `json:"ReturnConsumedCapacity,omitempty"`
	ReturnValuesOnConditionCheckFailure string                `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// DeleteItemInput is the DeleteItem request.
type DeleteItemInput struct {
	TableName                           string                `json:"TableName"`
	Key                                 Item                  `json:"Key"`
	ConditionExpression                 string                `json:"ConditionExpression,omitempty"`
	ExpressionAttributeNames            map[string]string     `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues           map[string]attr.Value `json:"ExpressionAttributeValues,omitempty"`
	ReturnValues                        string                `json:"ReturnValues,omitempty"`
	ReturnConsumedCapacity              string                `json:"ReturnConsumedCapacity,omitempty"`
	ReturnValuesOnConditionCheckFailure string                `json:"ReturnValuesOnConditionCheckFailure,omitempty"`
}

// QueryInput is the Query and Scan request (Scan ignores the key fields).
type QueryInput struct {
	TableName                 string                `json:"TableName"`
	IndexName                 string                `json:"IndexName,omitempty"`
	KeyConditionExpression    string                `json:"KeyConditionExpression,omitempty"`
	FilterExpression          string                `json:"FilterExpression,omitempty"`
	ProjectionExpression      string                `json:"ProjectionExpression,omitempty"`
	ExpressionAttributeNames  map[string]string     `json:"ExpressionAttributeNames,omitempty"`
	ExpressionAttributeValues map[string]attr.Value `json:"ExpressionAttributeValues,omitempty"`
	ConsistentRead            bool                  `json:"ConsistentRead,omitempty"`
	ScanIndexForward          *bool                 `json:"ScanIndexForward,omitempty"`
	Limit                     int                   `json:"Limit,omitempty"`
	Select                    string                `json:"Select,omitempty"`
	ExclusiveStartKey         Item                  `json:"ExclusiveStartKey,omitempty"`
	ReturnConsumedCapacity    string                `json:"ReturnConsumedCapacity,omitempty"`
	Segment                   *int                  `json:"Segment,omitempty"`
	TotalSegments             *int                  `json:"TotalSegments,omitempty"`
	// KeyConditions is the legacy form of KeyConditionExpression.
	KeyConditions map[string]KeyCondition `json:"KeyConditions,omitempty"`
	// FilterName is the parameter a request's filter came in ("QueryFilter"
	// for the legacy one), for the messages that name it.
	FilterName string `json:"_filterName,omitempty"`
	// limitZero records an explicit "Limit": 0, which AWS rejects.
	limitZero bool
}

// KeyCondition is one attribute's condition in the legacy KeyConditions.
type KeyCondition struct {
	ComparisonOperator string       `json:"ComparisonOperator"`
	AttributeValueList []attr.Value `json:"AttributeValueList,omitempty"`
}

// QueryOutput is the Query and Scan response.
type QueryOutput struct {
	Items            []Item            `json:"Items,omitempty"`
	Count            int               `json:"Count"`
	ScannedCount     int               `json:"ScannedCount"`
	LastEvaluatedKey Item              `json:"LastEvaluatedKey,omitempty"`
	ConsumedCapacity *ConsumedCapacity `json:"ConsumedCapacity,omitempty"`
}
