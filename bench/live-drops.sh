#!/usr/bin/env bash
# Live capture under load, in one run: at increasing UDP packet rates on lo, how many packets do
# tcpdump and fabricscope capture (-w /dev/null) and how many does the kernel drop? Prints a table and,
# per tool, the first rate with drops. Needs root, tcpdump, python3, libpcap.
#   RATES    packets/s to try (default "100000 200000 400000 800000 1600000")
#   SECONDS  per rate and tool (default 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rates=${RATES:-100000 200000 400000 800000 1600000}
seconds=${SECONDS_PER_RATE:-3}
port=39999
"$root/fabricscope" --version >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the C generator (sendmmsg) reaches rates the Python one cannot; Python is the fallback without a compiler
flood=(python3 "$root/bench/udp_flood.py")
if command -v cc >/dev/null && cc -O2 -o "$tmp/udp_flood" "$root/bench/udp_flood.c" 2>/dev/null; then
    flood=("$tmp/udp_flood")
fi

run() { # tool rate -> "sent captured dropped"
    local tool=$1 rate=$2 err="$tmp/err" pid sent
    case $tool in
        tcpdump) tcpdump -i lo -w /dev/null -Z root udp dst port $port 2>"$err" & ;;
        fabricscope) "$root/fabricscope" capture -i lo -w /dev/null udp dst port $port 2>"$err" & ;;
    esac
    pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$err" 2>/dev/null && break; sleep 0.1; done
    sleep 0.3
    sent=$("${flood[@]}" $port "$rate" "$seconds" | cut -d' ' -f1)
    sleep 0.5
    kill -INT $pid; wait $pid || true
    echo "$sent $(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$err") $(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$err")"
}

# missing = sent - captured: kernel drops plus packets lost when the capture stops (tcpdump does not
# drain the buffer block the kernel still holds back at Ctrl-C; fabricscope does)
printf '%-10s %-12s %10s %10s %10s %10s\n' rate tool sent captured dropped missing
declare -A first_drop first_missing
for rate in $rates; do
    for tool in tcpdump fabricscope; do
        read -r sent captured dropped < <(run $tool "$rate")
        missing=$((sent - ${captured:-0}))
        printf '%-10s %-12s %10s %10s %10s %10s\n' "$rate" "$tool" "$sent" "$captured" "$dropped" "$missing"
        [ -z "${first_drop[$tool]:-}" ] && [ "${dropped:-0}" -gt 0 ] && first_drop[$tool]=$rate
        [ -z "${first_missing[$tool]:-}" ] && [ "$missing" -gt 0 ] && first_missing[$tool]=$rate
    done
done
for tool in tcpdump fabricscope; do
    echo "$tool: first kernel drops at ${first_drop[$tool]:-none up to the highest rate tried}; first missing packets at ${first_missing[$tool]:-none}"
done
