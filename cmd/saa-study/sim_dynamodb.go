package main

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/ui/text"
)

func newSimDynamoDBCmd(g *globals) *cobra.Command {
	var api, public bool
	var serve string
	var spec dynamodb.LoadSpec
	var wcu, rcu int64
	var onDemand, asJSON bool
	var s3Dir, script, throttle string
	var lag time.Duration
	cmd := &cobra.Command{
		Use:   "dynamodb",
		Short: "An in-memory DynamoDB with consumed capacity and throttling",
		Long: `Four ways in:
  --script F  console lines from file F (- for standard input), one command a line, as
              typed in the DynamoDB console (create-table …, load …, advance 60, guide 1);
              # comments and blank lines are skipped. Prints what the console prints, as
              plain text. A refused line prints its error and the script goes on; the
              exit status is 1 if any line was refused, else 0.
  --api       JSON lines on standard input, {"Operation":"PutItem","Request":{...}},
              one JSON response line each (the real API's body, or {"__type","message"}).
              Tables are ACTIVE at once; virtual time moves only with
              {"Operation":"AdvanceClock","Request":{"Seconds":60}}.
  --serve A   the DynamoDB JSON protocol over HTTP at address A (loopback only unless
              --public), so the AWS CLI and SDKs work against it with --endpoint-url.
  (neither)   a load run: a table with --wcu/--rcu (or --on-demand) hammered at --rate
              for --seconds, printing consumed capacity and throttles per second.`,
		Example: `  saa-study sim dynamodb --wcu 5 --rate 200 --seconds 60 --keys 1
  saa-study sim dynamodb --script lesson.txt
  echo 'list-tables' | saa-study sim dynamodb --script -
  echo '{"Operation":"ListTables","Request":{}}' | saa-study sim dynamodb --api
  saa-study sim dynamodb --serve 127.0.0.1:8000 &
  aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case script != "":
				return runDynamoScript(g, script)
			case api:
				opts, err := ddbOptions(s3Dir, lag, throttle)
				if err != nil {
					return err
				}
				db := dynamodb.NewWithOptions(clock.New(clock.Epoch), opts)
				return dynamodb.ServeAPI(g.stdin, g.stdout, db)
			case serve != "":
				opts, err := ddbOptions(s3Dir, lag, throttle)
				if err != nil {
					return err
				}
				return serveDynamoDB(cmd.Context(), g, serve, public, opts)
			}
			return runDynamoLoad(g, spec, wcu, rcu, onDemand, asJSON)
		},
	}
	f := cmd.Flags()
	f.StringVar(&script, "script", "", "run a file of console lines (- for standard input) and print the console's output")
	f.BoolVar(&api, "api", false, "read JSON-line requests on standard input")
	f.StringVar(&serve, "serve", "", "serve the DynamoDB HTTP API at this address, e.g. 127.0.0.1:8000")
	f.BoolVar(&public, "public", false, "allow --serve on an address other than loopback")
	f.StringVar(&throttle, "throttle", "on", "With --api and --serve, on throttles requests beyond a table's capacity and burst credit; off counts capacity but never refuses a request, like DynamoDB Local")
	f.StringVar(&s3Dir, "s3-dir", "", "folder standing in for S3 (bucket b is DIR/b) for export and import")
	f.DurationVar(&lag, "replication-lag", time.Second, "how long a global table takes to copy a write to its other regions")
	f.Int64Var(&wcu, "wcu", 5, "load run: provisioned write capacity units")
	f.Int64Var(&rcu, "rcu", 5, "load run: provisioned read capacity units")
	f.BoolVar(&onDemand, "on-demand", false, "load run: an on-demand table instead")
	f.StringVar(&spec.Op, "op", "PutItem", "load run: PutItem, UpdateItem, GetItem, GetItemStrong or Query")
	f.IntVar(&spec.Keys, "keys", 1, "load run: distinct partition keys")
	f.StringVar(&spec.Distribution, "distribution", "uniform", "load run: uniform, hot or zipf")
	f.Float64Var(&spec.Rate, "rate", 200, "load run: requests per second")
	f.IntVar(&spec.Seconds, "seconds", 60, "load run: seconds")
	f.IntVar(&spec.ItemBytes, "item-bytes", 500, "load run: item payload size in bytes")
	f.Uint64Var(&spec.Seed, "seed", 1, "random seed")
	f.BoolVar(&asJSON, "json", false, "load run: print JSON")
	return cmd
}

func runDynamoLoad(g *globals, spec dynamodb.LoadSpec, wcu, rcu int64, onDemand, asJSON bool) error {
	db := dynamodb.New(clock.New(clock.Epoch))
	in := &dynamodb.CreateTableInput{
		TableName:            "load",
		AttributeDefinitions: []dynamodb.AttributeDefinition{{AttributeName: "pk", AttributeType: "S"}},
		KeySchema:            []dynamodb.KeySchemaElement{{AttributeName: "pk", KeyType: "HASH"}},
	}
	if onDemand {
		in.BillingMode = "PAY_PER_REQUEST"
	} else {
		in.ProvisionedThroughput = &dynamodb.ProvisionedThroughput{ReadCapacityUnits: rcu, WriteCapacityUnits: wcu}
	}
	if _, err := db.CreateTable(in); err != nil {
		return simError(err)
	}
	spec.Table = "load"
	res, err := dynamodb.Load(db, spec)
	if err != nil {
		return simError(err)
	}
	if asJSON {
		return writeJSON(g, res)
	}
	t := func(k string) string { return text.T(content.Lang(g.simLang()), k) }
	// right-aligned by display width, so Korean headings keep the columns
	head := func(w int, s string) string { return strings.Repeat(" ", max(w-text.Width(s), 0)) + s }
	fmt.Fprintln(g.stdout, strings.Join([]string{head(6, t("simc.second")), head(9, t("sims.requests")), head(6, t("simc.ok")),
		head(10, t("sims.throttled")), head(9, "RCU"), head(9, "WCU")}, " "))
	for _, s := range res.Series {
		fmt.Fprintf(g.stdout, "%6d %9d %6d %10d %9.1f %9.1f\n", s.Second, s.Requests, s.OK, s.Throttled, s.ConsumedRCU, s.ConsumedWCU)
	}
	fmt.Fprintf(g.stdout, "%s %d, %s %d (ProvisionedThroughputExceededException)\n", t("simc.ok"), res.OK, t("sims.throttled"), res.Throttled)
	return nil
}

// ddbOptions are the engine's settings for --api and --serve.
func ddbOptions(s3Dir string, lag time.Duration, throttle string) (dynamodb.Options, error) {
	o := dynamodb.Options{AdaptiveCapacity: true, S3Root: s3Dir, ReplicationLag: lag}
	switch throttle {
	case "on":
	case "off":
		o.NoThrottling = true
	default:
		return o, &exitError{code: 2, msg: fmt.Sprintf("--throttle %s: want on or off", throttle)}
	}
	return o, nil
}

// Server timeouts of --serve: a client gets this long to send a request
// and to read the answer; an idle keep-alive connection is closed after
// idleTimeout.
const (
	readTimeout  = 60 * time.Second
	writeTimeout = 60 * time.Second
	idleTimeout  = 120 * time.Second
)

// serveDynamoDB runs the HTTP endpoint until interrupted.
func serveDynamoDB(ctx context.Context, g *globals, addr string, public bool, opts dynamodb.Options) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return &exitError{code: 2, msg: fmt.Sprintf("--serve %s: %v", addr, err)}
	}
	if ip := net.ParseIP(host); !public && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return &exitError{code: 2, msg: fmt.Sprintf("--serve %s is not a loopback address; add --public to listen there", addr)}
	}
	db := dynamodb.NewWithOptions(clock.Wall{}, opts)
	srv := dynamodb.NewServer(db, dynamodb.Timeouts{Read: readTimeout, Write: writeTimeout, Idle: idleTimeout})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	mode := "capacity and throttling on"
	if opts.NoThrottling {
		mode = "capacity counted, throttling off"
	}
	fmt.Fprintf(g.stderr, "DynamoDB endpoint on http://%s (%s; ctrl+c stops)\n", ln.Addr(), mode)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		// requests in flight get 2 s to finish; idle connections close now
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.ShutdownWithContext(shut)
	}()
	err = srv.Serve(ln)
	if ctx.Err() != nil {
		<-stopped
		return nil
	}
	return err
}
