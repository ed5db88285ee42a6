package edge

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func oneFn(t Trigger, f Function) Distribution {
	return Distribution{TTLSeconds: 60, Origins: []Origin{{Name: "o", LatencyMs: 50}}, Associations: []Association{{Trigger: t, Function: f}}}
}

func cffFn(a Action) Function {
	return Function{Name: "f", Kind: CFF, Action: a, DurationMs: 0.3, MemoryMB: 1, PackageKB: 2}
}

func laeFn(a Action) Function {
	return Function{Name: "f", Kind: LAE, Action: a, DurationMs: 5, MemoryMB: 128, PackageKB: 100, Version: "1"}
}

func TestAttachmentRules(t *testing.T) {
	mod := func(f Function, m func(*Function)) Function { m(&f); return f }
	cases := []struct {
		name    string
		trigger Trigger
		fn      Function
		code    string // "" = accepted
		fact    string
		msg     string
	}{
		{"cff viewer-request ok", ViewerRequest, cffFn(AddHeader), "", "", ""},
		{"cff viewer-response ok", ViewerResponse, cffFn(AddHeader), "", "", ""},
		{"cff origin-request refused", OriginRequest, cffFn(AddHeader), ErrInvalidFunctionAssoc, "cff.events", "origin"},
		{"cff origin-response refused", OriginResponse, cffFn(AddHeader), ErrInvalidFunctionAssoc, "cff.events", "origin"},
		{"cff body refused", ViewerRequest, cffFn(ReadBody), ErrInvalidFunctionAssoc, "cff.access", "body"},
		{"cff network refused", ViewerRequest, cffFn(CallAPI), ErrInvalidFunctionAssoc, "cff.access", "network"},
		{"cff 10 KB ok", ViewerRequest, mod(cffFn(AddHeader), func(f *Function) { f.PackageKB = 10 }), "", "", ""},
		{"cff 11 KB refused", ViewerRequest, mod(cffFn(AddHeader), func(f *Function) { f.PackageKB = 11 }), ErrFunctionSize, "cff.package", "10 KB"},
		{"cff 3 MB refused", ViewerRequest, mod(cffFn(AddHeader), func(f *Function) { f.MemoryMB = 3 }), ErrInvalidFunctionAssoc, "cff.memory", "2 MB"},
		{"cff 1 ms refused", ViewerRequest, mod(cffFn(AddHeader), func(f *Function) { f.DurationMs = 1 }), ErrInvalidFunctionAssoc, "cff.duration", "under 1 ms"},
		{"cff connection-request without mTLS", ConnectionRequest, cffFn(CheckClientCert), ErrInvalidFunctionAssoc, "cff.events", "mutual TLS"},
		{"lae origin-request ok", OriginRequest, laeFn(PickOrigin), "", "", ""},
		{"lae all four triggers: origin-response", OriginResponse, laeFn(AddHeader), "", "", ""},
		{"lae connection-request refused", ConnectionRequest, laeFn(CheckClientCert), ErrInvalidLambdaAssociation, "lae.events", "connection-request"},
		{"lae eu-west-1 refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.Region = "eu-west-1" }), ErrInvalidLambdaAssociation, "lae.region", "The function must be in region 'us-east-1'"},
		{"lae $LATEST refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.Version = "$LATEST" }), ErrInvalidLambdaAssociation, "lae.region", "must reference a specific function version"},
		{"lae alias refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.Version = "live" }), ErrInvalidLambdaAssociation, "lae.region", "must reference a specific function version"},
		{"lae viewer timeout 5 s ok", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.TimeoutS = 5 }), "", "", ""},
		{"lae viewer timeout 6 s refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.TimeoutS = 6 }), ErrInvalidLambdaAssociation, "lae.timeout.viewer", "Max allowed: 5"},
		{"lae origin timeout 30 s ok", OriginRequest, mod(laeFn(AddHeader), func(f *Function) { f.TimeoutS = 30 }), "", "", ""},
		{"lae origin timeout 31 s refused", OriginRequest, mod(laeFn(AddHeader), func(f *Function) { f.TimeoutS = 31 }), ErrInvalidLambdaAssociation, "lae.timeout.origin", "Max allowed: 30"},
		{"lae viewer 256 MB refused", ViewerResponse, mod(laeFn(AddHeader), func(f *Function) { f.MemoryMB = 256 }), ErrInvalidLambdaAssociation, "lae.memory", "Max allowed: 128"},
		{"lae origin 10240 MB ok", OriginResponse, mod(laeFn(AddHeader), func(f *Function) { f.MemoryMB = 10240 }), "", "", ""},
		{"lae origin 10241 MB refused", OriginResponse, mod(laeFn(AddHeader), func(f *Function) { f.MemoryMB = 10241 }), ErrInvalidLambdaAssociation, "lae.memory", "10240"},
		{"lae viewer 2 MB package refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.PackageKB = 2048 }), ErrInvalidLambdaAssociation, "lae.package", "Max allowed: 1 MB"},
		{"lae origin 2 MB package ok", OriginRequest, mod(laeFn(AddHeader), func(f *Function) { f.PackageKB = 2048 }), "", "", ""},
		{"lae VPC refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.VPC = true }), ErrInvalidLambdaAssociation, "lae.unsupported", "VPC"},
		{"lae env vars refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.EnvVars = true }), ErrInvalidLambdaAssociation, "lae.unsupported", "environment variables"},
		{"lae layers refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.Layers = true }), ErrInvalidLambdaAssociation, "lae.unsupported", "layers"},
		{"lae provisioned concurrency refused", ViewerRequest, mod(laeFn(AddHeader), func(f *Function) { f.ProvisionedConcurrency = true }), ErrInvalidLambdaAssociation, "lae.unsupported", "provisioned"},
		{"lae body without include_body", ViewerRequest, laeFn(ReadBody), ErrInvalidArgument, "lae.events", "include_body"},
		{"pick-origin on viewer-request", ViewerRequest, laeFn(PickOrigin), ErrInvalidArgument, "", "cannot run on viewer-request"},
		{"unknown kind", ViewerRequest, Function{Name: "f", Kind: "wasm", Action: AddHeader}, ErrInvalidArgument, "", "kind"},
		{"unknown action", ViewerRequest, Function{Name: "f", Kind: CFF, Action: "dance"}, ErrInvalidArgument, "", "behaviour"},
		{"unknown trigger", "edge-request", cffFn(AddHeader), ErrInvalidArgument, "", "event type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := oneFn(c.trigger, c.fn).Validate(DefaultLimits())
			if c.code == "" {
				if err != nil {
					t.Fatalf("want accepted, got %v", err)
				}
				return
			}
			var ae *Error
			if !errors.As(err, &ae) {
				t.Fatalf("want *Error %s, got %v", c.code, err)
			}
			if ae.Code != c.code || ae.Fact != c.fact || !strings.Contains(ae.Message, c.msg) {
				t.Errorf("got %s [%s] %q; want %s [%s] containing %q", ae.Code, ae.Fact, ae.Message, c.code, c.fact, c.msg)
			}
		})
	}
}

func TestConnectionRequestWithMTLS(t *testing.T) {
	d := oneFn(ConnectionRequest, cffFn(CheckClientCert))
	d.MTLS = true
	d.RequestsPerConnection = 4
	s, err := Run(d, Workload{Requests: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Invocations[ConnectionRequest]; got != 25 {
		t.Errorf("connection-request ran %d times for 100 requests at 4 per connection, want 25", got)
	}
}

func TestOneFunctionPerEventType(t *testing.T) {
	d := oneFn(ViewerRequest, cffFn(AddHeader))
	d.Associations = append(d.Associations, Association{Trigger: ViewerRequest, Function: laeFn(AddHeader)})
	var ae *Error
	if err := d.Validate(DefaultLimits()); !errors.As(err, &ae) || ae.Code != ErrInvalidArgument {
		t.Fatalf("want InvalidArgument for two viewer-request functions, got %v", err)
	}
}

func TestDefaultLimitsMatchFacts(t *testing.T) {
	l := DefaultLimits()
	got := []float64{l.CFFMaxDurationMs, l.CFFMemoryMB, l.CFFPackageKB, l.LAEViewerTimeoutS, l.LAEOriginTimeoutS, l.LAEViewerMemoryMB, l.LAEOriginMemoryMB, l.LAEViewerPackageMB, l.LAEOriginPackageMB, float64(l.LAETriggers)}
	want := []float64{1, 2, 10, 5, 30, 128, 10240, 1, 50, 4}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("limit %d = %v, want %v", i, got[i], want[i])
		}
	}
	if l.LAERegion != "us-east-1" {
		t.Errorf("region %q", l.LAERegion)
	}
}

func TestNonFiniteInputRefused(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	ds := []Distribution{
		{TTLSeconds: nan, Origins: []Origin{{Name: "o"}}},
		{EdgeLatencyMs: inf, Origins: []Origin{{Name: "o"}}},
		{Origins: []Origin{{Name: "o", LatencyMs: nan}}},
		oneFn(ViewerRequest, Function{Name: "f", Kind: CFF, Action: AddHeader, DurationMs: nan}),
		oneFn(ViewerRequest, Function{Name: "f", Kind: LAE, Action: AddHeader, TimeoutS: inf}),
		oneFn(ViewerRequest, Function{Name: "f", Kind: CFF, Action: CheckJWT, Fraction: nan}),
	}
	for i, d := range ds {
		var ae *Error
		if err := d.Validate(DefaultLimits()); !errors.As(err, &ae) || ae.Code != ErrInvalidArgument {
			t.Errorf("case %d: got %v", i, err)
		}
	}
}
