package classroom

import (
	"crypto/sha256"
	"crypto/subtle"
	"math/rand/v2"
	"strings"
)

// codeAlphabet leaves out letters and digits that are easy to confuse when
// read off a projector (0/O, 1/I/L, 5/S, 8/B, 2/Z).
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// CodeLength is the length of a generated join code.
const CodeLength = 6

// GenerateCode draws a join code from rng. The server seeds it from the OS
// (crypto-grade randomness is not needed: a code lives for one lesson and
// five wrong tries end a connection); tests pass a fixed seed.
func GenerateCode(rng *rand.Rand) string {
	var b strings.Builder
	for range CodeLength {
		b.WriteByte(codeAlphabet[rng.IntN(len(codeAlphabet))])
	}
	return b.String()
}

// NormalizeCode is how typed codes are compared: case and surrounding
// spaces do not matter.
func NormalizeCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// CodeMatches compares a typed code with the real one in constant time:
// both are hashed first, so neither their contents nor their lengths
// change how long the comparison takes.
func CodeMatches(typed, code string) bool {
	a := sha256.Sum256([]byte(NormalizeCode(typed)))
	b := sha256.Sum256([]byte(NormalizeCode(code)))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}
