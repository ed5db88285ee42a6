package classroom

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// chownNobody hands path to another user, or skips when that is not
// possible (not root).
func chownNobody(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a folder another user owns")
	}
	if err := exec.Command("chown", "-h", "nobody", path).Run(); err != nil {
		t.Skipf("chown: %v", err)
	}
}

func TestHostKeyFolderRefusals(t *testing.T) {
	base := t.TempDir()
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	try := func(dir string) error {
		_, err := NewServer(ServerConfig{HostKeyDir: dir, Room: r})
		return err
	}

	other := filepath.Join(base, "other")
	if err := os.Mkdir(other, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(filepath.Join(base, "elsewhere"), link); err != nil {
		t.Fatal(err)
	}
	open := filepath.Join(base, "open")
	if err := os.Mkdir(open, 0o700); err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(open, 0o777)
	planted := filepath.Join(base, "planted")
	_ = os.Mkdir(planted, 0o700)
	if err := os.Symlink("/etc/hostname", filepath.Join(planted, HostKeyName)); err != nil {
		t.Fatal(err)
	}
	loose := filepath.Join(base, "loose")
	_ = os.Mkdir(loose, 0o700)
	_ = os.WriteFile(filepath.Join(loose, HostKeyName), []byte("x"), 0o666)
	_ = os.Chmod(filepath.Join(loose, HostKeyName), 0o666)

	for _, c := range []struct {
		name, dir, want string
	}{
		{"a symlink for the folder", link, "symbolic link"},
		{"a folder anyone can write", open, "others can write"},
		{"a symlink for the key", planted, "symbolic link"},
		{"a key others can write", loose, "others can"},
	} {
		err := try(c.dir)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.dir) {
			t.Errorf("%s: %v; want a refusal naming the path and %q", c.name, err, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(base, "elsewhere")); err == nil {
		t.Error("the symlink was followed")
	}
	if err := try(filepath.Join(base, "fresh", "ssh")); err != nil {
		t.Fatalf("a new folder of our own: %v", err)
	}
	t.Run("owned by another user", func(t *testing.T) {
		chownNobody(t, other)
		if err := try(other); err == nil || !strings.Contains(err.Error(), "another user") {
			t.Errorf("%v; want a refusal: another user owns it", err)
		}
	})
}

func TestOpenLogRefusesSymlink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ssh")
	_ = os.Mkdir(dir, 0o700)
	target := filepath.Join(t.TempDir(), "victim")
	_ = os.WriteFile(target, []byte("keep\n"), 0o600)
	if err := os.Symlink(target, filepath.Join(dir, LogName)); err != nil {
		t.Fatal(err)
	}
	if f, err := OpenLog(dir); err == nil {
		f.Close()
		t.Fatal("a symlinked log file must be refused")
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Fatal("the log followed the symlink")
	}
}
