package text

// One line per simulator setting, shown under the form when the field is
// focused: its unit, and what 0 or "none" means.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"simh.memory":          {"MB, 128 to 10,240. CPU grows with memory: one full vCPU at 1,769 MB.", "MB, 128~10,240. CPU는 메모리에 비례하며 1,769 MB에서 vCPU 1개입니다."},
			"simh.duration_ms":     {"ms of work per call, measured with one full vCPU (1,769 MB); less memory makes CPU-bound work longer.", "호출당 작업 시간(ms)으로 vCPU 1개(1,769 MB) 기준입니다. 메모리가 적으면 CPU 작업이 길어집니다."},
			"simh.timeout":         {"Seconds, 1 to 900. auto: long enough for the duration at this memory plus a cold start.", "초, 1~900. auto: 이 메모리에서의 실행 시간과 콜드 스타트를 합한 만큼입니다."},
			"simh.rps":             {"Requests arriving each second, steadily.", "매초 꾸준히 들어오는 요청 수입니다."},
			"simh.seconds":         {"How long the load lasts, in seconds.", "부하가 이어지는 시간(초)입니다."},
			"simh.reserved":        {"Concurrent executions kept for this function, and its ceiling. none: not set, it shares the account pool; 0 stops every call.", "이 함수에 확보한 동시 실행 수이자 상한입니다. none: 설정 안 함(계정 풀 공유), 0: 모든 호출 중지."},
			"simh.provisioned":     {"Environments kept initialized (no cold start), billed while configured. 0: none.", "미리 초기화해 두는 실행 환경 수(콜드 스타트 없음), 설정된 동안 과금됩니다. 0: 사용 안 함."},
			"simh.account_limit":   {"Concurrent executions for the whole account in the Region (default 1,000).", "리전의 계정 전체 동시 실행 한도입니다(기본 1,000)."},
			"simh.cold_start_ms":   {"ms of INIT when a new environment starts; billed. 0: no cold start cost.", "새 실행 환경이 시작될 때의 INIT 시간(ms)이며 과금됩니다. 0: 콜드 스타트 비용 없음."},
			"simh.cpu_share":       {"0 to 1: the part of the duration that is CPU work and speeds up with memory. 0: all waiting on I/O.", "0~1: 실행 시간 중 메모리에 따라 빨라지는 CPU 작업의 비율입니다. 0: 전부 I/O 대기."},
			"simh.arch":            {"x86_64 or arm64 (Graviton, about 20% cheaper per GB-second).", "x86_64 또는 arm64(Graviton, GB-초당 약 20% 저렴)."},
			"simh.invoke":          {"sync (the caller waits and sees 429), async (Lambda queues and retries) or sqs (a queue polls).", "sync(호출자가 기다리며 429를 받음), async(Lambda가 대기열에 넣고 재시도), sqs(대기열 폴링)."},
			"simh.free_tier":       {"on: subtract the monthly free requests and GB-seconds from the bill.", "on: 월 무료 요청과 GB-초를 요금에서 뺍니다."},
			"simh.stage_rate":      {"Steady requests per second the stage allows. 0: no stage limit (the account's 10,000 still applies).", "스테이지가 허용하는 초당 요청 수입니다. 0: 스테이지 한도 없음(계정 10,000은 적용)."},
			"simh.stage_burst":     {"Requests the stage's bucket holds for a burst. 0 with a rate: the rate alone.", "스테이지 버킷이 버스트로 담을 수 있는 요청 수입니다."},
			"simh.cache_ttl":       {"Seconds a cached GET answer is reused. 0: the stage cache is off.", "캐시된 GET 응답을 재사용하는 시간(초)입니다. 0: 스테이지 캐시 꺼짐."},
			"simh.integration_ms":  {"ms the backend takes to answer; past 29 s the client gets 504.", "백엔드 응답 시간(ms)이며 29초를 넘으면 504를 받습니다."},
			"simh.requests":        {"Viewer requests sent through the distribution.", "배포를 통해 보내는 뷰어 요청 수입니다."},
			"simh.hit_ratio":       {"0 to 1: the share of requests the cache should answer. 0: automatic, paths drawn from a popularity curve.", "0~1: 캐시가 응답할 요청의 비율입니다. 0: 자동(인기도 분포로 경로 선택)."},
			"simh.keys":            {"Distinct paths requested. 0: automatic.", "요청되는 고유 경로 수입니다. 0: 자동."},
			"simh.function":        {"cff: CloudFront Functions (viewer triggers, no body or network); lae: Lambda@Edge; none: no function.", "cff: CloudFront Functions(뷰어 트리거, 본문·네트워크 없음), lae: Lambda@Edge, none: 함수 없음."},
			"simh.trigger":         {"Where the function runs: viewer triggers on every request, origin triggers only on cache misses.", "함수가 실행되는 지점입니다. 뷰어 트리거는 모든 요청, 오리진 트리거는 캐시 미스에서만 실행됩니다."},
			"simh.action":          {"What the function does; some actions need Lambda@Edge or an origin trigger.", "함수가 하는 일입니다. 일부 동작은 Lambda@Edge나 오리진 트리거가 필요합니다."},
			"simh.max_connections": {"Connections the database accepts at once.", "데이터베이스가 동시에 받는 연결 수입니다."},
			"simh.baseline":        {"Concurrent invocations before and after the surge.", "급증 전후의 동시 호출 수입니다."},
			"simh.surge":           {"Concurrent invocations during the surge.", "급증 동안의 동시 호출 수입니다."},
			"simh.surge_s":         {"How long the surge lasts, in seconds.", "급증이 이어지는 시간(초)입니다."},
			"simh.mode":            {"reuse: one connection per environment, kept; per-invocation: a new connection every call.", "reuse: 실행 환경마다 연결 하나를 유지, per-invocation: 호출마다 새 연결."},
			"simh.proxy":           {"both: the same load runs twice, without and with RDS Proxy (←/→ switches in the result); on: through the proxy, which pools connections; off: straight to the database.", "both: 같은 부하를 RDS Proxy 없이와 함께 두 번 실행합니다(결과에서 ←/→로 전환). on: 연결을 풀링하는 프록시를 거칩니다. off: 데이터베이스에 직접 연결합니다."},
			"simh.pinned_pct":      {"% of sessions pinned to one connection (SET, temporary tables…). 0: none pinned.", "하나의 연결에 고정되는 세션 비율(%)입니다(SET, 임시 테이블 등). 0: 고정 없음."},
			"simh.borrow_timeout":  {"Seconds a client waits for a pooled connection before an error. 0: the proxy's default (120 s).", "클라이언트가 풀 연결을 기다리는 시간(초)입니다. 0: 프록시 기본값(120초)."},
			"simh.orders":          {"Order events published to the topic, each to every subscriber its filter policy lets through.", "주제에 게시하는 주문 이벤트 수이며, 필터 정책이 통과시키는 모든 구독자에게 전달됩니다."},
			"simh.customers":       {"Customers the orders spread over; on a FIFO topic each customer is a message group.", "주문이 나뉘는 고객 수입니다. FIFO 주제에서는 고객마다 메시지 그룹 하나입니다."},
			"simh.topic":           {"standard: best-effort order, any subscriber; fifo: order per message group, SQS queues only.", "standard: 순서 보장 없음, 모든 구독자; fifo: 메시지 그룹별 순서, SQS 대기열만."},
			"simh.queue":           {"The three SQS queues: fifo keeps the topic's order but needs a FIFO topic.", "SQS 대기열 세 개의 유형입니다. fifo는 주제의 순서를 지키지만 FIFO 주제가 필요합니다."},
			"simh.fraud_filter":    {"The fraud queue's filter policy; fraud needs orders placed in the US above 100 USD. body: the same policy on the message body.", "사기 탐지 대기열의 필터 정책입니다. 미국에서 100 USD를 넘게 접수된 주문이 필요합니다. body: 같은 정책을 메시지 본문에 적용."},
			"simh.shipping_filter": {"The shipping queue's filter policy; shipping needs placed and cancelled orders. none: every message.", "배송 대기열의 필터 정책입니다. 접수·취소된 주문이 필요합니다. none: 모든 메시지."},
			"simh.failover_s":      {"Seconds the writer takes to fail over. 0: no failover.", "라이터가 장애 조치에 걸리는 시간(초)입니다. 0: 장애 조치 없음."},
		} {
			strs[k] = v
		}
	})
}
