#!/usr/bin/env bash
# Whole-run RDMA benchmark, in one run: `fabricscope rdma conntrack -r F --json` and `fabricscope rdma qps -r F
# --json` against tshark extracting the fields such an analysis needs, on a RoCEv2 capture of 4,000 RDMA-CM
# connections (REQ/REP/RTU, MRA, REJ, retransmitted REQs, timeouts, DREQ/DREP), 60 s of RC data between their
# QPs (WRITE/SEND, ACKs, PSN gaps, retransmissions, NAKs, RNR NAKs), CE marks and CNPs, PFC pauses: ~2.6M frames,
# written by our own pcap writer (RoceBenchCapture, a main class of the test sources: `./build -q test-compile`
# builds it), every ICRC valid. Checks our counts (connections per state, CM messages, RoCE packets, per-QP
# totals) and tshark's frame and CM counts against the generator's summary (ok/MISMATCH), and prints the ratios
# (goal >= 20x, JVM start included). Needs python3 and tshark.
#   BENCH_DIR             where the capture lives (default bench/out)
#   CONNECTIONS, REQUESTS capture size (default 4000 connections, 480 request packets each)
#   RUNS                  repetitions for fabricscope (default 3, best kept; tshark runs once)
#   SKIP_TSHARK=1 to time fabricscope only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_DIR:-$root/bench/out}
connections=${CONNECTIONS:-4000}
requests=${REQUESTS:-480}
runs=${RUNS:-3}
mkdir -p "$out"
file="$out/rdma-bench-$connections-$requests.pcap"
summary="$file.summary"
if [ ! -s "$file" ] || [ ! -s "$summary" ]; then
    echo "bench: generating $file ..." >&2
    "$root/build" -q test-compile
    . "$root/scripts/jdk.sh"
    fabricscope_find_jdk
    "$FABRICSCOPE_JAVA_HOME/bin/java" -cp "$root/target/classes:$root/target/test-classes" \
        dev.fabricscope.rdma.cm.RoceBenchCapture "$file.tmp" "$connections" "$requests" > "$summary.tmp"
    mv "$file.tmp" "$file"
    mv "$summary.tmp" "$summary"
fi
"$root/fabricscope" --version >/dev/null
cat "$file" > /dev/null
frames=$(sed -n 's/^frames //p' "$summary")
echo "capture: $file ($frames frames, $(du -h "$file" | cut -f1))"

seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }
# timed COMMAND...: runs it (stdout to $out/run.out), prints "WALL CPU" seconds (CPU: user + sys of the process
# tree, which tells more than wall time when other work shares the cores)
timed() {
    local s e cpu TIMEFORMAT='%U %S'
    cat "$file" > /dev/null   # the capture in the page cache, which this kind of VM drops within seconds (bench/smc.sh)
    s=$(date +%s.%N)
    cpu=$( { time "$@" > "$out/run.out" 2>/dev/null; } 2>&1 )
    e=$(date +%s.%N)
    echo "$(seconds "$s" "$e") $(awk '{ printf "%.3f", $1 + $2 }' <<< "$cpu")"
}
# best of $runs by wall time: time_best COMMAND... (stdout of the best run kept in $out/last.out)
time_best() {
    local best="" w c
    for _ in $(seq "$runs"); do
        read -r w c < <(timed "$@")
        if [ -z "$best" ] || awk -v t="$w" -v b="${best%% *}" 'BEGIN { exit !(t < b) }'; then best="$w $c"; mv "$out/run.out" "$out/last.out"; fi
    done
    rm -f "$out/run.out"
    echo "$best"
}

read -r t_conntrack c_conntrack < <(time_best "$root/fabricscope" rdma conntrack -r "$file" --json)
mv "$out/last.out" "$out/conntrack.json"
printf '%-48s %8s s  (cpu %s s)\n' "fabricscope rdma conntrack -r F --json" "$t_conntrack" "$c_conntrack"
read -r t_qps c_qps < <(time_best "$root/fabricscope" rdma qps -r "$file" --json)
mv "$out/last.out" "$out/qps.json"
printf '%-48s %8s s  (cpu %s s)\n' "fabricscope rdma qps -r F --json" "$t_qps" "$c_qps"

status=ok
check() {   # name expected got
    local verdict=ok
    [ "$2" = "$3" ] || { verdict=MISMATCH; status=MISMATCH; }
    printf '  %-34s expected %10s  got %10s  %s\n' "$1" "$2" "$3" "$verdict"
}
want() { sed -n "s/^$1 //p" "$summary"; }

# conntrack: connections per state and counters, from its summary object
got=$(python3 - "$out/conntrack.json" <<'EOF'
import json, sys
s = [json.loads(l) for l in open(sys.argv[1]) if '"type":"summary"' in l][-1]
print("connections", s["connections"])
for k in ["REQ_SENT", "MRA_RCVD", "REP_RCVD", "ESTABLISHED", "DREQ_SENT", "DISCONNECTED", "REJECTED", "TIMED_OUT"]:
    print("state." + k, s["states"].get(k, 0))
for k in ["cm_messages", "unmatched", "data_packets", "data_packets_attributed", "malformed", "table_full"]:
    print(k, s[k])
EOF
)
echo "rdma conntrack against the generator:"
for key in connections state.REQ_SENT state.MRA_RCVD state.REP_RCVD state.ESTABLISHED state.DREQ_SENT state.DISCONNECTED \
        state.REJECTED state.TIMED_OUT cm_messages unmatched data_packets data_packets_attributed; do
    check "$key" "$(want "$key" | grep . || echo 0)" "$(sed -n "s/^$key //p" <<< "$got")"
done
check malformed 0 "$(sed -n 's/^malformed //p' <<< "$got")"

# qps: per-QP rows summed (all RoCE frames land on exactly one row), PFC counts
got=$(python3 - "$out/qps.json" <<'EOF'
import json, sys
rows, total, summary = 0, {}, None
keys = ["packets", "bytes", "acks", "naks", "rnr_naks", "psn_gaps", "psn_skipped", "duplicates", "out_of_order", "ce_marks", "cnps"]
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o["type"] == "qp":
        rows += 1
        for k in keys: total[k] = total.get(k, 0) + o[k]
    elif o["type"] == "summary":
        summary = o
print("qps", rows)
for k in keys: print("qp." + k, total.get(k, 0))
for k in ["pfc_frames", "pause_frames", "evicted_qps"]: print(k, summary[k])
EOF
)
echo "rdma qps against the generator:"
for key in qps qp.packets qp.bytes qp.acks qp.naks qp.rnr_naks qp.psn_gaps qp.psn_skipped qp.duplicates qp.out_of_order \
        qp.ce_marks qp.cnps pfc_frames pause_frames; do
    check "$key" "$(want "$key")" "$(sed -n "s/^$key //p" <<< "$got")"
done
check "roce_packets (sum of qp.packets)" "$(want roce_packets)" "$(sed -n 's/^qp.packets //p' <<< "$got")"
rm -f "$out/conntrack.json" "$out/qps.json"

if [ "${SKIP_TSHARK:-0}" != 1 ]; then
    read -r t_tshark c_tshark < <(timed tshark -r "$file" -Y infiniband -T fields -e ip.src -e ip.dst -e infiniband.bth.opcode \
        -e infiniband.bth.destqp -e infiniband.bth.psn -e infiniband.mad.attributeid)
    mv "$out/run.out" "$out/tshark.out"
    printf '%-48s %8s s  (cpu %s s)\n' "tshark -r F -Y infiniband -T fields -e ..." "$t_tshark" "$c_tshark"
    echo "tshark against the generator:"
    check "RoCE frames (lines)" "$(want roce_packets)" "$(wc -l < "$out/tshark.out" | tr -d ' ')"
    check "CM MADs (attributeid set)" "$(want cm_messages)" "$(awk -F'\t' '$6 != ""' "$out/tshark.out" | wc -l | tr -d ' ')"
    rm -f "$out/tshark.out"
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
    echo "ratio tshark/conntrack: $(ratio "$t_tshark" "$t_conntrack") (cpu $(ratio "$c_tshark" "$c_conntrack"))"
    echo "ratio tshark/qps:       $(ratio "$t_tshark" "$t_qps") (cpu $(ratio "$c_tshark" "$c_qps"))"
fi
echo "counts: $status"
[ "$status" = ok ]
