package apigateway

import "github.com/saa-study/saa-study/sim/say"

// stepNamesKo are the pipeline steps' names in Korean.
var stepNamesKo = map[string]string{
	"payload":                     "페이로드",
	"route":                       "라우팅",
	"api key":                     "API 키",
	"authorizer":                  "권한 부여자",
	"throttle: usage plan method": "스로틀: 사용량 계획 메서드",
	"throttle: usage plan":        "스로틀: 사용량 계획",
	"quota":                       "할당량",
	"throttle: stage method":      "스로틀: 스테이지 메서드",
	"throttle: stage":             "스로틀: 스테이지",
	"throttle: account":           "스로틀: 계정",
	"throttle":                    "스로틀",
	"cache":                       "캐시",
	"integration":                 "통합",
}

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say).
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
			// explanations
			"No requests were sent.": "보낸 요청이 없습니다.",
			"The account token bucket (%s rps, burst %s) emptied: %s requests (%.1f%%) got 429 Too Many Requests.":                      "계정 토큰 버킷(%s rps, 버스트 %s)이 비어 요청 %s건(%.1f%%)이 429 Too Many Requests를 받았습니다.",
			"A stage, method or usage-plan bucket ran dry: %s requests (%.1f%%) got 429 Too Many Requests.":                             "스테이지, 메서드 또는 사용량 계획의 버킷이 바닥나 요청 %s건(%.1f%%)이 429 Too Many Requests를 받았습니다.",
			"An API key used up its quota: %s requests got 429 Limit Exceeded (a quota, unlike a throttle, waits for the next period).": "API 키가 할당량을 모두 써서 요청 %s건이 429 Limit Exceeded를 받았습니다(할당량은 스로틀과 달리 다음 기간까지 풀리지 않습니다).",
			"%s requests (%.1f%%) waited longer than the integration timeout and got 504 Endpoint request timed out.":                   "요청 %s건(%.1f%%)이 통합 제한 시간보다 오래 기다려 504 Endpoint request timed out을 받았습니다.",
			"The authorizer Lambda ran %s times for %s requests; its result cache answered %s. %s were refused (401/403).":              "요청 %[2]s건에 대해 권한 부여자 Lambda가 %[1]s번 실행되었고, 결과 캐시가 %[3]s번 응답했습니다. %[4]s건은 거부되었습니다(401/403).",
			"%s requests were refused: %s with 401 Unauthorized (no or bad token), %s with 403 Forbidden (no API key or denied).":       "요청 %s건이 거부되었습니다. %s건은 401 Unauthorized(토큰 없음 또는 잘못된 토큰), %s건은 403 Forbidden(API 키 없음 또는 거부)입니다.",
			"The stage cache answered %.1f%% of requests; the integration ran %s times.":                                                "스테이지 캐시가 요청의 %.1f%%에 응답했고, 통합은 %s번 실행되었습니다.",
			"All %s requests passed every throttle and reached the integration.":                                                        "요청 %s건이 모든 스로틀을 통과해 통합에 도달했습니다.",
			// events
			"account bucket empty: requests over %s rps (burst %s) get 429 Too Many Requests": "계정 버킷이 비었습니다: %s rps(버스트 %s)를 넘는 요청은 429 Too Many Requests를 받습니다",
			"a stage, method or usage-plan bucket ran dry: 429 Too Many Requests":             "스테이지, 메서드 또는 사용량 계획의 버킷이 바닥났습니다: 429 Too Many Requests",
			"API key %s used up its quota: 429 Limit Exceeded until the period resets":        "API 키 %s: 할당량을 모두 썼습니다. 기간이 초기화될 때까지 429 Limit Exceeded",
			"integration took longer than its timeout: 504 Endpoint request timed out":        "통합이 제한 시간보다 오래 걸렸습니다: 504 Endpoint request timed out",
			"request refused: %d %s": "요청 거부: %d %s",
			"first answer from the stage cache: the integration was not called":              "스테이지 캐시의 첫 응답: 통합을 호출하지 않았습니다",
			"authorizer result served from its cache: the authorizer Lambda was not invoked": "권한 부여자 결과를 캐시에서 제공: 권한 부여자 Lambda를 호출하지 않았습니다",
			// the request's path
			"%d bytes is over the %d-byte (10 MB) limit":                                "%d바이트로 한도 %d바이트(10 MB)를 넘습니다",
			"%d bytes, within 10 MB":                                                    "%d바이트, 10 MB 이내",
			"stage %q is not deployed":                                                  "스테이지 %q: 배포되지 않았습니다",
			"no method %s %s in stage %s":                                               "스테이지 %[3]s: 메서드 %[1]s %[2]s 없음",
			"matched %s on stage %s":                                                    "스테이지 %[2]s: %[1]s 일치",
			"method requires an API key; none was sent":                                 "메서드에 API 키가 필요한데 보내지 않았습니다",
			"method requires an API key; this key is not in a usage plan for the stage": "메서드에 API 키가 필요한데 이 키가 스테이지의 사용량 계획에 없습니다",
			"key %s is in usage plan %s (metering, not authorization)":                  "키 %s: 사용량 계획 %s에 속함(권한 부여가 아니라 사용량 측정용)",
			"AWS_IAM: the request is not signed with SigV4":                             "AWS_IAM: 요청이 SigV4로 서명되지 않았습니다",
			"AWS_IAM: SigV4 signature accepted":                                         "AWS_IAM: SigV4 서명 수락",
			"%s: identity source missing, so the authorizer is not called":              "%s: 자격 증명 소스가 없어 권한 부여자를 호출하지 않습니다",
			"%s: the Cognito token is not valid":                                        "%s: Cognito 토큰이 유효하지 않습니다",
			"%s: Cognito token valid":                                                   "%s: Cognito 토큰 유효",
			"%s: cached policy (%s), authorizer not invoked":                            "%s: 캐시된 정책(%s), 권한 부여자 호출 안 함",
			"%s: invoked (%.0f ms), returned %s; cached for %d s":                       "%s: 호출됨(%.0f ms), %s 반환, %d초 동안 캐시",
			"key %s over %s rps (burst %d) on %s":                                       "키 %[1]s: %[4]s에서 %[2]s rps(버스트 %[3]d)를 넘었습니다",
			"key %s over the plan's %s rps (burst %d)":                                  "키 %s: 계획의 %s rps(버스트 %d)를 넘었습니다",
			"key %s used all %d requests of its %s quota":                               "키 %[1]s: 할당량(%[3]s) %[2]d건을 모두 썼습니다",
			"key %s: %d of %d this %s":                                                  "키 %[1]s: 이번 기간(%[4]s) %[3]d건 중 %[2]d건",
			"within the plan's limits":                                                  "계획의 한도 이내",
			"over %s rps (burst %d) set for %s":                                         "%[3]s에 설정된 %[1]s rps(버스트 %[2]d)를 넘었습니다",
			"over stage %s's %s rps (burst %d)":                                         "스테이지 %s의 %s rps(버스트 %d)를 넘었습니다",
			"over the account's %s rps (burst %d)":                                      "계정의 %s rps(버스트 %d)를 넘었습니다",
			"tokens available at every level":                                           "모든 단계에 토큰이 남아 있습니다",
			"client invalidated the entry (Cache-Control: max-age=0)":                   "클라이언트가 항목을 무효화했습니다(Cache-Control: max-age=0)",
			"hit: %s (expires in %.0f s)":                                               "적중: %s(%.0f초 후 만료)",
			"miss: %s":                                                                  "미스: %s",
			"%s backend needed %.0f ms; the integration timeout is %.0f ms":             "%s 백엔드에 %.0f ms가 필요했지만 통합 제한 시간은 %.0f ms입니다",
			"%s backend answered %d after %.0f ms":                                      "%[1]s 백엔드가 %.0[3]f ms 뒤 응답했습니다(상태 %[2]d)",
			"stored for %d s":                                                           "%d초 동안 저장",
		}
	})
}
