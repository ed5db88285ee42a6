package quiz

import "errors"

// Sentinel kinds wrapped by every *Error, so callers can test with errors.Is
// without parsing messages.
var (
	// ErrInvalid marks a request that breaks the rules (wrong option count,
	// unknown option, bad config).
	ErrInvalid = errors.New("invalid request")
	// ErrNotFound marks a question or item that does not exist.
	ErrNotFound = errors.New("not found")
	// ErrClosed marks an action on an exam that is already submitted or
	// out of time, or a practice session that is finished.
	ErrClosed = errors.New("session closed")
)

// Error is shaped like an AWS error: an exception name and a message a
// person can act on. Message alone is what a UI shows next to the question.
type Error struct {
	Code    string // e.g. "ValidationException"
	Message string // e.g. "choose exactly 2"
	kind    error
}

// Error renders "Code: Message" like the AWS CLI does.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Unwrap exposes the sentinel kind for errors.Is.
func (e *Error) Unwrap() error { return e.kind }

func validation(msg string) error {
	return &Error{Code: "ValidationException", Message: msg, kind: ErrInvalid}
}

func notFound(msg string) error {
	return &Error{Code: "ResourceNotFoundException", Message: msg, kind: ErrNotFound}
}

func closed(msg string) error {
	return &Error{Code: "ConflictException", Message: msg, kind: ErrClosed}
}
