#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each for a bounded time.
#
#   Tests/fuzz/run-fuzz.sh                 # every target for 60 s
#   Tests/fuzz/run-fuzz.sh 600 csv xml     # these targets for 10 minutes each
#
# Targets: csv, xml, json (readers) and mapping (mapping files). Seeds are in
# Tests/fuzz/corpus/<target>/; inputs that once crashed are in Tests/fuzz/regressions/<target>/
# and are replayed first. The growing corpus lives in .build-fuzz/corpus/<target>/; a crash is
# written to .build-fuzz/artifacts/<target>/ and makes the script fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv xml json mapping)

.ci/install-deps >&2
status=0
# Swift's own crash reporter reads memory ASan guards; libFuzzer and ASan report crashes themselves.
export SWIFT_BACKTRACE=enable=no
# Leaks in third-party code that the project cannot mend, each explained in the file.
export LSAN_OPTIONS="suppressions=$PWD/Tests/fuzz/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for t in "${targets[@]}"; do
  OICP_ETL_FUZZ=1 swift build --build-path .build-fuzz --product "fuzz-$t" -Xswiftc -sanitize=fuzzer,address >&2
  bin=".build-fuzz/debug/fuzz-$t"
  corpus=".build-fuzz/corpus/$t"
  artifacts=".build-fuzz/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  regressions=(Tests/fuzz/regressions/"$t"/*)
  if [ -e "${regressions[0]}" ]; then
    echo "== $t: replaying ${#regressions[@]} regression inputs"
    "$bin" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >".build-fuzz/$t-regressions.log" 2>&1 || {
      echo "   a regression input fails again: see .build-fuzz/$t-regressions.log" >&2
      status=1
    }
  fi
  echo "== $t: fuzzing for ${seconds} s"
  set +e
  "$bin" "$corpus" "Tests/fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 >".build-fuzz/$t.log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' ".build-fuzz/$t.log" | grep -o '[0-9]*$' || echo "?")
  if [ "$rc" -ne 0 ]; then
    echo "   FOUND A PROBLEM after $execs runs (exit $rc): see .build-fuzz/$t.log and $artifacts" >&2
    grep -m3 -E 'ERROR|Fatal|deadly|timeout' ".build-fuzz/$t.log" >&2 || true
    status=1
  else
    echo "   clean: $execs runs, corpus $(ls "$corpus" | wc -l) inputs"
  fi
done
exit "$status"
