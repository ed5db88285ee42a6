package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const scriptCreate = "create-table --table-name Demo --attribute-definitions AttributeName=pk,AttributeType=S " +
	"--key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED " +
	"--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5"

// TestSimDynamoDBScript: --script prints what the console prints, in plain
// text; a refused line prints its error, the script goes on, and the exit
// status is 1.
func TestSimDynamoDBScript(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hot.txt")
	script := "# a hot key on a 5-WCU table\n" + scriptCreate + "\n\n" +
		`put-item --table-name Demo --item '{"id":{"S":"x"}}'` + "\n" +
		"load --table Demo --rate 200 --seconds 60 --keys 1\n"
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := saa(t, "--lang", "en", "sim", "dynamodb", "--script", file)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one line refused): %s", code, errs)
	}
	for _, w := range []string{
		"$ " + scriptCreate,
		`"WriteCapacityUnits": 5`,
		"An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key pk in the item",
		"ok 305 · throttled 11695",
		"Why: provisioned rate",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "\x1b") || strings.Contains(out, "a hot key") {
		t.Errorf("output has escape codes or the comment:\n%s", out)
	}
	if !strings.Contains(errs, "hot.txt:4") {
		t.Errorf("stderr should name the first refused line: %q", errs)
	}
}

func TestSimDynamoDBScriptFromStdin(t *testing.T) {
	var out, errb bytes.Buffer
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	in := strings.NewReader(scriptCreate + "\nlist-tables\n")
	code := run(context.Background(), []string{"--lang", "en", "sim", "dynamodb", "--script", "-"}, in, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "$ list-tables\n{\n    \"TableNames\": [\n        \"Demo\"") {
		t.Errorf("list-tables should name the table:\n%s", out.String())
	}
}
