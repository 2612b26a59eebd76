#!/usr/bin/env bash
# Whole-run LAG health benchmark, in one run: `fabricscope lacp health -r F` against tshark extracting just the
# fields such an analysis needs, on a pcapng of 1,000 healthy links x 10 minutes of fast LACPDUs both ways
# (1.2M frames, one interface per link), written by our own pcapng writer (LacpBenchCapture, a main class of the
# test sources: `./build -q test-compile` builds it). Checks that fabricscope saw every PDU and no fault, and
# prints the ratio (goal >= 20x, JVM start included), wall-clock and CPU. Needs tshark and /usr/bin/time (package time).
#   BENCH_DIR  where the capture lives (default bench/out)
#   LINKS, SECONDS_OF_PDUS  capture size (default 1000 links, 600 s)
#   RUNS       repetitions for fabricscope (default 3, best kept; tshark runs once)
#   SKIP_TSHARK=1 to time fabricscope only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_DIR:-$root/bench/out}
links=${LINKS:-1000}
secs=${SECONDS_OF_PDUS:-600}
runs=${RUNS:-3}
mkdir -p "$out"
file="$out/lacp-bench-$links-$secs.pcapng"
frames=$((links * secs * 2))
if [ ! -s "$file" ]; then
    echo "bench: generating $file ($frames frames) ..." >&2
    "$root/build" -q test-compile
    . "$root/scripts/jdk.sh"
    fabricscope_find_jdk
    "$FABRICSCOPE_JAVA_HOME/bin/java" -cp "$root/target/classes:$root/target/test-classes" \
        dev.fabricscope.lacp.LacpBenchCapture "$file.tmp" "$links" "$secs"
    mv "$file.tmp" "$file"
fi
"$root/fabricscope" --version >/dev/null
cat "$file" > /dev/null

# wall-clock seconds, and CPU seconds (user + sys, all threads) from /usr/bin/time: on a loaded machine the CPU
# figures compare the work done; the wall-clock ones what a user waits
# each run starts with the capture in the page cache, which this kind of VM drops within seconds (see bench/smc.sh)
timed() { cat "$file" > /dev/null; /usr/bin/time -f '%e %U %S' -o "$out/time.txt" "$@"; }
wall() { awk '{ print $1 }' "$out/time.txt"; }
cpu() { awk '{ printf "%.2f", $2 + $3 }' "$out/time.txt"; }
best=""
best_cpu=""
for _ in $(seq "$runs"); do
    timed "$root/fabricscope" lacp health -r "$file" --json > "$out/lacp-health.out" 2>/dev/null || true
    t=$(wall)
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; best_cpu=$(cpu); fi
done
printf '%-40s %8s s wall, %6s s CPU\n' "fabricscope lacp health -r F" "$best" "$best_cpu"
summary=$(grep '"type":"summary"' "$out/lacp-health.out")
echo "  $summary"
status=ok
case "$summary" in *"\"pdus\":$frames,"*'"faults":0,"warnings":0,'*) ;; *) status=MISMATCH ;; esac
echo "  expected $frames PDUs, no fault -> $status"
rm -f "$out/lacp-health.out"

if [ "${SKIP_TSHARK:-0}" != 1 ]; then
    timed tshark -r "$file" -Y lacp -T fields -e frame.interface_name -e frame.time_epoch -e lacp.actor.sysid \
        -e lacp.actor.key -e lacp.actor.port -e lacp.actor.state -e lacp.partner.sysid -e lacp.partner.key \
        -e lacp.partner.state > "$out/tshark.out" 2>/dev/null
    t_tshark=$(wall)
    c_tshark=$(cpu)
    printf '%-40s %8s s wall, %6s s CPU (%s lines)\n' "tshark -r F -Y lacp -T fields -e ..." "$t_tshark" "$c_tshark" \
        "$(wc -l < "$out/tshark.out")"
    rm -f "$out/tshark.out"
    printf 'ratio tshark/fabricscope: %.1fx wall-clock, %.1fx CPU\n' "$(awk -v a="$t_tshark" -v b="$best" 'BEGIN { print a / b }')" \
        "$(awk -v a="$c_tshark" -v b="$best_cpu" 'BEGIN { print a / b }')"
fi
[ "$status" = ok ]
