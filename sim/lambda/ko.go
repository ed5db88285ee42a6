package lambda

import "github.com/saa-study/saa-study/sim/say"

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say).
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
			// explanations
			"No requests arrived, so nothing ran and only provisioned concurrency (if any) was billed.":                                                      "들어온 요청이 없어 아무것도 실행되지 않았습니다. 프로비저닝된 동시성이 있다면 그 비용만 청구됩니다.",
			"Reserved concurrency 0 stops the function: every request was throttled (429).":                                                                  "예약된 동시성을 0으로 두면 함수가 멈춥니다. 모든 요청이 스로틀링되었습니다(429).",
			"Reserved concurrency %d capped the function: %.0f%% of requests were throttled (429).":                                                          "예약된 동시성(%d)이 함수의 상한이 되어 요청의 %.0f%%가 스로틀링되었습니다(429).",
			"The account concurrency limit left %d for this function: %.0f%% of requests were throttled (429).":                                              "계정 동시성 한도 중 이 함수가 쓸 수 있는 몫은 %d개였고, 요청의 %.0f%%가 스로틀링되었습니다(429).",
			"Lambda adds at most %s environments per %d s per function: %.0f%% of requests were throttled (429) while it scaled.":                            "Lambda는 함수마다 %[2]d초에 실행 환경을 최대 %[1]s개만 추가합니다. 확장하는 동안 요청의 %.0[3]f%%가 스로틀링되었습니다(429).",
			"Lambda's async queue absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.":     "Lambda의 비동기 대기열이 부하를 흡수했습니다. 이벤트가 최대 %s개 대기했고(가장 긴 대기 %.1f초) %s개는 DLQ로 보내졌습니다. 최대 동시성은 %s입니다.",
			"The SQS queue absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.":            "SQS 대기열이 부하를 흡수했습니다. 이벤트가 최대 %s개 대기했고(가장 긴 대기 %.1f초) %s개는 DLQ로 보내졌습니다. 최대 동시성은 %s입니다.",
			"The Kinesis stream absorbed the load: up to %s events waited (longest %.1f s) and %s went to the dead-letter queue; peak concurrency %s.":       "Kinesis 스트림이 부하를 흡수했습니다. 레코드가 최대 %s개 대기했고(가장 긴 대기 %.1f초) %s개는 DLQ로 보내졌습니다. 최대 동시성은 %s입니다.",
			"Lambda's async queue absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.":                       "Lambda의 비동기 대기열이 부하를 흡수했습니다. 이벤트가 최대 %s개 대기했고(가장 긴 대기 %.1f초) 잃어버린 이벤트는 없습니다. 최대 동시성은 %s입니다.",
			"The SQS queue absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.":                              "SQS 대기열이 부하를 흡수했습니다. 이벤트가 최대 %s개 대기했고(가장 긴 대기 %.1f초) 잃어버린 이벤트는 없습니다. 최대 동시성은 %s입니다.",
			"The Kinesis stream absorbed the load: up to %s events waited (longest %.1f s) and none were lost; peak concurrency %s.":                         "Kinesis 스트림이 부하를 흡수했습니다. 레코드가 최대 %s개 대기했고(가장 긴 대기 %.1f초) 잃어버린 레코드는 없습니다. 최대 동시성은 %s입니다.",
			"%.0f%% of invocations ran past the %d s timeout and were stopped (and billed for the full %d s).":                                               "호출의 %.0f%%가 제한 시간 %d초를 넘겨 중지되었습니다(요금은 %d초 전체가 청구됩니다).",
			"%.1f%% of invocations failed with a function error; Lambda retried them (after 1 min, then 2 min) and sent %s events to the dead-letter queue.": "호출의 %.1f%%가 함수 오류로 실패했습니다. Lambda가 재시도했고(1분 뒤, 다시 2분 뒤) 이벤트 %s개를 DLQ로 보냈습니다.",
			"%.1f%% of invocations failed with a function error; the batches were retried and %s records ended in the dead-letter queue.":                    "호출의 %.1f%%가 함수 오류로 실패했습니다. 배치를 재시도했고 레코드 %s개가 DLQ로 보내졌습니다.",
			"%.1f%% of invocations failed with a function error; the caller gets the error.":                                                                 "호출의 %.1f%%가 함수 오류로 실패했습니다. 호출자는 오류를 그대로 받습니다.",
			"Provisioned concurrency %d served every request without a cold start; keeping it ready cost %s.":                                                "프로비저닝된 동시성(%d)이 콜드 스타트 없이 모든 요청을 처리했습니다. 환경을 준비해 두는 비용은 %s입니다.",
			"Provisioned concurrency %d served %.0f%% of requests warm; %s spilled over to on-demand with cold starts.":                                      "프로비저닝된 동시성(%d)이 요청의 %.0f%%를 웜 상태로 처리했고, %s건은 온디맨드로 넘어가 콜드 스타트를 겪었습니다.",
			"%s cold start(s) (%.1f%% of invocations) each added %d ms of INIT, which is billed.":                                                            "콜드 스타트 %s회(호출의 %.1f%%)마다 INIT %d ms가 더해졌고, 이 시간도 과금됩니다.",
			"All %s invocations ran; peak concurrency %s ≈ requests per second × duration, within the limit of %s.":                                          "호출 %s건이 모두 실행되었습니다. 최대 동시성 %s ≈ 초당 요청 수 × 실행 시간이며, 한도 %s 안에 있습니다.",
			// events
			"run ended; peak concurrency %s":                                                                "실행 종료, 최대 동시성 %s",
			"SQS pollers reached %d concurrent batches (start 5, +300 per minute)":                          "SQS 폴러가 동시 배치 %d개에 도달했습니다(시작 5개, 분당 +300)",
			"events older than the maximum event age went to the dead-letter queue":                         "최대 이벤트 보존 기간을 넘긴 이벤트가 DLQ로 보내졌습니다",
			"a backlog formed: events wait in the queue instead of being throttled":                         "적체 발생: 이벤트가 스로틀링되지 않고 대기열에서 기다립니다",
			"reserved concurrency %d reached: further requests are throttled (429 %s)":                      "예약된 동시성 %d 도달: 이후 요청은 스로틀링됩니다(429 %s)",
			"account concurrency limit reached: %d available to this function; requests throttled (429)":    "계정 동시성 한도 도달: 이 함수가 쓸 수 있는 몫은 %d, 요청이 스로틀링됩니다(429)",
			"scaling limit reached: %s environments; Lambda adds %s per %d s, the rest are throttled (429)": "확장 한도 도달: 실행 환경 %[1]s개, Lambda는 %[3]d초마다 %[2]s개씩 추가하며 나머지는 스로틀링됩니다(429)",
			"concurrency limit %d reached: events wait in the queue instead of failing":                     "동시성 한도 %d 도달: 이벤트는 실패하지 않고 대기열에서 기다립니다",
			"scaling limit reached: %d environments; queued events wait for new ones":                       "확장 한도 도달: 실행 환경 %d개, 대기 중인 이벤트는 새 환경을 기다립니다",
			"events failed %d time(s) and went to the dead-letter queue / on-failure destination":           "이벤트가 %d번 실패해 DLQ 또는 실패 시 대상으로 보내졌습니다",
			"provisioned concurrency %d fully in use: spill-over to on-demand environments":                 "프로비저닝된 동시성 %d 모두 사용 중: 온디맨드 실행 환경으로 넘어갑니다",
			"invocations hit the %d s timeout (they needed %d ms)":                                          "호출이 제한 시간 %d초에 도달해 중지되었습니다(필요한 시간 %d ms)",
			"INIT of %d ms passed the %d ms limit: it timed out and ran again inside the first invoke":      "INIT %d ms가 한도 %d ms를 넘어 시간 초과되었고, 첫 호출 안에서 다시 실행되었습니다",
			"first cold start: a new environment runs INIT (%d ms, billed) before the handler":              "첫 콜드 스타트: 새 실행 환경이 핸들러보다 먼저 INIT(%d ms, 과금)을 실행합니다",
			"first new execution environment created (INIT time set to 0 ms)":                               "첫 실행 환경 생성(INIT 시간 0 ms로 설정)",
		}
	})
}
