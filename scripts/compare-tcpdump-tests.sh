#!/usr/bin/env bash
# Prints every capture of a directory (e.g. tcpdump's own tests/, from a tcpdump source tree of the installed
# version) with `tcpdump -n FLAGS -r F` and `fabricscope capture -n FLAGS -r F`, and reports per file whether the
# two outputs are identical, then a summary. A developer's tool to find where our printers differ from tcpdump's;
# nothing it reads is kept. Needs tcpdump on the PATH.
#   usage: scripts/compare-tcpdump-tests.sh DIR [OUT] [FLAGS...]     (OUT default: a new temporary directory)
#   OUT/summary: "same|DIFF td=<tcpdump exit> fs=<our exit> lines=<tcpdump lines> difflines=<lines of tcpdump's not ours> <file>"
#   OUT/<file>.td and OUT/<file>.fs hold the two outputs (.err their stderr), for `diff`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: $0 DIR [OUT] [FLAGS...]}
out=${2:-$(mktemp -d)}
shift $(( $# >= 2 ? 2 : 1 ))
command -v tcpdump >/dev/null || { echo "compare-tcpdump-tests: tcpdump is not installed (apt-get install tcpdump)" >&2; exit 1; }
mkdir -p "$out"
. "$root/scripts/jdk.sh"
jar="$out/fabricscope.jar"
fabricscope_snapshot_jar "$root" "$jar"
: > "$out/summary"
shopt -s nullglob
for f in "$dir"/*.pcap "$dir"/*.pcapng "$dir"/*.cap; do
    b=$(basename "$f")
    tr=0; fr=0
    timeout 60 tcpdump -n "$@" -r "$f" > "$out/$b.td" 2> "$out/$b.td.err" || tr=$?
    timeout 60 "$FABRICSCOPE_JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" \
        capture -n "$@" -r "$f" > "$out/$b.fs" 2> "$out/$b.fs.err" || fr=$?
    if cmp -s "$out/$b.td" "$out/$b.fs"; then status=same; else status=DIFF; fi
    lines=$(wc -l < "$out/$b.td")
    missing=$(diff "$out/$b.td" "$out/$b.fs" | grep -c '^<' || true)
    echo "$status td=$tr fs=$fr lines=$lines difflines=$missing $b" >> "$out/summary"
done
awk '{ n++; if ($1 == "same") same++; split($4, l, "="); split($5, d, "="); lines += l[2]; diff += d[2] }
     END { printf "%d captures: %d identical; %d of tcpdump'"'"'s %d lines differ\n", n, same, diff, lines }' "$out/summary"
echo "details: $out/summary"
