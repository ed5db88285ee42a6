package conformance

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestAWSCLI runs awscli_test.sh when the AWS CLI is installed: the real
// CLI against `saa-study sim dynamodb --serve` on loopback. It is skipped
// with -short, without aws, or when cmd/saa-study does not build (another
// package may be mid-edit).
func TestAWSCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("aws is not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "saa-study")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/saa-study/saa-study/cmd/saa-study").CombinedOutput(); err != nil {
		t.Skipf("cannot build cmd/saa-study: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command("bash", "awscli_test.sh")
	cmd.Env = append(os.Environ(), "SAA_STUDY_BIN="+bin, "PORT="+strconv.Itoa(port))
	out, err := cmd.CombinedOutput()
	t.Logf("\n%s", out)
	if err != nil {
		t.Fatalf("awscli_test.sh: %v", err)
	}
	if !strings.Contains(string(out), "ProvisionedThroughputExceededException") {
		t.Error("no throttling shown")
	}
}
