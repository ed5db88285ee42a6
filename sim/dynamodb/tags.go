package dynamodb

import "strings"

// Tag is one key-value tag on a table.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// TagResourceInput is the request of TagResource.
type TagResourceInput struct {
	ResourceArn string `json:"ResourceArn"`
	Tags        []Tag  `json:"Tags"`
}

// UntagResourceInput is the request of UntagResource.
type UntagResourceInput struct {
	ResourceArn string   `json:"ResourceArn"`
	TagKeys     []string `json:"TagKeys"`
}

// ListTagsOfResourceInput is the request of ListTagsOfResource.
type ListTagsOfResourceInput struct {
	ResourceArn string `json:"ResourceArn"`
}

// ListTagsOfResourceOutput lists a table's tags, in the order they were set.
type ListTagsOfResourceOutput struct {
	Tags []Tag `json:"Tags"`
}

// empty is the {} answer of an operation that returns nothing.
type empty struct{}

// tagged finds the table an ARN names; DynamoDB's not-found message for
// tagging spells "ResourcArn".
func (db *DB) tagged(arn, msg string) (*table, error) {
	name := arn[strings.LastIndex(arn, "/")+1:]
	t, err := db.table(name)
	if err != nil && ErrorType(err) == ErrResourceNotFound {
		return nil, apiErr(ErrResourceNotFound, msg)
	}
	return t, err
}

// TagResource adds or replaces tags on a table.
func (db *DB) TagResource(in *TagResourceInput) (*empty, error) {
	t, err := db.tagged(in.ResourceArn, "Requested resource not found: ResourcArn: "+in.ResourceArn+" not found")
	if err != nil {
		return nil, err
	}
	for _, tag := range in.Tags {
		t.setTag(tag)
	}
	return &empty{}, nil
}

// UntagResource removes tags from a table by key.
func (db *DB) UntagResource(in *UntagResourceInput) (*empty, error) {
	t, err := db.tagged(in.ResourceArn, "Requested resource not found")
	if err != nil {
		return nil, err
	}
	for _, k := range in.TagKeys {
		for i, tag := range t.tags {
			if tag.Key == k {
				t.tags = append(t.tags[:i], t.tags[i+1:]...)
				break
			}
		}
	}
	return &empty{}, nil
}

// ListTagsOfResource lists a table's tags.
func (db *DB) ListTagsOfResource(in *ListTagsOfResourceInput) (*ListTagsOfResourceOutput, error) {
	t, err := db.tagged(in.ResourceArn, "Requested resource not found: ResourcArn: "+in.ResourceArn+" not found")
	if err != nil {
		return nil, err
	}
	return &ListTagsOfResourceOutput{Tags: append([]Tag{}, t.tags...)}, nil
}

func (t *table) setTag(tag Tag) {
	for i := range t.tags {
		if t.tags[i].Key == tag.Key {
			t.tags[i].Value = tag.Value
			return
		}
	}
	t.tags = append(t.tags, tag)
}
