package lambda

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/saa-study/saa-study/sim/say"
)

// Usage is what a run consumed, in the units Lambda bills.
type Usage struct {
	MemoryMB int    `json:"memory_mb"`
	Arch     string `json:"arch"`
	// OnDemandInvocations and OnDemandBilledMS cover environments created on
	// demand; billed ms are per invocation, rounded up to 1 ms, INIT included.
	OnDemandInvocations int64 `json:"on_demand_invocations"`
	OnDemandBilledMS    int64 `json:"on_demand_billed_ms"`
	// InitBilledMS is the INIT part of OnDemandBilledMS.
	InitBilledMS int64 `json:"init_billed_ms"`
	// PCInvocations and PCBilledMS are invocations served by provisioned
	// environments, billed at the lower provisioned duration price.
	PCInvocations int64 `json:"pc_invocations"`
	PCBilledMS    int64 `json:"pc_billed_ms"`
	// Provisioned environments were configured for ProvisionedSeconds.
	Provisioned        int     `json:"provisioned"`
	ProvisionedSeconds float64 `json:"provisioned_seconds"`
}

// BillLine is one priced line with the arithmetic that produced it.
type BillLine struct {
	Label      string  `json:"label"`
	Arithmetic string  `json:"arithmetic"`
	USD        float64 `json:"usd"`
	// LabelKo and ArithmeticKo are the line in Korean.
	LabelKo      string `json:"-"`
	ArithmeticKo string `json:"-"`
}

// In is the line's label and arithmetic in lang ("en" or "ko").
func (l BillLine) In(lang string) (label, arithmetic string) {
	return say.Pick(lang, l.Label, l.LabelKo), say.Pick(lang, l.Arithmetic, l.ArithmeticKo)
}

// Bill is the priced usage. Compute includes duration on provisioned
// environments; Provisioned is the charge for keeping them ready.
type Bill struct {
	Lines       []BillLine `json:"lines"`
	GBSeconds   float64    `json:"gb_seconds"`
	Requests    float64    `json:"requests"`
	Compute     float64    `json:"compute"`
	Provisioned float64    `json:"provisioned"`
	Total       float64    `json:"total"`
}

// ComputeBill prices usage with us-east-1 list prices. The free tier
// (1M requests and 400,000 GB-s a month) is subtracted when freeTier is
// set, except for functions with provisioned concurrency, to which AWS does
// not apply it. Tiered duration discounts above 6 billion GB-s are ignored.
func ComputeBill(u Usage, freeTier bool, l Limits) Bill {
	var b Bill
	gb := float64(u.MemoryMB) / 1024
	gbs := func(ms int64) float64 { return float64(ms) / 1000 * gb }
	price, pcPrice, pcDur := l.PriceX86GBs, l.PriceX86PCGBs, l.PriceX86PCDurationGBs
	if u.Arch == ArchArm {
		price, pcPrice, pcDur = l.PriceArmGBs, l.PriceArmPCGBs, l.PriceArmPCDurationGBs
	}
	free := freeTier && u.Provisioned == 0
	if freeTier && !free {
		b.Lines = append(b.Lines, BillLine{Label: "Free tier", Arithmetic: "not applied: the function has provisioned concurrency",
			LabelKo: "프리 티어", ArithmeticKo: "적용되지 않음: 함수에 프로비저닝된 동시성이 있습니다"})
	}

	reqs := u.OnDemandInvocations + u.PCInvocations
	billable := reqs
	ar := commas(reqs) + " requests"
	arKo := "요청 " + commas(reqs) + "건"
	if free {
		billable = max(reqs-l.FreeRequests, 0)
		ar += " − " + commas(l.FreeRequests) + " free = " + commas(billable)
		arKo += " − 무료 " + commas(l.FreeRequests) + "건 = " + commas(billable) + "건"
	}
	b.Requests = float64(billable) * l.PriceRequestsPerM / 1e6
	tail := fmt.Sprintf(" × $%.2f/M = %s", l.PriceRequestsPerM, usd(b.Requests))
	ar += tail
	b.Lines = append(b.Lines, BillLine{Label: "Requests", Arithmetic: ar, USD: b.Requests, LabelKo: "요청", ArithmeticKo: arKo + tail})

	odGBs := gbs(u.OnDemandBilledMS)
	b.GBSeconds = odGBs + gbs(u.PCBilledMS)
	if u.OnDemandInvocations > 0 || u.PCInvocations == 0 {
		avg := 0.0
		if u.OnDemandInvocations > 0 {
			avg = float64(u.OnDemandBilledMS) / float64(u.OnDemandInvocations) / 1000
		}
		ar = fmt.Sprintf("%s × %.3f s × %.3f GB = %s GB-s", commas(u.OnDemandInvocations), avg, gb, num(odGBs))
		arKo = ar
		billGBs := odGBs
		if free {
			billGBs = math.Max(odGBs-l.FreeGBSeconds, 0)
			ar += " − " + num(l.FreeGBSeconds) + " free = " + num(billGBs)
			arKo += " − 무료 " + num(l.FreeGBSeconds) + " = " + num(billGBs)
		}
		c := billGBs * price
		tail := fmt.Sprintf(" × $%.10f = %s", price, usd(c))
		ar += tail
		b.Compute += c
		b.Lines = append(b.Lines, BillLine{Label: "Compute (" + u.Arch + ")", Arithmetic: ar, USD: c,
			LabelKo: "컴퓨팅 (" + u.Arch + ")", ArithmeticKo: arKo + tail})
	}
	if u.InitBilledMS > 0 {
		b.Lines = append(b.Lines, BillLine{Label: "INIT (included in compute)",
			Arithmetic:   fmt.Sprintf("%s ms of cold-start INIT × %.3f GB = %s GB-s, billed since 2025-08-01", commas(u.InitBilledMS), gb, num(gbs(u.InitBilledMS))),
			LabelKo:      "INIT (컴퓨팅에 포함)",
			ArithmeticKo: fmt.Sprintf("콜드 스타트 INIT %s ms × %.3f GB = %s GB-s, 2025-08-01부터 과금", commas(u.InitBilledMS), gb, num(gbs(u.InitBilledMS)))})
	}
	if u.PCInvocations > 0 {
		pg := gbs(u.PCBilledMS)
		c := pg * pcDur
		b.Compute += c
		ar := fmt.Sprintf("%s × %.3f s × %.3f GB = %s GB-s × $%.10f = %s", commas(u.PCInvocations),
			float64(u.PCBilledMS)/float64(u.PCInvocations)/1000, gb, num(pg), pcDur, usd(c))
		b.Lines = append(b.Lines, BillLine{Label: "Compute on provisioned environments", Arithmetic: ar, USD: c,
			LabelKo: "프로비저닝된 환경의 컴퓨팅", ArithmeticKo: ar})
	}
	if u.Provisioned > 0 {
		round := float64(max(l.PCRoundS, 1))
		secs := math.Ceil(u.ProvisionedSeconds/round) * round
		pg := float64(u.Provisioned) * gb * secs
		b.Provisioned = pg * pcPrice
		b.Lines = append(b.Lines, BillLine{Label: "Provisioned concurrency",
			Arithmetic: fmt.Sprintf("%d × %.3f GB × %s s (rounded up to %d min) = %s GB-s × $%.10f = %s",
				u.Provisioned, gb, num(secs), int(round/60), num(pg), pcPrice, usd(b.Provisioned)), USD: b.Provisioned,
			LabelKo: "프로비저닝된 동시성",
			ArithmeticKo: fmt.Sprintf("%d × %.3f GB × %s s (%d분 단위로 올림) = %s GB-s × $%.10f = %s",
				u.Provisioned, gb, num(secs), int(round/60), num(pg), pcPrice, usd(b.Provisioned))})
	}
	b.Total = b.Requests + b.Compute + b.Provisioned
	b.Lines = append(b.Lines, BillLine{Label: "Total", Arithmetic: usd(b.Total), USD: b.Total, LabelKo: "합계", ArithmeticKo: usd(b.Total)})
	return b
}

func usd(v float64) string {
	if v != 0 && v < 0.01 {
		return "$" + strconv.FormatFloat(v, 'f', 6, 64)
	}
	return "$" + commasF(v, 2)
}

// num prints a GB-s figure with thousands separators and up to 3 decimals.
func num(v float64) string {
	s := commasF(v, 3)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func commas(n int64) string { return commasF(float64(n), 0) }

func commasF(v float64, dec int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var out []byte
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	sign := ""
	if v < 0 {
		sign = "-"
	}
	return sign + string(out) + frac
}
