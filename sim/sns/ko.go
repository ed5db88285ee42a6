package sns

import "github.com/saa-study/saa-study/sim/say"

// The Korean of every sentence the engine writes, keyed by its English
// format (see package say). SNS's exception messages stay as SNS writes
// them.
func init() {
	say.Korean(func() map[string]string {
		return map[string]string{
			// refusals the simulator words itself
			"%s: fifo_queue is for sqs subscriptions only":                                                   "%s: fifo_queue는 sqs 구독에만 쓸 수 있습니다",
			"Invalid protocol type: %s (this simulator has sqs, lambda, http and email)":                     "지원하지 않는 프로토콜 유형: %s (이 시뮬레이터의 프로토콜은 sqs, lambda, http, email입니다)",
			"the topic has no subscriptions":                                                                 "주제에 구독이 없습니다",
			"nothing to publish: give workload.orders or messages":                                           "게시할 메시지가 없습니다. workload.orders나 messages를 주세요",
			"at most %s orders in one run":                                                                   "한 번 실행에 주문은 최대 %s건입니다",
			"subscription name %q: use 1 to 80 letters, digits, - and _ (like a queue name), each name once": "구독 이름 %q: 대기열 이름처럼 영문자, 숫자, -, _로 1~80자를 쓰고, 이름마다 한 번만 쓰세요",
			"Delivered but not needed: %s. A subscriber gets every message its filter policy matches, and its consumer pays to read and drop them.":                                                     "필요 없는데 전달됨: %s건. 구독자는 필터 정책에 맞는 메시지를 모두 받고, 소비자가 그것을 읽고 버리는 비용을 냅니다.",
			"Needed but filtered out: %s. Keys of a filter policy are ANDed; the values in one key's array are ORed.":                                                                                   "필요한데 걸러짐: %s건. 필터 정책의 키끼리는 AND로, 한 키의 배열 안 값끼리는 OR로 묶입니다.",
			"Read after a later message of the same customer: %s; a FIFO topic keeps each message group in order, but a standard queue hands messages out in best-effort order [sns.fifo.subscribers].": "같은 고객의 더 나중 메시지보다 늦게 읽힘: %s건. FIFO 주제는 메시지 그룹의 순서를 지키지만, 표준 대기열은 순서를 보장하지 않고 메시지를 내줍니다 [sns.fifo.subscribers].",
			"Read after a later message of the same customer: %s; a standard topic delivers in best-effort order [sns.fifo.subscribers].":                                                               "같은 고객의 더 나중 메시지보다 늦게 읽힘: %s건. 표준 주제는 전달 순서를 보장하지 않습니다 [sns.fifo.subscribers].",
			"Every subscriber received exactly what it needs: %s published, %s deliveries, %s kept away by filter policies.":                                                                            "모든 구독자가 필요한 메시지를 정확히 받았습니다. 게시 %s건, 전달 %s건, 필터 정책으로 제외 %s건입니다.",
			" The FIFO topic kept each customer's messages in order for the subscribers that need it.":                                                                                                  " FIFO 주제가 순서가 필요한 구독자에게 고객별 메시지 순서를 지켰습니다.",
		}
	})
}
