#!/usr/bin/env bash
# Whole-run comparison on the same big capture, in one run:
#   tcpdump -r F -w /dev/null tcp   vs   ./fabricscope capture -r F -w /dev/null tcp   vs   tshark -r F -Y tcp -w /dev/null
# Prints wall time of each (best of RUNS, file in page cache) and the ratios. Needs python3, tcpdump, tshark.
#   BENCH_DIR   where the generated capture lives (default bench/out; ~1.6 GB)
#   RUNS        repetitions per tool (default 3)
#   CONNECTIONS generator size (default 100000 = 4.5M packets)
#   SKIP_TSHARK=1 to leave tshark out (it takes about a minute)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_DIR:-$root/bench/out}
runs=${RUNS:-3}
conns=${CONNECTIONS:-100000}
gen="$root/../shared/bench/gen_smc_bench.py"
mkdir -p "$out"
file="$out/smc-bench-$conns.pcap"
if [ ! -s "$file" ]; then
    [ -f "$gen" ] || { echo "bench: generator $gen not found" >&2; exit 1; }
    echo "bench: generating $file ..." >&2
    python3 "$gen" --connections "$conns" --seed 1 -o "$file.tmp" -q > "$out/smc-bench-$conns.summary"
    mv "$file.tmp" "$file"
fi
"$root/fabricscope" --version >/dev/null   # builds the jar if needed, outside the timing
cat "$file" > /dev/null                    # page cache, as for every tool below

best() { # best wall seconds of $runs runs of the command
    local b="" t s e
    for _ in $(seq "$runs"); do
        s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
        t=$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')
        if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
    done
    printf '%.3f' "$b"
}

echo "file: $file ($(stat -c %s "$file") bytes)"
t_tcpdump=$(best tcpdump -r "$file" -w /dev/null tcp)
t_ours=$(best "$root/fabricscope" capture -r "$file" -w /dev/null tcp)
printf '%-44s %8s s\n' "tcpdump -r F -w /dev/null tcp" "$t_tcpdump"
printf '%-44s %8s s\n' "fabricscope capture -r F -w /dev/null tcp" "$t_ours"
if [ "${SKIP_TSHARK:-0}" != 1 ]; then
    t_tshark=$(RUNS=1 best tshark -r "$file" -Y tcp -w /dev/null)
    printf '%-44s %8s s\n' "tshark -r F -Y tcp -w /dev/null" "$t_tshark"
    printf 'ratio tshark/fabricscope: %.1fx\n' "$(awk -v a="$t_tshark" -v b="$t_ours" 'BEGIN { print a / b }')"
fi
printf 'ratio tcpdump/fabricscope: %.2fx (>= 1 means fabricscope is at least as fast)\n' "$(awk -v a="$t_tcpdump" -v b="$t_ours" 'BEGIN { print a / b }')"

# Same packets? Compare what both write (cheap check on the same run's input).
tcpdump -r "$file" -w "$out/tcpdump-tcp.pcap" tcp 2>/dev/null
"$root/fabricscope" capture -r "$file" -w "$out/fabricscope-tcp.pcap" tcp 2>/dev/null
if cmp -s "$out/tcpdump-tcp.pcap" "$out/fabricscope-tcp.pcap"; then
    echo "output: identical to tcpdump's ($(stat -c %s "$out/tcpdump-tcp.pcap") bytes)"
else
    echo "output: DIFFERS from tcpdump's" >&2; exit 1
fi
rm -f "$out/tcpdump-tcp.pcap" "$out/fabricscope-tcp.pcap"
