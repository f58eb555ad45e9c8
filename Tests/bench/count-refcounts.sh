#!/usr/bin/env bash
# Counts what a conversion executes, deterministically (valgrind's callgrind): instructions,
# calls to swift_retain and swift_release, and how many of those calls changed a reference count
# with an atomic operation (the `lock cmpxchg` in each; a call on a string literal, a small
# string or another immortal object returns before it). Wall time on a shared machine varies
# by the hour; these numbers do not.
#
#   Tests/bench/count-refcounts.sh INPUT [MAPPING] [-- more convert options]
#   Tests/bench/count-refcounts.sh /tmp/oicp-etl-bench/legacy-100000.csv
#   Tests/bench/count-refcounts.sh /tmp/datex-10m.xml mappings/datex2-v3-energy-infrastructure.yaml -- --set hotline=+4922112345
#
# Needs valgrind, objdump (binutils) and python3. OICP_ETL_BIN picks another binary (default:
# the release build). Runs with --jobs 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
input="${1:?usage: count-refcounts.sh INPUT [MAPPING] [-- options]}"
shift
mapping="mappings/bench-legacy.yaml"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then mapping="$1"; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
for tool in valgrind objdump python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
if [ -z "${OICP_ETL_BIN:-}" ]; then
    swift build -c release --static-swift-stdlib --experimental-lto-mode=thin --product oicp-etl >&2
    OICP_ETL_BIN="$(swift build -c release --static-swift-stdlib --experimental-lto-mode=thin --show-bin-path)/oicp-etl"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the debug information of a Swift release build: strip it first.
strip --strip-debug -o "$work/bin" "$OICP_ETL_BIN"
# swift_retain and swift_release are in libswiftCore.so, or in the binary when it carries the
# Swift runtime (--static-swift-stdlib, as the scripts build it).
core="$(ldd "$work/bin" | awk '/libswiftCore.so/ {print $3}')"
[ -n "$core" ] || core="$work/bin"
# Swift seeds its hashing per process: without this, dictionary probes differ from run to run
# (the threads' timing still moves the counts by a few tenths of a percent on tree inputs).
export SWIFT_DETERMINISTIC_HASHING=1
valgrind --tool=callgrind --dump-instr=yes --compress-pos=no --compress-strings=no \
    --callgrind-out-file="$work/cg.out" "$work/bin" convert -q -m "$mapping" -i "$input" -o "$work/out" --jobs 1 "$@" \
    2> "$work/valgrind.log" > /dev/null || { tail -5 "$work/valgrind.log" >&2; exit 1; }
objdump -d --no-show-raw-insn "$core" > "$work/core.asm"
python3 - "$work/cg.out" "$work/core.asm" "$work/valgrind.log" <<'EOF'
import re, sys, collections
out, asm, log = sys.argv[1:4]
# Offsets of the atomic instructions from the start of each function, from the disassembly.
offsets = {}
current = None
for line in open(asm):
    m = re.match(r'^([0-9a-f]+) <(swift_retain|swift_release)>:', line)
    if m:
        current, start = m.group(2), int(m.group(1), 16)
        offsets[current] = []
        continue
    if current and not line.strip():
        current = None
    elif current and 'lock' in line and 'cmpxchg' in line:
        offsets[current].append(int(line.split(':')[0], 16) - start)
# Executions per instruction address of the two functions (callgrind, --dump-instr=yes).
counts = collections.defaultdict(lambda: collections.defaultdict(int))
fn, skip = None, False
for line in open(out):
    if line.startswith('fn='):
        fn = line[3:].strip().split("'")[0]
    elif line.startswith('calls='):
        skip = True
    elif line.startswith('0x'):
        if skip:
            skip = False
        elif fn in offsets:
            parts = line.split()
            counts[fn][int(parts[0], 16)] += int(parts[-1])
total = [l for l in open(log) if 'Collected' in l]
print('instructions', total[0].split()[-1] if total else '?')
for name in ('swift_retain', 'swift_release'):
    d = counts.get(name, {})
    if not d:
        print(name, 'not called'); continue
    entry = min(d)
    atomic = sum(d.get(entry + o, 0) for o in offsets[name])
    print(f'{name}: {d[entry]} calls, {atomic} atomic')
EOF
