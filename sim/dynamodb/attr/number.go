package attr

import (
	"math/big"
	"strings"
)

// Number is an exact decimal with up to 38 significant digits, the way
// DynamoDB stores N values: float64 would silently change 0.1 or a 20-digit ID.
// The zero value is the number 0.
type Number struct {
	neg  bool
	coef string // significant digits, no leading or trailing zeros; "" means zero
	exp  int    // value = 0.coef × 10^exp
}

// Limits of the N type (the DynamoDB data-types page: magnitudes from 1E-130
// to 9.99…E+125, 38 digits of precision).
const (
	maxDigits = 38
	maxSciExp = 125
	minSciExp = -130
)

// Messages AWS returns for numbers it cannot store.
const (
	msgNotNumeric = "The parameter cannot be converted to a numeric value"
	msgOverflow   = "Number overflow. Attempting to store a number with magnitude larger than supported range"
	msgUnderflow  = "Number underflow. Attempting to store a number with magnitude smaller than supported range"
	msgPrecision  = "Attempting to store more than 38 significant digits in a Number"
)

// ParseNumber reads a decimal string such as "-12.5e3" and checks it against
// DynamoDB's range and precision, returning AWS's ValidationException text.
func ParseNumber(s string) (Number, error) {
	if s == "" {
		return Number{}, validation(msgNotNumeric)
	}
	bad := func() (Number, error) { return Number{}, validation(msgNotNumeric + ": " + s) }
	i := 0
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	var digits strings.Builder
	pointPos := -1
	nd := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits.WriteByte(c)
			nd++
			continue
		}
		if c == '.' && pointPos < 0 {
			pointPos = nd
			continue
		}
		break
	}
	if nd == 0 {
		return bad()
	}
	e := 0
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return bad()
		}
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return bad()
		}
		for ; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return bad()
			}
			if e < 100000 {
				e = e*10 + int(c-'0')
			}
		}
		if eneg {
			e = -e
		}
	}
	if pointPos < 0 {
		pointPos = nd
	}
	d := digits.String()
	lead := 0
	for lead < len(d) && d[lead] == '0' {
		lead++
	}
	d = d[lead:]
	if d == "" {
		return Number{}, nil
	}
	n := Number{neg: neg, coef: strings.TrimRight(d, "0"), exp: pointPos - lead + e}
	return n, n.check()
}

// check applies DynamoDB's range and precision limits.
func (n Number) check() error {
	if n.coef == "" {
		return nil
	}
	if n.exp-1 > maxSciExp {
		return validation(msgOverflow)
	}
	if n.exp-1 < minSciExp {
		return validation(msgUnderflow)
	}
	if len(n.coef) > maxDigits {
		return validation(msgPrecision)
	}
	return nil
}

// MustNumber parses s and returns zero on error; for literals in tests and
// load generators where the input is known good.
func MustNumber(s string) Number {
	n, _ := ParseNumber(s)
	return n
}

// IsZero reports whether n is 0.
func (n Number) IsZero() bool { return n.coef == "" }

// String renders n as a plain decimal without exponent, as DynamoDB returns it.
func (n Number) String() string {
	if n.coef == "" {
		return "0"
	}
	return string(n.appendDecimal(make([]byte, 0, n.decimalLen())))
}

// decimalLen is the length of String's text.
func (n Number) decimalLen() int {
	l := len(n.coef)
	switch {
	case n.exp <= 0:
		l += 2 - n.exp
	case n.exp >= len(n.coef):
		l = n.exp
	default:
		l++
	}
	if n.neg {
		l++
	}
	return l
}

// appendDecimal appends String's text to b.
func (n Number) appendDecimal(b []byte) []byte {
	if n.coef == "" {
		return append(b, '0')
	}
	if n.neg {
		b = append(b, '-')
	}
	switch {
	case n.exp <= 0:
		b = append(b, "0."...)
		for range -n.exp {
			b = append(b, '0')
		}
		b = append(b, n.coef...)
	case n.exp >= len(n.coef):
		b = append(b, n.coef...)
		for range n.exp - len(n.coef) {
			b = append(b, '0')
		}
	default:
		b = append(b, n.coef[:n.exp]...)
		b = append(b, '.')
		b = append(b, n.coef[n.exp:]...)
	}
	return b
}

// Cmp returns -1, 0 or +1 as n is less than, equal to or greater than m.
func (n Number) Cmp(m Number) int {
	sn, sm := n.sign(), m.sign()
	if sn != sm {
		if sn < sm {
			return -1
		}
		return 1
	}
	if sn == 0 {
		return 0
	}
	c := cmpMag(n, m)
	if sn < 0 {
		return -c
	}
	return c
}

func (n Number) sign() int {
	switch {
	case n.coef == "":
		return 0
	case n.neg:
		return -1
	}
	return 1
}

func cmpMag(a, b Number) int {
	if a.exp != b.exp {
		if a.exp < b.exp {
			return -1
		}
		return 1
	}
	la, lb := len(a.coef), len(b.coef)
	for i := 0; i < la || i < lb; i++ {
		var ca, cb byte = '0', '0'
		if i < la {
			ca = a.coef[i]
		}
		if i < lb {
			cb = b.coef[i]
		}
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
	}
	return 0
}

// scaled returns n as an integer i and scale s with n = i × 10^s.
func (n Number) scaled() (*big.Int, int) {
	i := new(big.Int)
	if n.coef == "" {
		return i, 0
	}
	i.SetString(n.coef, 10)
	if n.neg {
		i.Neg(i)
	}
	return i, n.exp - len(n.coef)
}

// Add returns n+m exactly, or AWS's error when the result leaves the range.
func (n Number) Add(m Number) (Number, error) {
	a, sa := n.scaled()
	b, sb := m.scaled()
	s := min(sa, sb)
	ten := big.NewInt(10)
	if sa > s {
		a.Mul(a, new(big.Int).Exp(ten, big.NewInt(int64(sa-s)), nil))
	}
	if sb > s {
		b.Mul(b, new(big.Int).Exp(ten, big.NewInt(int64(sb-s)), nil))
	}
	a.Add(a, b)
	if a.Sign() == 0 {
		return Number{}, nil
	}
	neg := a.Sign() < 0
	d := a.Abs(a).String()
	r := Number{neg: neg, coef: strings.TrimRight(d, "0"), exp: len(d) + s}
	return r, r.check()
}

// Neg returns -n.
func (n Number) Neg() Number {
	if n.coef != "" {
		n.neg = !n.neg
	}
	return n
}

// Sub returns n-m exactly.
func (n Number) Sub(m Number) (Number, error) { return n.Add(m.Neg()) }

// Int64 returns n truncated to an integer, and whether it fit; TTL reads
// epoch seconds this way.
func (n Number) Int64() (int64, bool) {
	i, s := n.scaled()
	if s < 0 {
		i.Quo(i, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-s)), nil))
	} else if s > 0 {
		if s > 19 {
			return 0, false
		}
		i.Mul(i, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s)), nil))
	}
	if !i.IsInt64() {
		return 0, false
	}
	return i.Int64(), true
}

// size is the stored size of a number: one byte per pair of digits (pairs
// aligned on the decimal point), one for the exponent, one more if negative.
func (n Number) size() int {
	if n.coef == "" {
		return 1
	}
	top := n.exp - 1
	bottom := n.exp - len(n.coef)
	sz := 1 + floorDiv(top, 2) - floorDiv(bottom, 2) + 1
	if n.neg {
		sz++
	}
	return sz
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
