package say

import (
	"reflect"
	"strings"
	"testing"
)

// TestEnglishFlagsEnglish: the checker the Korean tests rely on finds an
// English sentence, and one inside Korean text.
func TestEnglishFlagsEnglish(t *testing.T) {
	for _, s := range []string{
		"Reserved concurrency 100 capped the function: 50% of requests were throttled (429).",
		"예약된 동시성 100 — requests were throttled (429).",
		"t=1.00s: a backlog formed: events wait in the queue",
		"The account token bucket (10,000 rps, burst 5,000) emptied",
		// a quoted exception ends at the fact cited after it
		"거부됨: InvalidParameterException: Filter policy is too complex [sns.filter.combinations_max] and the run was stopped here",
	} {
		if got := English(s); len(got) == 0 {
			t.Errorf("English(%q) found nothing", s)
		}
	}
}

// TestEnglishLetsKoreanPass: Korean text with the ids, numbers, units,
// AWS names and verbatim service messages it keeps is not flagged.
func TestEnglishLetsKoreanPass(t *testing.T) {
	for _, s := range []string{
		"예약된 동시성 100이 함수를 제한해 요청의 50%가 스로틀링되었습니다(429 TooManyRequestsException). [lambda.throttle.code]",
		"t=1.00s: 계정 토큰 버킷이 비었습니다: 10,000 rps(버스트 5,000)를 넘는 요청은 429 Too Many Requests를 받습니다",
		"504 Endpoint request timed out을 받았습니다",
		"Amazon States Language 정의 · max_connections=90 · x86_64 · 0.5 GB-s × $0.0000166667",
		"CloudFront Functions와 Lambda@Edge 비교",
		"거부됨: InvalidParameterException: Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys [sns.filter.keys_max]",
		"InvalidParameterException: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics",
	} {
		if got := English(s); len(got) != 0 {
			t.Errorf("English(%q) = %q, want nothing", s, got)
		}
	}
}

// TestSprintf: a registered format gives Korean with its arguments
// (reordered where the Korean puts them in another order); an unknown one
// gives the English in both, which the Korean tests then catch.
func TestSprintf(t *testing.T) {
	Korean(func() map[string]string {
		return map[string]string{"%d of %d requests failed": "요청 %[2]d건 중 %[1]d건이 실패했습니다"}
	})
	got := Sprintf("%d of %d requests failed", 3, 12000)
	want := Text{En: "3 of 12000 requests failed", Ko: "요청 12,000건 중 3건이 실패했습니다"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sprintf = %+v, want %+v", got, want)
	}
	if got := Sprintf("nothing for %s", "x"); got.Ko != got.En || got.In("ko") != "nothing for x" {
		t.Errorf("untranslated = %+v", got)
	}
}

// FuzzEnglish: the checker never panics, and every run it reports is made
// of three or more words that each occur in the input.
func FuzzEnglish(f *testing.F) {
	f.Add("Reserved concurrency 100 capped the function: 50% of requests were throttled (429).")
	f.Add("예약된 동시성(100)이 함수의 상한이 되어 요청의 50%가 스로틀링되었습니다(429). [lambda.throttle.code]")
	f.Add("504 Endpoint request timed out, (a b c) x86_64 viewer-request “quoted words here”")
	f.Fuzz(func(t *testing.T, s string) {
		for _, run := range NotKorean(s) {
			if strings.HasPrefix(run, "bad format: ") {
				continue
			}
			words := strings.Fields(run)
			if len(words) < 3 {
				t.Fatalf("run %q has fewer than 3 words", run)
			}
			for _, w := range words {
				if !strings.Contains(s, w) {
					t.Fatalf("word %q of run %q is not in the input %q", w, run, s)
				}
			}
		}
	})
}
