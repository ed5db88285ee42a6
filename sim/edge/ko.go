package edge

import "github.com/saa-study/saa-study/sim/say"

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say).
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
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
			": function answers %d itself":                           ": 함수가 직접 응답(상태 %d)",
			"hit: served from the edge, origin triggers skipped":     "적중: 엣지에서 응답, 오리진 트리거 건너뜀",
			"miss: forward to origin":                                "미스: 오리진으로 전달",
			"fetch from %s":                                          "오리진 %s에서 가져옴",
			// refusals: where, then the attachment rules
			"function %q on %s: ": "%[2]s의 함수 %[1]q: ",
			"workload: ":          "워크로드: ",
			"%s already has function %q; a cache behaviour takes one function per event type":                                                                        "%s에는 이미 함수(%q)가 있습니다. 캐시 동작 하나에는 이벤트 유형마다 함수를 하나만 연결할 수 있습니다",
			"CloudFront Functions run only on viewer-request and viewer-response (and connection-request for mTLS), not on %s; use Lambda@Edge for origin triggers":  "CloudFront Functions는 viewer-request와 viewer-response(mTLS라면 connection-request)에서만 실행되고 %s에서는 실행되지 않습니다. 오리진 트리거에는 Lambda@Edge를 쓰세요",
			"a connection-request function needs viewer mutual TLS enabled on the distribution":                                                                      "connection-request 함수를 쓰려면 배포에서 뷰어 상호 TLS(mTLS)를 켜야 합니다",
			"behaviour %s reads the request body, which CloudFront Functions cannot access; use Lambda@Edge with include_body":                                       "%s 동작은 요청 본문을 읽지만 CloudFront Functions는 본문에 접근할 수 없습니다. include_body를 켠 Lambda@Edge를 쓰세요",
			"behaviour %s makes a network call, which CloudFront Functions cannot do; use Lambda@Edge":                                                               "%s 동작은 네트워크를 호출하지만 CloudFront Functions는 그럴 수 없습니다. Lambda@Edge를 쓰세요",
			"the function code is %g KB; CloudFront Functions allow %g KB":                                                                                           "함수 코드가 %g KB이지만 CloudFront Functions는 %g KB까지 허용합니다",
			"the function needs %g MB; CloudFront Functions have %g MB":                                                                                              "함수에 %g MB가 필요하지만 CloudFront Functions의 메모리는 %g MB입니다",
			"the function runs %g ms; CloudFront Functions must finish in under %g ms (compute utilization over 100)":                                                "함수가 %g ms 동안 실행되지만 CloudFront Functions는 %g ms 안에 끝나야 합니다(컴퓨팅 사용률 100 초과)",
			"behaviour %s cannot run on %s (it can run on %v)":                                                                                                       "%s 동작은 %s에서 실행할 수 없습니다(실행 가능: %v)",
			"Lambda@Edge has no connection-request event; only CloudFront Functions do":                                                                              "Lambda@Edge에는 connection-request 이벤트가 없고 CloudFront Functions에만 있습니다",
			"The function must be in region '%s'. Function: %s":                                                                                                      "함수는 '%s' 리전에 있어야 합니다. 함수: %s",
			"The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: %s":                                       "함수 ARN은 특정 함수 버전을 가리켜야 합니다(ARN이 버전 번호로 끝나야 함). ARN: %s",
			"The function cannot be configured with VPC access. Function: %s":                                                                                        "함수에 VPC 액세스를 구성할 수 없습니다. 함수: %s",
			"The function cannot have environment variables. Function: %s":                                                                                           "함수에 환경 변수를 둘 수 없습니다. 함수: %s",
			"The function cannot use layers. Function: %s":                                                                                                           "함수에서 계층을 쓸 수 없습니다. 함수: %s",
			"The function cannot use provisioned concurrency. Function: %s":                                                                                          "함수에서 프로비저닝된 동시성을 쓸 수 없습니다. 함수: %s",
			"The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: %g Max allowed: %g Function: %s":        "함수 제한 시간이 CloudFront 이벤트로 트리거되는 함수의 최대값보다 큽니다: %g, 허용 최대값: %g, 함수: %s",
			"The function memory size is larger than the maximum allowed for functions that are triggered by a CloudFront %s event: %g Max allowed: %g Function: %s": "함수 메모리 크기가 CloudFront %s 이벤트로 트리거되는 함수의 최대값보다 큽니다: %g, 허용 최대값: %g, 함수: %s",
			"The function code size is larger than the maximum allowed for a %s trigger: %g KB Max allowed: %g MB Function: %s":                                      "함수 코드 크기가 %s 트리거의 최대값보다 큽니다: %g KB, 허용 최대값: %g MB, 함수: %s",
			"behaviour %s reads the body: set include_body on the association":                                                                                       "%s 동작은 본문을 읽으므로 연결에 include_body를 설정하세요",
		}
	})
}
