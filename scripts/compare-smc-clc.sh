#!/usr/bin/env bash
# Runs the Go smc-clc and `fabricscope smc-clc` on one capture with the same flags (plus -show-timestamps=false)
# and checks that every message both print is byte-identical, record by record (a record is a message's line and
# its -show-hex dump), except where smc-clc is known to be wrong (issue 3, "Where smc-clc is wrong"):
#   smcr-v2-layout       an SMC-Rv2 Accept/Confirm, which smc-clc prints in the v1 layout (points 2 and 3)
#   first-contact-v2x    an SMC-Dv2 Accept/Confirm with the v2.x first-contact extension (longer than v2.0's 36
#                        bytes: its limits and feature mask), which smc-clc misprints (point 3)
#   decline-extra-codes  a 44-byte SMCv2 Decline, of whose 4 extra diagnosis codes smc-clc shows none (point 4)
#   decline-code-name    a Decline code smc-clc calls "Unknown" (newer kernel codes, point 4)
#   no-syn               a connection smc-clc does not follow: its SYN is not in the capture (point 6)
# Anything else is UNEXPECTED: the first few are printed and the exit status is 1. Records are matched by
# endpoints and message type, since the two may order connections differently. A developer's tool (smc-clc is not
# packaged: build it from github.com/hwipl/smc-clc); nothing it writes is kept.
#   usage: scripts/compare-smc-clc.sh SMC_CLC CAPTURE [FLAGS...]     e.g. FLAGS: -show-reserved -show-hex
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smc_clc=${1:?usage: $0 SMC_CLC CAPTURE [FLAGS...]}
capture=${2:?usage: $0 SMC_CLC CAPTURE [FLAGS...]}
shift 2
[ -x "$smc_clc" ] || { echo "compare-smc-clc: $smc_clc is not an executable" >&2; exit 2; }
command -v python3 >/dev/null || { echo "compare-smc-clc: python3 is needed" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$smc_clc" -f "$capture" -show-timestamps=false "$@" > "$out/go.txt" 2> "$out/go.err" || true
"$root/fabricscope" smc-clc -f "$capture" -show-timestamps=false "$@" > "$out/ours.txt" 2> "$out/ours.err" || true
python3 - "$out/go.txt" "$out/ours.txt" <<'EOF'
import collections, re, sys

SMCD_V2_WITH_V20_EXTENSION = 78 + 36   # SMC-Dv2 Accept/Confirm and the v2.0 first-contact extension
FIRST = re.compile(r'^(\S+) -> (\S+): (\w+): Eyecatcher: ')

def records(path):
    """{(src, dst, type, n): record text}; n counts repeats of the same endpoints and type."""
    found, seen, current = {}, collections.Counter(), None
    with open(path, encoding='latin-1') as f:
        for line in f:
            m = FIRST.match(line)
            if m:
                key = m.groups()
                seen[key] += 1
                current = key + (seen[key],)
                found[current] = line
            elif current is not None:
                found[current] += line
    return found

def pair(key):
    return frozenset((key[0], key[1]))

def why(go, ours):
    first_go, first_ours = go.split('\n', 1)[0], ours.split('\n', 1)[0]
    kind = FIRST.match(first_go).group(3)
    if kind in ('Accept', 'Confirm') and 'Version: 2,' in first_go and 'Path: SMC-R,' in first_go:
        return 'smcr-v2-layout'
    length = re.search(r'Length: (\d+),', first_go)
    if kind in ('Accept', 'Confirm') and 'Version: 2,' in first_go and 'First Contact: 1,' in first_go \
            and 'Path: SMC-D,' in first_go and length and int(length.group(1)) > SMCD_V2_WITH_V20_EXTENSION:
        return 'first-contact-v2x'
    if kind == 'Decline' and 'Length: 44,' in first_go:
        return 'decline-extra-codes'
    if kind == 'Decline':
        code_go = re.search(r'Peer Diagnosis: (0x[0-9a-f]+) \(([^)]*)\)', first_go)
        code_ours = re.search(r'Peer Diagnosis: (0x[0-9a-f]+) \(([^)]*)\)', first_ours)
        if code_go and code_ours and code_go.group(2) == 'Unknown' and code_ours.group(2) != 'Unknown' \
                and first_go.replace(code_go.group(0), '') == first_ours.replace(code_ours.group(0), ''):
            return 'decline-code-name'
    return None

go, ours = records(sys.argv[1]), records(sys.argv[2])
go_pairs = {pair(k) for k in go}
counts, unexpected = collections.Counter(), []
for key in sorted(set(go) | set(ours)):
    g, o = go.get(key), ours.get(key)
    if g == o:
        counts['identical'] += 1
    elif g is None and pair(key) not in go_pairs:
        counts['no-syn'] += 1
    elif g is None or o is None:
        unexpected.append(('only smc-clc' if o is None else 'only fabricscope', g or o))
    else:
        reason = why(g, o)
        if reason:
            counts[reason] += 1
        else:
            unexpected.append(('differs', 'smc-clc:     ' + g + 'fabricscope: ' + o))
print(f'smc-clc {len(go)} messages, fabricscope {len(ours)}')
for reason, n in counts.most_common():
    print(f'{n:9d}  {reason}')
print(f'{len(unexpected):9d}  UNEXPECTED')
for what, text in unexpected[:10]:
    print(f'--- {what}\n{text}', end='' if text.endswith('\n') else '\n')
sys.exit(1 if unexpected else 0)
EOF
