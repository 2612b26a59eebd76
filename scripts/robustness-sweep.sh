#!/usr/bin/env bash
# Runs every file-reading command (capture -vvv -e -x and --json, smc, smc-clc text and -json, rdma decode/icrc/
# conntrack/qps, lacp, lacp health, strip) on every capture of a directory, e.g. tcpdump's own tests/ (many of
# them damaged files found by fuzzing tcpdump), and reports each run that crashed: a Java stack trace or exception
# name on stderr, an exit status other than 0, 1, 2 (3 for lacp health: faults found), or no end within 60 s; and
# each run that reported a damaged file (a record or block "at offset N", broken gzip data) yet exited 0.
# A developer's tool for the "bad input never kills us" rule; nothing it reads is kept.
#   usage: scripts/robustness-sweep.sh DIR [JOBS]      (JOBS parallel files, default 2)
#   prints one line per crash, "file | command | rc=N | first stderr line", then a count
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: $0 DIR [JOBS]}
jobs=${2:-2}
. "$root/scripts/jdk.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fabricscope_snapshot_jar "$root" "$work/fabricscope.jar"
export SWEEP_JAVA="$FABRICSCOPE_JAVA_HOME/bin/java" SWEEP_JAR="$work/fabricscope.jar" SWEEP_TMP="$work"

one() {
    local f=$1 name rc err
    run() {
        name=$1
        shift
        err=$(mktemp -p "$SWEEP_TMP")
        rc=0
        timeout 60 "$SWEEP_JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$SWEEP_JAR" "$@" >/dev/null 2>"$err" || rc=$?
        local allowed=2
        [ "$name" = "lacp health" ] && allowed=3
        if [ "$rc" -gt "$allowed" ] || grep -qE '^\s+at |Exception|OutOfMemory|StackOverflow' "$err"; then
            echo "$(basename "$f") | $name | rc=$rc | $(head -n 1 "$err" | cut -c1-200)"
        elif [ "$rc" = 0 ] && grep -qE 'at offset [0-9]|gzip data (is corrupt|ends early)' "$err"; then
            echo "$(basename "$f") | $name | rc=0 after reporting damage | $(grep -m 1 -E 'at offset [0-9]|gzip data' "$err" | cut -c1-200)"
        fi
        rm -f "$err"
    }
    run "capture -vvv -e -x" capture -n -vvv -e -x -r "$f"
    run "capture --json" capture --json -r "$f"
    run "smc" smc -r "$f"
    run "smc-clc" smc-clc -f "$f" -show-hex -show-reserved
    run "smc-clc -json" smc-clc -f "$f" -json
    run "rdma decode" rdma decode -r "$f"
    run "rdma icrc" rdma icrc -r "$f"
    run "rdma conntrack" rdma conntrack -r "$f"
    run "rdma qps" rdma qps -r "$f"
    run "lacp" lacp -r "$f"
    run "lacp health" lacp health -r "$f"
    run "strip" strip -r "$f" -w "$SWEEP_TMP/strip-$$.pcap"
    rm -f "$SWEEP_TMP/strip-$$.pcap"
}
export -f one
shopt -s nullglob
files=("$dir"/*.pcap "$dir"/*.pcapng "$dir"/*.cap)
printf '%s\0' "${files[@]}" | xargs -0 -P "$jobs" -n 1 bash -c 'one "$0"' > "$work/crashes"
cat "$work/crashes"
echo "${#files[@]} captures, 12 commands each: $(wc -l < "$work/crashes") crashed, hung or exited oddly"
