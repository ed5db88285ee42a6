package edge

import "github.com/saa-study/saa-study/sim/say"

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say).
func init() {
	say.Korean(map[string]string{
		// explanations
		"The %s function ran %d times, once per cache miss, while %d of %d requests were hits that skipped it [lae.events].":                                                               "%s 함수는 캐시 미스마다 한 번씩 모두 %d번 실행되었고, 요청 %[4]d건 중 캐시 적중 %[3]d건은 함수를 건너뛰었습니다 [lae.events].",
		"The %s Lambda@Edge function ran on all %d requests; %s needs Lambda@Edge because CloudFront Functions have no body or network access [cff.access].":                               "%s Lambda@Edge 함수가 요청 %d건 모두에서 실행되었습니다. CloudFront Functions는 요청 본문과 네트워크에 접근할 수 없으므로 %s 동작에는 Lambda@Edge가 필요합니다 [cff.access].",
		"The %s CloudFront Function ran on all %d requests, hit or miss, at $0.10 per 1M with no duration charge [cff.access].":                                                            "%s CloudFront 함수가 캐시 적중 여부와 관계없이 요청 %d건 모두에서 실행되었고, 100만 건당 $0.10이며 실행 시간 요금은 없습니다 [cff.access].",
		"The %s Lambda@Edge function ran on all %d requests, hit or miss, billed per request and per GB-s; a CloudFront Function would do a header or URL job for less [lae.unsupported].": "%s Lambda@Edge 함수가 캐시 적중 여부와 관계없이 요청 %d건 모두에서 실행되어 요청과 GB-초 단위로 과금되었습니다. 헤더나 URL을 다루는 일이라면 CloudFront 함수가 더 저렴합니다 [lae.unsupported].",
		"No edge function: %d hits and %d misses; origin triggers would run only on the misses [lae.events].":                                                                              "엣지 함수 없음: 캐시 적중 %d건, 미스 %d건입니다. 오리진 트리거였다면 미스에서만 실행됩니다 [lae.events].",
		// the cost
		"%s %s (CloudFront Functions): %d invocations × $%.2f / 1M = $%.6f":                                                      "%s %s (CloudFront Functions): 호출 %d건 × $%.2f / 100만 = $%.6f",
		"%s %s (Lambda@Edge): %d requests × $%.2f / 1M = $%.6f":                                                                  "%s %s (Lambda@Edge): 요청 %d건 × $%.2f / 100만 = $%.6f",
		"%s %s (Lambda@Edge): %g billed ms × %g MB / 1024 = %.4f GB-s × $%.8f = $%.6f":                                           "%s %s (Lambda@Edge): 과금 %g ms × %g MB / 1024 = %.4f GB-s × $%.8f = $%.6f",
		"total: $%.6f for %d requests = $%.4f per 1M requests (free tiers and CloudFront request/transfer charges not included)": "합계: 요청 %[2]d건에 $%.6[1]f = 100만 요청당 $%.4[3]f (프리 티어와 CloudFront 요청·전송 요금은 제외)",
		// a request's path
		"round trip %g ms": "왕복 %g ms",
		"%s %s (%s)":       "%[2]s (%[1]s, %[3]s)",
		"%s %s timed out after %g s: 503 (LambdaExecutionError)": "%[2]s (%[1]s): %[3]g초 후 시간 초과, 503 (LambdaExecutionError)",
		": path normalised to /p/%d":                             ": 경로를 /p/%d로 정규화",
		": variant %d joins the cache key":                       ": 변형 %d이 캐시 키에 포함됨",
		": function answers %d itself":                           ": 함수가 직접 %d로 응답",
		"hit: served from the edge, origin triggers skipped":     "적중: 엣지에서 응답, 오리진 트리거 건너뜀",
		"miss: forward to origin":                                "미스: 오리진으로 전달",
		"fetch from %s":                                          "%s에서 가져옴",
	})
}
