package rdsproxy

import "github.com/saa-study/saa-study/sim/say"

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say).
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
			// explanations
			"Failover: the proxy held client connections and queued work for %.1f s instead of %g s (modelled as the 'up to %g%%' shorter failover, a best case), so %d invocations failed [rdsproxy.failover].": "장애 조치: 프록시가 클라이언트 연결을 유지한 채 작업을 %[2]g초가 아닌 %.1[1]f초 동안 대기열에 넣었고(AWS가 말하는 '최대 %[3]g%%' 단축을 최선의 경우로 모델링), 호출 %[4]d건이 실패했습니다 [rdsproxy.failover].",
			"Failover without a proxy: every connection dropped and clients could not reconnect for %g s (failover plus DNS), so %d invocations failed [rdsproxy.failover].":                                     "프록시 없는 장애 조치: 모든 연결이 끊기고 클라이언트가 %g초(장애 조치와 DNS 전파) 동안 다시 연결하지 못해 호출 %d건이 실패했습니다 [rdsproxy.failover].",
			"%d Lambda environments each wanted a connection but max_connections is %d: %d invocations failed with 'Too many connections' (1040). RDS Proxy would pool them [rdsproxy.pooling].":                 "Lambda 실행 환경 %d개가 각각 연결을 원했지만 max_connections는 %d입니다. 호출 %d건이 'Too many connections'(1040)로 실패했습니다. RDS Proxy를 쓰면 연결을 풀링합니다 [rdsproxy.pooling].",
			"%g%% of sessions were pinned and held a DB connection each, so the pool of %d ran dry: up to %d clients queued and %d timed out [rdsproxy.pooling].":                                                "세션의 %g%%가 고정(pinning)되어 각각 DB 연결 하나를 붙잡았고, 그래서 연결 %d개짜리 풀이 바닥났습니다. 클라이언트가 최대 %d개 대기했고 %d건은 시간 초과되었습니다 [rdsproxy.pooling].",
			"Up to %d concurrent invocations shared at most %d database connections through the proxy (multiplexing between transactions) [rdsproxy.pooling].":                                                   "최대 %d개의 동시 호출이 프록시를 거쳐 데이터베이스 연결을 최대 %d개만 나눠 썼습니다(트랜잭션 사이의 멀티플렉싱) [rdsproxy.pooling].",
			"Up to %d concurrent invocations used %d database connections, within max_connections %d [rdsproxy.pooling].":                                                                                        "최대 %d개의 동시 호출이 데이터베이스 연결 %d개를 썼고, max_connections %d 안에 있습니다 [rdsproxy.pooling].",
			// events
			"failover: writer lost; the proxy keeps %d client connections and queues their transactions for %.1f s (outage %.0f s cut by %.0f%%)":     "장애 조치: 라이터 인스턴스 중단. 프록시가 클라이언트 연결 %d개를 유지하고 트랜잭션을 %.1f초 동안 대기열에 넣습니다(중단 %.0f초를 %.0f%% 단축)",
			"failover: writer lost, every connection dropped; clients cannot connect for %g s (%g s failover + %g s to resolve the new writer's DNS)": "장애 조치: 라이터 인스턴스 중단, 모든 연결 끊김. 클라이언트는 %g초 동안 연결할 수 없습니다(장애 조치 %g초 + 새 라이터의 DNS 확인 %g초)",
			"new writer reachable":                                                "새 라이터에 연결 가능",
			"load phase: %d concurrent invocations":                               "부하 단계: 동시 호출 %d개",
			"connection %d refused: max_connections=%d reached, MySQL error 1040": "연결 %d 거부: max_connections=%d 도달, MySQL 오류 1040",
			"database connections reached max_connections (%d)":                   "데이터베이스 연결이 max_connections(%d)에 도달",
			"pool of %d busy: clients start to queue in the proxy":                "풀의 연결 %d개 모두 사용 중: 클라이언트가 프록시에서 대기하기 시작합니다",
			"a client waited ConnectionBorrowTimeout (%g s) and got an error":     "클라이언트가 ConnectionBorrowTimeout(%g초)만큼 기다린 뒤 오류를 받았습니다",
		}
	})
}
