package dynamodb

import (
	"encoding/json"
	"errors"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

// APIError is an AWS-shaped error: Type is the exception name
// (ValidationException, ConditionalCheckFailedException, …), Message AWS's text.
type APIError = attr.Error

// Exception names.
const (
	ErrValidation         = "ValidationException"
	ErrConditionalCheck   = "ConditionalCheckFailedException"
	ErrProvisioned        = "ProvisionedThroughputExceededException"
	ErrThrottling         = "ThrottlingException"
	ErrRequestLimit       = "RequestLimitExceeded"
	ErrResourceNotFound   = "ResourceNotFoundException"
	ErrResourceInUse      = "ResourceInUseException"
	ErrTransactionCancel  = "TransactionCanceledException"
	ErrItemCollectionSize = "ItemCollectionSizeLimitExceededException"
	ErrSerialization      = "SerializationException"
	ErrUnknownOperation   = "UnknownOperationException"
	ErrAccessDenied       = "AccessDeniedException"
)

// AWS's messages for throttling.
const (
	MsgTableThroughput = "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."
	MsgIndexThroughput = "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API"
	MsgAccountLimit    = "Throughput exceeds the current throughput quota for your account. Please contact AWS Support at https://aws.amazon.com/support request a quota increase"
	MsgOnDemand        = "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html"
)

func apiErr(typ, msg string) *APIError { return &APIError{Type: typ, Message: msg} }

func validationf(msg string) *APIError { return apiErr(ErrValidation, msg) }

func invalid(msg string) *APIError {
	return apiErr(ErrValidation, "One or more parameter values were invalid: "+msg)
}

func notFound() *APIError {
	return apiErr(ErrResourceNotFound, "Requested resource not found")
}

func conditionFailed(item Item) *ConditionError {
	return &ConditionError{APIError: APIError{Type: ErrConditionalCheck, Message: "The conditional request failed"}, Item: item}
}

// ConditionError is a ConditionalCheckFailedException that may carry the item
// (ReturnValuesOnConditionCheckFailure = ALL_OLD).
type ConditionError struct {
	APIError
	Item Item `json:"Item,omitempty"`
}

// Error implements error.
func (e *ConditionError) Error() string { return e.APIError.Error() }

// CancellationReason is one entry of TransactionCanceledException.
type CancellationReason struct {
	Code    string `json:"Code"`
	Message string `json:"Message,omitempty"`
	Item    Item   `json:"Item,omitempty"`
}

// TransactionError is TransactionCanceledException with a reason per action.
type TransactionError struct {
	APIError
	CancellationReasons []CancellationReason `json:"CancellationReasons"`
}

// Error implements error.
func (e *TransactionError) Error() string { return e.APIError.Error() }

// ThrottlingReason says which resource was throttled and why, e.g.
// TableWriteKeyRangeThroughputExceeded for a hot partition.
type ThrottlingReason struct {
	Reason   string `json:"reason"`
	Resource string `json:"resource"`
}

// ThrottleError is a throttling exception with its ThrottlingReasons.
type ThrottleError struct {
	APIError
	ThrottlingReasons []ThrottlingReason `json:"ThrottlingReasons"`
}

// Error implements error.
func (e *ThrottleError) Error() string { return e.APIError.Error() }

// errorPrefix is the namespace AWS puts before the exception name in
// __type. ValidationException comes from the request validator, whose
// namespace differs on the real service.
func errorPrefix(typ string) string {
	switch typ {
	case ErrValidation:
		return "com.amazon.coral.validate#"
	case ErrSerialization, ErrUnknownOperation, ErrAccessDenied:
		return "com.amazon.coral.service#"
	}
	return "com.amazonaws.dynamodb.v20120810#"
}

// renderers render error types defined beside the protocol.
var renderers []func(error) (any, bool)

// ErrorJSON renders err as the body DynamoDB returns:
// {"__type":"…#ValidationException","message":"…"} plus any extra fields.
func ErrorJSON(err error) []byte {
	for _, r := range renderers {
		if v, ok := r(err); ok {
			b, _ := json.Marshal(v)
			return b
		}
	}
	var ce *ConditionError
	var te *TransactionError
	var ae *APIError
	var th *ThrottleError
	var se *serializationErr
	var ad *AccessDeniedError
	var v any
	switch {
	case errors.As(err, &se):
		// The service layer capitalises Message.
		v = struct {
			Type    string `json:"__type"`
			Message string `json:"Message"`
		}{errorPrefix(ErrSerialization) + ErrSerialization, se.msg}
	case errors.As(err, &ad):
		v = struct {
			Type    string `json:"__type"`
			Message string `json:"Message"`
		}{errorPrefix(ErrAccessDenied) + ErrAccessDenied, ad.msg}
	case errors.As(err, &ae) && ae.Message == "" && (ae.Type == ErrSerialization || ae.Type == ErrUnknownOperation):
		v = struct {
			Type string `json:"__type"`
		}{errorPrefix(ae.Type) + ae.Type}
	case errors.As(err, &th):
		v = struct {
			Type              string             `json:"__type"`
			Message           string             `json:"message"`
			ThrottlingReasons []ThrottlingReason `json:"ThrottlingReasons"`
		}{errorPrefix(th.Type) + th.Type, th.Message, th.ThrottlingReasons}
	case errors.As(err, &te):
		v = struct {
			Type                string               `json:"__type"`
			Message             string               `json:"message"`
			CancellationReasons []CancellationReason `json:"CancellationReasons"`
		}{errorPrefix(te.Type) + te.Type, te.Message, te.CancellationReasons}
	case errors.As(err, &ce):
		v = struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
			Item    Item   `json:"Item,omitempty"`
		}{errorPrefix(ce.Type) + ce.Type, ce.Message, ce.Item}
	case errors.As(err, &ae):
		v = struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}{errorPrefix(ae.Type) + ae.Type, ae.Message}
	default:
		v = struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}{"com.amazonaws.dynamodb.v20120810#InternalServerError", err.Error()}
	}
	b, _ := json.Marshal(v)
	return b
}

// ErrorType returns the exception name of err ("" when it is not an AWS error).
func ErrorType(err error) string {
	var se *serializationErr
	var ad *AccessDeniedError
	if errors.As(err, &se) {
		return ErrSerialization
	}
	if errors.As(err, &ad) {
		return ErrAccessDenied
	}
	var ce *ConditionError
	var te *TransactionError
	var ae *APIError
	var th *ThrottleError
	switch {
	case errors.As(err, &th):
		return th.Type
	case errors.As(err, &te):
		return te.Type
	case errors.As(err, &ce):
		return ce.Type
	case errors.As(err, &ae):
		return ae.Type
	}
	return ""
}

// ErrorMessage returns the message of an AWS-shaped error, or err.Error().
func ErrorMessage(err error) string {
	var ce *ConditionError
	var te *TransactionError
	var ae *APIError
	var th *ThrottleError
	var se *serializationErr
	var ad *AccessDeniedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return se.msg
	case errors.As(err, &ad):
		return ad.msg
	case errors.As(err, &th):
		return th.Message
	case errors.As(err, &te):
		return te.Message
	case errors.As(err, &ce):
		return ce.Message
	case errors.As(err, &ae):
		return ae.Message
	}
	return err.Error()
}
