package lambda

import (
	"fmt"
)

// APIError is an error shaped like an AWS API error: the exception name and
// a message, printed as "Type: Message".
type APIError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

// Error implements error.
func (e *APIError) Error() string { return e.Type + ": " + e.Message }

// Exception names the Lambda API uses for the errors this simulator raises.
const (
	InvalidParameterValue = "InvalidParameterValueException"
	RequestEntityTooLarge = "RequestEntityTooLargeException"
	TooManyRequests       = "TooManyRequestsException"
)

func invalid(format string, args ...any) *APIError {
	return &APIError{Type: InvalidParameterValue, Message: fmt.Sprintf(format, args...)}
}

// Architectures.
const (
	ArchX86 = "x86_64"
	ArchArm = "arm64"
)

// Package types.
const (
	PackageZip   = "Zip"
	PackageImage = "Image"
)

// FunctionConfig is the part of a function's configuration that changes how
// it runs and what it costs. Zero values take the AWS defaults (see
// WithDefaults); Reserved nil means "no reserved concurrency".
type FunctionConfig struct {
	Name        string `json:"name,omitempty" yaml:"name"`
	MemoryMB    int    `json:"memory_mb" yaml:"memory_mb"`
	TimeoutS    int    `json:"timeout_s" yaml:"timeout_s"`
	EphemeralMB int    `json:"ephemeral_mb,omitempty" yaml:"ephemeral_mb"`
	// Env is the function's environment; its keys and values together must fit in 4 KB.
	Env map[string]string `json:"env,omitempty" yaml:"env"`
	// PackageType is Zip (default) or Image.
	PackageType string `json:"package_type,omitempty" yaml:"package_type"`
	// ZipMB is the zipped size; DirectUpload says it is uploaded in the API
	// call rather than from S3 (only then does the 50 MB limit apply).
	ZipMB        float64 `json:"zip_mb,omitempty" yaml:"zip_mb"`
	DirectUpload bool    `json:"direct_upload,omitempty" yaml:"direct_upload"`
	// UnzippedMB is the function plus all its layers, unzipped.
	UnzippedMB float64 `json:"unzipped_mb,omitempty" yaml:"unzipped_mb"`
	// ImageGB is the container image size.
	ImageGB float64 `json:"image_gb,omitempty" yaml:"image_gb"`
	// Arch is x86_64 (default) or arm64.
	Arch string `json:"arch,omitempty" yaml:"arch"`
	// Reserved is ReservedConcurrentExecutions; nil when none is set.
	Reserved *int `json:"reserved,omitempty" yaml:"reserved"`
	// Provisioned is the provisioned concurrency on the invoked alias.
	Provisioned int `json:"provisioned,omitempty" yaml:"provisioned"`
	// ColdStartMS is the INIT duration of a new environment. Above 10 s the
	// INIT phase times out and is retried inside the first invoke.
	ColdStartMS int `json:"cold_start_ms,omitempty" yaml:"cold_start_ms"`
}

// AccountConfig is the rest of the Region's Lambda state that matters to one
// function: the account limit and what other functions hold.
type AccountConfig struct {
	// ConcurrencyLimit is the account quota; 0 means the default 1,000.
	ConcurrencyLimit int `json:"concurrency_limit,omitempty" yaml:"concurrency_limit"`
	// OtherReserved is the reserved concurrency of every other function.
	OtherReserved int `json:"other_reserved,omitempty" yaml:"other_reserved"`
	// OtherUnreservedInUse is unreserved concurrency other functions use
	// throughout the run (a constant, to keep the model simple).
	OtherUnreservedInUse int `json:"other_unreserved_in_use,omitempty" yaml:"other_unreserved_in_use"`
}

// WithDefaults fills zero fields with AWS's defaults.
func (c FunctionConfig) WithDefaults(l Limits) FunctionConfig {
	if c.MemoryMB == 0 {
		c.MemoryMB = l.MemoryMinMB
	}
	if c.TimeoutS == 0 {
		c.TimeoutS = l.TimeoutDefaultS
	}
	if c.EphemeralMB == 0 {
		c.EphemeralMB = l.TmpDefaultMB
	}
	if c.Arch == "" {
		c.Arch = ArchX86
	}
	if c.PackageType == "" {
		c.PackageType = PackageZip
	}
	return c
}

// WithDefaults fills a zero account limit with the default.
func (a AccountConfig) WithDefaults(l Limits) AccountConfig {
	if a.ConcurrencyLimit == 0 {
		a.ConcurrencyLimit = l.AccountConcurrency
	}
	return a
}

// Validate checks the configuration against the default limits and a
// default account, the way CreateFunction and PutFunctionConcurrency do.
func (c FunctionConfig) Validate() error {
	return c.ValidateIn(AccountConfig{}, DefaultLimits())
}

// ValidateIn checks the configuration against l and the given account.
// The first problem found is returned as an *APIError.
func (c FunctionConfig) ValidateIn(a AccountConfig, l Limits) error {
	c = c.WithDefaults(l)
	a = a.WithDefaults(l)
	if c.MemoryMB < l.MemoryMinMB || c.MemoryMB > l.MemoryMaxMB || (l.MemoryStepMB > 1 && c.MemoryMB%l.MemoryStepMB != 0) {
		return invalid("MemorySize %d is not valid: it must be between %d and %d MB, in %d MB increments.",
			c.MemoryMB, l.MemoryMinMB, l.MemoryMaxMB, l.MemoryStepMB)
	}
	if c.TimeoutS < 1 || c.TimeoutS > l.TimeoutMaxS {
		return invalid("Timeout %d is not valid: it must be between 1 and %d seconds.", c.TimeoutS, l.TimeoutMaxS)
	}
	if c.EphemeralMB < l.TmpDefaultMB || c.EphemeralMB > l.TmpMaxMB {
		return invalid("EphemeralStorage.Size %d is not valid: it must be between %d and %d MB.",
			c.EphemeralMB, l.TmpDefaultMB, l.TmpMaxMB)
	}
	envBytes := 0
	for k, v := range c.Env {
		envBytes += len(k) + len(v)
	}
	if envBytes > l.EnvMaxBytes {
		return invalid("Environment variables total %d bytes, which exceeds the %d KB (%d bytes) limit for a function.",
			envBytes, l.EnvMaxBytes/1024, l.EnvMaxBytes)
	}
	if c.Arch != ArchX86 && c.Arch != ArchArm {
		return invalid("Architectures %q is not valid: it must be one of [x86_64, arm64].", c.Arch)
	}
	switch c.PackageType {
	case PackageZip:
		if c.ZipMB < 0 || c.UnzippedMB < 0 {
			return invalid("Code size cannot be negative.")
		}
		if c.DirectUpload && c.ZipMB > float64(l.PackageZipDirectMB) {
			return &APIError{Type: RequestEntityTooLarge, Message: fmt.Sprintf(
				"Zipped package of %.1f MB is over the %d MB limit for direct upload; upload it to S3 and create the function from there.",
				c.ZipMB, l.PackageZipDirectMB)}
		}
		if c.UnzippedMB > float64(l.PackageUnzippedMB) {
			return invalid("Unzipped size %.1f MB is not valid: the function and all its layers must be smaller than %d MB (%d bytes).",
				c.UnzippedMB, l.PackageUnzippedMB, l.PackageUnzippedMB*1024*1024)
		}
	case PackageImage:
		if c.ImageGB < 0 || c.ImageGB > float64(l.PackageImageGB) {
			return invalid("Image size %.2f GB is not valid: a container image must be at most %d GB.", c.ImageGB, l.PackageImageGB)
		}
	default:
		return invalid("PackageType %q is not valid: it must be one of [Zip, Image].", c.PackageType)
	}
	if c.ColdStartMS < 0 {
		return invalid("ColdStartMS %d is not valid: it cannot be negative.", c.ColdStartMS)
	}
	if a.ConcurrencyLimit < 1 || a.OtherReserved < 0 || a.OtherUnreservedInUse < 0 {
		return invalid("Account concurrency settings must be positive (limit %d, other reserved %d, other in use %d).",
			a.ConcurrencyLimit, a.OtherReserved, a.OtherUnreservedInUse)
	}
	if a.ConcurrencyLimit-a.OtherReserved < l.UnreservedMin {
		return invalid("Other functions reserve %d of the account's %d, leaving less than the %d that must stay unreserved.",
			a.OtherReserved, a.ConcurrencyLimit, l.UnreservedMin)
	}
	if c.Reserved != nil {
		r := *c.Reserved
		if r < 0 {
			return invalid("ReservedConcurrentExecutions %d is not valid: it must be 0 or more.", r)
		}
		if a.ConcurrencyLimit-a.OtherReserved-r < l.UnreservedMin {
			// AWS's own wording for this refusal.
			return invalid("Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [%d].", l.UnreservedMin)
		}
	}
	if c.Provisioned < 0 {
		return invalid("ProvisionedConcurrentExecutions %d is not valid: it must be 1 or more, or 0 for none.", c.Provisioned)
	}
	if c.Provisioned > 0 {
		if c.Reserved != nil && c.Provisioned > *c.Reserved {
			return invalid("Requested Provisioned Concurrency (%d) should not be greater than the reserved concurrency for the function (%d).",
				c.Provisioned, *c.Reserved)
		}
		if c.Reserved == nil && a.ConcurrencyLimit-a.OtherReserved-c.Provisioned < l.UnreservedMin {
			return invalid("Requested Provisioned Concurrency (%d) would leave less than %d unreserved concurrency in the account.",
				c.Provisioned, l.UnreservedMin)
		}
	}
	return nil
}

// ConcurrencyCap is the most this function may run at once: its reserved
// concurrency, or whatever the unreserved pool leaves after other functions.
func (c FunctionConfig) ConcurrencyCap(a AccountConfig, l Limits) (limit int, byReserved bool) {
	a = a.WithDefaults(l)
	if c.Reserved != nil {
		return *c.Reserved, true
	}
	v := a.ConcurrencyLimit - a.OtherReserved - a.OtherUnreservedInUse
	if v < 0 {
		v = 0
	}
	return v, false
}
