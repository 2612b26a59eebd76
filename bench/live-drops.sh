#!/usr/bin/env bash
# Live capture under load, in one run: at increasing UDP packet rates on lo, how many packets do
# tcpdump and fabricscope capture (-w /dev/null) and how many does the kernel drop? Prints a table and,
# per tool, the first rate with drops. Needs root, tcpdump, python3, libpcap.
#   RATES    packets/s to try (default "20000 50000 100000 200000 400000")
#   SECONDS  per rate and tool (default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rates=${RATES:-20000 50000 100000 200000 400000}
seconds=${SECONDS_PER_RATE:-3}
port=39999
"$root/fabricscope" --version >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { # tool rate -> "sent captured dropped"
    local tool=$1 rate=$2 err="$tmp/err" pid sent
    case $tool in
        tcpdump) tcpdump -i lo -w /dev/null -Z root udp dst port $port 2>"$err" & ;;
        fabricscope) "$root/fabricscope" capture -i lo -w /dev/null udp dst port $port 2>"$err" & ;;
    esac
    pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$err" 2>/dev/null && break; sleep 0.1; done
    sleep 0.3
    sent=$(python3 "$root/bench/udp_flood.py" $port "$rate" "$seconds" | cut -d' ' -f1)
    sleep 0.5
    kill -INT $pid; wait $pid || true
    echo "$sent $(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$err") $(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$err")"
}

printf '%-10s %-12s %10s %10s %10s\n' rate tool sent captured dropped
declare -A first
for rate in $rates; do
    for tool in tcpdump fabricscope; do
        read -r sent captured dropped < <(run $tool "$rate")
        printf '%-10s %-12s %10s %10s %10s\n' "$rate" "$tool" "$sent" "$captured" "$dropped"
        if [ -z "${first[$tool]:-}" ] && { [ "${dropped:-0}" -gt 0 ] || [ "${captured:-0}" -lt "$sent" ]; }; then
            first[$tool]=$rate
        fi
    done
done
for tool in tcpdump fabricscope; do
    echo "$tool: first losses at ${first[$tool]:-none up to the highest rate tried} packets/s"
done
