#!/usr/bin/env bash
# Whole-run SMC benchmark, in one run: `fabricscope smc-clc -f F -show-timestamps=false` (JAVA_OPTS=-Xmx256m)
# against `tshark -r F -Y smc` on the capture of ../shared/bench/gen_smc_bench.py --connections 100000 --seed 1
# (4.5M packets, 293,559 CLC messages). Checks that we print every message exactly once, per type, against
# the generator's summary, and `fabricscope smc`'s outcome of every connection too; prints the ratios (wall and
# CPU time of the best runs, and run by run against smc-clc with their median). Needs python3 and tshark.
#   BENCH_DIR  where the capture lives (default bench/out, shared with capture.sh)
#   RUNS       repetitions for fabricscope and smc-clc, in turns (default 3; tshark runs once, it takes about a minute)
#   SKIP_TSHARK=1 to time fabricscope only
#   SMC_CLC    the Go smc-clc binary to time as well (default: smc-clc on PATH, if any); its ratio is printed too
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_DIR:-$root/bench/out}
runs=${RUNS:-3}
gen="$root/../shared/bench/gen_smc_bench.py"
mkdir -p "$out"
file="$out/smc-bench-100000.pcap"
summary="$out/smc-bench-100000.summary"
if [ ! -s "$file" ] || [ ! -s "$summary" ]; then
    [ -f "$gen" ] || { echo "bench: generator $gen not found" >&2; exit 1; }
    echo "bench: generating $file ..." >&2
    python3 "$gen" --connections 100000 --seed 1 -o "$file.tmp" -q > "$summary"
    mv "$file.tmp" "$file"
fi
"$root/fabricscope" --version >/dev/null
# Every timed run starts with the file in the page cache (cat, then run): on the VMs this was measured on, the
# cache loses a third of a 1.6 GB file within 20 s even with most memory free, so a run that followed a
# 10 s smc-clc run read part of its input from disk (+0.1-0.3 s, a different part each time).
warm() { cat "$file" > /dev/null; }

seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }
# timed OUT CMD...: runs CMD with stdout to OUT; sets t_wall and t_cpu (user + system seconds of CMD and its
# children): how much of the machine each takes (smc-clc keeps both cores busy); t_status is CMD's exit status.
timed() {
    local out=$1 times TIMEFORMAT='%R %U %S'
    shift
    times=$( { time { "$@" > "$out" 2>/dev/null; echo "$?" > "$out.status"; }; } 2>&1 )
    read -r t_wall t_user t_sys <<< "$times"
    t_cpu=$(awk -v u="$t_user" -v s="$t_sys" 'BEGIN { printf "%.3f", u + s }')
    t_status=$(cat "$out.status")
    rm -f "$out.status"
}
smc_clc=${SMC_CLC:-$(command -v smc-clc || true)}
[ -n "$smc_clc" ] && [ ! -x "$smc_clc" ] && smc_clc=""
faster() { [ -z "$2" ] || awk -v t="$1" -v b="$2" 'BEGIN { exit !(t < b) }'; }
# the two run in turns, so that both best times come from the same minutes (this kind of machine drifts)
best=""
best_go=""
pair_ratios=""   # smc-clc's time over ours, run by run: each pair ran within the same ~15 s
for _ in $(seq "$runs"); do
    warm
    timed "$out/smc-clc.out" env JAVA_OPTS=-Xmx256m "$root/fabricscope" smc-clc -f "$file" -show-timestamps=false
    [ "$t_status" = 0 ] || { echo "bench: fabricscope smc-clc exited with status $t_status" >&2; exit 1; }
    if faster "$t_wall" "$best"; then best=$t_wall; cpu=$t_cpu; fi
    ours_wall=$t_wall
    if [ -n "$smc_clc" ]; then
        warm
        timed "$out/smc-clc-go.out" "$smc_clc" -f "$file" -show-timestamps=false
        if faster "$t_wall" "$best_go"; then best_go=$t_wall; cpu_go=$t_cpu; fi
        pair_ratios+="$(awk -v a="$t_wall" -v b="$ours_wall" 'BEGIN { printf "%.1f", a / b }') "
    fi
done
printf '%-52s %8s s (cpu %s s)\n' "fabricscope smc-clc -f F -show-timestamps=false" "$best" "$cpu"

status=ok
check() {  # WIDTH NAME EXPECTED GOT: one line of the comparison; a difference fails the benchmark
    printf "  %-${1}s expected %7s  got %7s\n" "$2" "$3" "$4"
    [ "$3" = "$4" ] || status=MISMATCH
}
# every message exactly once: our line counts against the generator's summary
expected_total=$(sed -n 's/^CLC messages: \([0-9]*\) total$/\1/p' "$summary")
got_total=$(wc -l < "$out/smc-clc.out")
for type in Proposal Accept Confirm Decline; do
    check 9 "$type" "$(sed -n "s/^  $type *\([0-9]*\)\$/\1/p" "$summary" | head -n 1)" \
        "$(grep -c ": $type: " "$out/smc-clc.out" || true)"
done
[ "$expected_total" = "$got_total" ] || status=MISMATCH   # also no line that is not one of the four
printf '  %-9s expected %7s  got %7s  -> %s\n' total "$expected_total" "$got_total" "$status"
rm -f "$out/smc-clc.out"

# every connection's outcome (`fabricscope smc`, once, not timed) against the generator's counts of exchanges
"$root/fabricscope" smc -r "$file" > "$out/smc.out" 2>/dev/null || true
outcome() { sed -n "s/^ *\([0-9]*\)  $1\$/\1/p" "$out/smc.out"; }
generated() { sed -n "s/^  $1  *\([0-9]*\)\$/\1/p" "$summary" | head -n 1; }
for kind in "SMC-R v1" "SMC-D v1" "SMC-R v2" "SMC-D v2"; do
    check 24 "$kind established" "$(generated "$kind")" "$(outcome "$kind established")"
done
check 24 "declined by server" "$(( $(generated "Decline by server") + $(generated "Accept+Decline by server") ))" \
    "$(outcome "declined by server")"
check 24 "declined by client" "$(generated "Decline by client")" "$(outcome "declined by client")"
check 24 "SMC option not echoed" "$(sed -n 's/.*(\([0-9]*\) with SMC option in SYN only.*/\1/p' "$summary")" \
    "$(sed -n 's/^\([0-9]*\) more SYN(s) offered SMC, but the SYN-ACK did not echo.*/\1/p' "$out/smc.out")"
printf '  %-24s -> %s\n' "outcomes" "$status"
rm -f "$out/smc.out"

if [ -n "$smc_clc" ]; then
    # smc-clc needs the SYN with the SMC option: the messages of the connections without one are not in its count
    printf '%-52s %8s s (cpu %s s, %s messages)\n' "smc-clc -f F -show-timestamps=false (Go)" "$best_go" "$cpu_go" \
        "$(wc -l < "$out/smc-clc-go.out")"
    printf 'ratio smc-clc/fabricscope: %.1fx (cpu %.1fx)\n' "$(awk -v a="$best_go" -v b="$best" 'BEGIN { print a / b }')" \
        "$(awk -v a="$cpu_go" -v b="$cpu" 'BEGIN { print a / b }')"
    # the best times may come from different minutes; each pair's own ratio, and their median, do not
    printf 'ratio run by run: %s(median %sx)\n' "$pair_ratios" \
        "$(printf '%s\n' $pair_ratios | sort -n | awk '{ r[NR] = $1 } END { print NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')"
    rm -f "$out/smc-clc-go.out"
fi

if [ "${SKIP_TSHARK:-0}" != 1 ]; then
    warm
    s=$(date +%s.%N)
    frames=$(tshark -r "$file" -Y smc 2>/dev/null | wc -l)
    e=$(date +%s.%N)
    t_tshark=$(seconds "$s" "$e")
    printf '%-52s %8s s (%s frames with smc)\n' "tshark -r F -Y smc" "$t_tshark" "$frames"
    printf 'ratio tshark/fabricscope: %.1fx\n' "$(awk -v a="$t_tshark" -v b="$best" 'BEGIN { print a / b }')"
fi
[ "$status" = ok ]
