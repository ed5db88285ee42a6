package lambda

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  FunctionConfig
		acct AccountConfig
		typ  string
		msg  string
	}{
		{"defaults are valid", FunctionConfig{}, AccountConfig{}, "", ""},
		{"memory 128 ok", FunctionConfig{MemoryMB: 128}, AccountConfig{}, "", ""},
		{"memory 10240 ok", FunctionConfig{MemoryMB: 10240}, AccountConfig{}, "", ""},
		{"memory 1 MB step ok", FunctionConfig{MemoryMB: 1769}, AccountConfig{}, "", ""},
		{"memory 127", FunctionConfig{MemoryMB: 127}, AccountConfig{}, InvalidParameterValue, "MemorySize 127 is not valid: it must be between 128 and 10240 MB"},
		{"memory 10241", FunctionConfig{MemoryMB: 10241}, AccountConfig{}, InvalidParameterValue, "between 128 and 10240 MB"},
		{"timeout 901", FunctionConfig{TimeoutS: 901}, AccountConfig{}, InvalidParameterValue, "Timeout 901 is not valid: it must be between 1 and 900 seconds."},
		{"timeout 900 ok", FunctionConfig{TimeoutS: 900}, AccountConfig{}, "", ""},
		{"tmp 10241", FunctionConfig{EphemeralMB: 10241}, AccountConfig{}, InvalidParameterValue, "between 512 and 10240 MB"},
		{"env over 4 KB", FunctionConfig{Env: map[string]string{"K": strings.Repeat("x", 4096)}}, AccountConfig{}, InvalidParameterValue, "4097 bytes, which exceeds the 4 KB (4096 bytes)"},
		{"env exactly 4 KB ok", FunctionConfig{Env: map[string]string{"K": strings.Repeat("x", 4095)}}, AccountConfig{}, "", ""},
		{"arch", FunctionConfig{Arch: "riscv"}, AccountConfig{}, InvalidParameterValue, "[x86_64, arm64]"},
		{"zip direct 51 MB", FunctionConfig{ZipMB: 51, DirectUpload: true}, AccountConfig{}, RequestEntityTooLarge, "50 MB limit for direct upload"},
		{"zip 51 MB via S3 ok", FunctionConfig{ZipMB: 51}, AccountConfig{}, "", ""},
		{"unzipped 251 MB", FunctionConfig{UnzippedMB: 251}, AccountConfig{}, InvalidParameterValue, "smaller than 250 MB (262144000 bytes)"},
		{"image 11 GB", FunctionConfig{PackageType: PackageImage, ImageGB: 11}, AccountConfig{}, InvalidParameterValue, "at most 10 GB"},
		{"reserved 900 ok", FunctionConfig{Reserved: intp(900)}, AccountConfig{}, "", ""},
		{"reserved 901 leaves < 100", FunctionConfig{Reserved: intp(901)}, AccountConfig{}, InvalidParameterValue,
			"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]."},
		{"reserved with others", FunctionConfig{Reserved: intp(500)}, AccountConfig{OtherReserved: 401}, InvalidParameterValue, "minimum value of [100]"},
		{"provisioned above reserved", FunctionConfig{Reserved: intp(10), Provisioned: 11}, AccountConfig{}, InvalidParameterValue, "should not be greater than the reserved concurrency"},
		{"provisioned leaves < 100", FunctionConfig{Provisioned: 950}, AccountConfig{}, InvalidParameterValue, "less than 100 unreserved"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.ValidateIn(tc.acct, DefaultLimits())
			if tc.typ == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			var ae *APIError
			if !errors.As(err, &ae) || ae.Type != tc.typ || !strings.Contains(ae.Message, tc.msg) {
				t.Fatalf("got %v, want %s containing %q", err, tc.typ, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), tc.typ+": ") {
				t.Fatalf("Error() = %q", err.Error())
			}
		})
	}
	if err := (FunctionConfig{Reserved: intp(901)}).Validate(); err == nil {
		t.Fatal("Validate uses the default account and must refuse 901")
	}
}

func TestDurationModel(t *testing.T) {
	l := DefaultLimits()
	tests := []struct {
		name string
		d    DurationModel
		mem  int
		want float64
	}{
		{"cpu share 0 ignores memory", DurationModel{DurationMS: 1000}, 128, 1000},
		{"all CPU at 1769 MB", DurationModel{DurationMS: 1000, CPUShare: 1}, 1769, 1000},
		{"all CPU at half a vCPU", DurationModel{DurationMS: 1000, CPUShare: 1}, 1769 / 2, 1000 * 1769 / float64(1769/2)},
		{"half CPU at 2 vCPU", DurationModel{DurationMS: 1000, CPUShare: 0.5}, 3538, 750},
		{"single thread gains nothing past 1 vCPU", DurationModel{DurationMS: 1000, CPUShare: 1, Threads: 1}, 10240, 1000},
		{"10240 MB gets 10240/1769 vCPU", DurationModel{DurationMS: 1000, CPUShare: 1}, 10240, 1000 * 1769 / 10240.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.d.At(tc.mem, l); math.Abs(got-tc.want) > 1e-6 {
				t.Fatalf("At(%d) = %v, want %v", tc.mem, got, tc.want)
			}
		})
	}
	if v := VCPU(20000, l); v != 6 {
		t.Fatalf("VCPU cap = %v, want 6", v)
	}
}
