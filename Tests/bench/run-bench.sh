#!/usr/bin/env bash
# The scale benchmark: converts generated inputs with the release build and prints wall time,
# records/s, MB/s and peak resident memory; compares with the Python peer when it is there.
#
#   Tests/bench/run-bench.sh                 # legacy CSV at 1M and 4M rows, DATEX XML 1 GiB, OCPI JSON 200 MiB
#   Tests/bench/run-bench.sh csv 1000000     # one CSV size
#   Tests/bench/run-bench.sh xml 1024        # DATEX-like XML of that many MiB
#   Tests/bench/run-bench.sh json 200        # OCPI feed of that many MiB
#
# BENCH_SHARED (default ../shared/bench) holds gen_legacy_csv.py, peer_python.py and
# compare_outputs.py; without it only the XML and JSON runs work. BENCH_WORK (default
# /tmp/oicp-etl-bench) holds the generated files and outputs. BENCH_PEER=all runs the peer at
# every CSV size (it needs about 2.2 GB of memory per million rows), BENCH_PEER=no never.
# BENCH_JOBS=N converts with --jobs N (default: one mapping thread per processor).
# BENCH_REPEAT=N runs each conversion N times (default 3) and shows the run of median wall time
# (peak memory: the largest of the runs) and every run's time; the peer runs once.
# "cpu s" is user + system time: on a shared machine it varies less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
shared="${BENCH_SHARED:-$root/../shared/bench}"
work="${BENCH_WORK:-/tmp/oicp-etl-bench}"
peer_mode="${BENCH_PEER:-first}"
mkdir -p "$work"
jobs_args=()
repeat="${BENCH_REPEAT:-3}"
[ -z "${BENCH_JOBS:-}" ] || jobs_args=(--jobs "$BENCH_JOBS")

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
.ci/install-deps >&2
# Built as the README builds it: the Swift runtime linked into the binary (see docs/performance.md).
swift build -c release --static-swift-stdlib --experimental-lto-mode=thin --product oicp-etl >&2
bin="$(swift build -c release --static-swift-stdlib --experimental-lto-mode=thin --show-bin-path)/oicp-etl"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB"
printf '%-28s %10s %8s %12s %12s %9s %10s\n' "run" "wall s" "cpu s" "records/s" "MB/s" "peak MB" "records"

# measure NAME BYTES -- command…: runs it under /usr/bin/time, prints one line, sets $wall.
measure() {
  measure_quiet "$@"
  row "$1" "$2" "$wall" "$cpu" "$rss" "$records"
}

# row NAME BYTES WALL CPU PEAK RECORDS: one line of the table.
row() {
  awk -v n="$1" -v b="$2" -v w="$3" -v u="$4" -v r="$5" -v c="$6" \
    'BEGIN { printf "%-28s %10.2f %8.1f %12.0f %12.1f %9d %10d\n", n, w, u, (w > 0 ? c / w : 0), (w > 0 ? b / 1048576 / w : 0), r, c }'
}

# measure_quiet NAME BYTES -- command…: as measure, without printing; sets $wall, $cpu, $rss and
# $records.
measure_quiet() {
  local name="$1" bytes="$2"
  shift 3
  local log="$work/$name.time"
  # The outputs of the run before (a gigabyte after the XML run) are written to disk first, so
  # that no run pays for the one before it.
  sync
  set +e
  /usr/bin/time -v "$@" >"$work/$name.out" 2>"$log"
  local status=$?
  set -e
  if [ "$status" -gt 1 ]; then echo "$name failed ($status):" >&2; tail -5 "$log" >&2; exit "$status"; fi
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  # The peer prints no count: its rows are the input's.
  records=$(grep -o '[0-9]* records read' "$log" | head -1 | cut -d' ' -f1 || true)
  records=${records:-${rows_in:-0}}
}

# repeated NAME BYTES OUTDIR -- command…: runs the conversion $repeat times (OUTDIR emptied before
# each) and prints the run of median wall time, its peak memory replaced by the largest of all
# runs, then every run's wall time. Sets $wall to the median. A run of two or three seconds on a
# shared machine varies by a tenth from one run to the next; the median of a few says more.
repeated() {
  local name="$1" bytes="$2" out="$3"
  shift 3
  local results=() peak=0 k
  for k in $(seq "$repeat"); do
    rm -rf "$out"
    measure_quiet "$name" "$bytes" "$@"
    results+=("$wall $cpu $records")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${results[@]}" | sort -n -k1,1 | sed -n "$(( (repeat + 1) / 2 ))p")
  read -r wall cpu records <<<"$median"
  row "$name" "$bytes" "$wall" "$cpu" "$peak" "$records"
  [ "$repeat" -gt 1 ] && echo "  $repeat runs, median shown: $(printf '%s\n' "${results[@]}" | awk '{printf "%.2f s  ", $1}')"
  return 0
}

csv_run() {
  local rows="$1" first="$2"
  [ -f "$shared/gen_legacy_csv.py" ] || { echo "no $shared/gen_legacy_csv.py: set BENCH_SHARED" >&2; exit 2; }
  local input="$work/legacy-$rows.csv"
  [ -s "$input" ] || python3 "$shared/gen_legacy_csv.py" --rows "$rows" >"$input"
  local bytes=$(stat -L -c %s "$input")
  rows_in=$rows
  repeated "csv $rows rows" "$bytes" "$work/out-$rows" -- "$bin" convert -q -m mappings/bench-legacy.yaml -i "$input" -o "$work/out-$rows" "${jobs_args[@]}"
  local ours=$wall
  if [ -f "$shared/peer_python.py" ] && { [ "$peer_mode" = all ] || { [ "$peer_mode" = first ] && [ "$first" = 1 ]; }; }; then
    rm -rf "$work/peer-$rows"
    measure "peer $rows rows" "$bytes" -- python3 "$shared/peer_python.py" "$input" "$work/peer-$rows"
    awk -v p="$wall" -v o="$ours" 'BEGIN { printf "  ratio: oicp-etl is %.1f times faster than the peer\n", p / o }'
    if [ -f "$shared/compare_outputs.py" ]; then
      echo "  compare: $(python3 "$shared/compare_outputs.py" "$work/peer-$rows" "$work/out-$rows/bundles" 2>&1 | tail -1)"
    fi
  fi
}

xml_run() {
  local mb="$1" input="$work/datex-$1m.xml"
  [ -s "$input" ] || python3 Tests/bench/generate-datex.py "$input" "$mb" >&2
  repeated "xml datex ${mb} MiB" "$(stat -L -c %s "$input")" "$work/out-xml" -- "$bin" convert -q -m mappings/datex2-v3-energy-infrastructure.yaml -i "$input" -o "$work/out-xml" "${jobs_args[@]}"
}

json_run() {
  local mb="$1" input="$work/ocpi-$1m.json"
  [ -s "$input" ] || python3 Tests/bench/generate-ocpi.py "$input" "$mb" >&2
  repeated "json ocpi ${mb} MiB" "$(stat -L -c %s "$input")" "$work/out-json" -- "$bin" convert -q -m mappings/ocpi-2.2.1.yaml -i "$input" -o "$work/out-json" --set hotline=+4922112345 "${jobs_args[@]}"
}

case "${1:-all}" in
  csv) csv_run "${2:-1000000}" 1 ;;
  xml) xml_run "${2:-1024}" ;;
  json) json_run "${2:-200}" ;;
  all)
    csv_run 1000000 1
    csv_run 4000000 0
    xml_run 1024
    json_run 200
    ;;
  *) echo "usage: $0 [csv ROWS | xml MIB | json MIB]" >&2; exit 64 ;;
esac
