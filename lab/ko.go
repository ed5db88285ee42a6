package lab

import "github.com/saa-study/saa-study/sim/say"

// The Korean of the explanations the lab writes itself (for the DynamoDB
// load and Step Functions retry runs), keyed by the English format (see
// package say).
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
			"lab %s: %s refused the settings: %s":                                  "실습 %s: %s이(가) 설정을 거부했습니다: %s",
			"Every request fitted: the busiest second consumed %s WCU and %s RCU.": "모든 요청이 용량 안에 들어왔습니다. 가장 바쁜 1초에 WCU %s, RCU %s를 소비했습니다.",
			"%s requests were throttled (ProvisionedThroughputExceededException): one partition key sits in one partition, and a partition serves only so many writes a second, whatever the table has [ddb.partition.wcu].":    "요청 %s건이 스로틀링되었습니다(ProvisionedThroughputExceededException). 파티션 키 하나는 파티션 하나에 저장되고, 파티션 하나가 초당 처리하는 쓰기에는 테이블 전체 용량과 관계없이 한도가 있습니다 [ddb.partition.wcu].",
			"%s requests were throttled (ProvisionedThroughputExceededException): the load needed more capacity a second than the table provides, once the burst capacity saved from idle seconds ran out [ddb.burst.seconds].": "요청 %s건이 스로틀링되었습니다(ProvisionedThroughputExceededException). 한가한 시간에 모아 둔 버스트 용량이 바닥나자, 부하가 테이블이 제공하는 초당 용량보다 많은 용량을 요구했습니다 [ddb.burst.seconds].",
			"The call was tried %d times and the execution ended %s after %s ms.":                                                                    "호출을 %d번 시도했고 실행은 %[3]s ms 뒤 %[2]s로 끝났습니다.",
			"The partner answered ThrottlingException %d times; the Retry block allowed %d retries, so the Catch sent the execution to GiveUp (%s).": "파트너가 ThrottlingException을 %d번 반환했는데 Retry 블록은 %d번까지만 재시도를 허용하므로, Catch가 실행을 GiveUp(%s)으로 보냈습니다.",
		}
	})
}
