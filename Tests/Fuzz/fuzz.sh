#!/usr/bin/env bash
# Fuzzes Skylt's readers with libFuzzer (+ AddressSanitizer), one target per input format.
#
#   Tests/Fuzz/fuzz.sh [SECONDS] [TARGET ...]   run each target for SECONDS (default 60)
#   RUNS=1000000 Tests/Fuzz/fuzz.sh 0 ...       run each target for a number of executions instead
#   SEED=1 Tests/Fuzz/fuzz.sh 60                  the same inputs in the same order every time (CI does this)
#   SANITIZE=none Tests/Fuzz/fuzz.sh ...          without AddressSanitizer: about 4x the executions per
#                                                 second; Swift's bounds, overflow and precondition
#                                                 checks still stop on the first fault
#
# Targets: FuzzNativeFeed FuzzFrabFeed FuzzICalendar FuzzScheduleXML FuzzLive FuzzConfig FuzzGzip FuzzRemoteRequest (default: all).
# The seed corpus is assets/feeds, assets/live, the test fixtures, deploy/skylt.json and ../shared/feeds/real
# (when present). A crash, a hang over 1 s or an out-of-memory stops the run with exit 1 and
# leaves the input in Tests/Fuzz/Regressions/TARGET/: commit it (the tests replay every file
# there) and fix the reader.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzNativeFeed FuzzFrabFeed FuzzICalendar FuzzScheduleXML FuzzLive FuzzConfig FuzzGzip FuzzRemoteRequest)
sanitizers=fuzzer,address
scratch="$root/.build-fuzz"
if [ "${SANITIZE:-address}" = none ]; then sanitizers=fuzzer; scratch="$root/.build-fuzz-plain"; fi
# Optimised (-c release): three times the executions per second of a debug build, and Swift's
# bounds and overflow checks and our preconditions stay on; AddressSanitizer watches memory.
swift build --package-path "$root/Tests/Fuzz" --scratch-path "$scratch" -c release \
  --sanitize=fuzzer -Xswiftc -sanitize="$sanitizers" >/dev/null
status=0
for target in "${targets[@]}"; do
  corpus=$(mktemp -d)
  case "$target" in
    FuzzICalendar) find "$root/Tests" "$root/../shared/feeds/real" -name '*.ics' -size -100k -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
    FuzzScheduleXML) find "$root/assets/feeds" "$root/Tests/ScheduleCoreTests/Fixtures" -name '*.xml' -exec cp {} "$corpus/" \;
                     head -c 16000 "$root/../shared/feeds/real/fosdem-2020.pentabarf.xml" > "$corpus/fosdem-head.xml" 2>/dev/null || true ;;
    FuzzConfig) cp "$root/deploy/skylt.json" "$corpus/" ;;
    FuzzLive) cp "$root"/assets/live/*.json "$corpus/" ;;
    # A piece-size byte, then a gzip body.
    FuzzGzip) for feed in "$root"/assets/feeds/*.json; do
                { printf '\x40'; gzip -c -9 < "$feed"; } > "$corpus/$(basename "$feed").gz"
              done ;;
    # A piece-size byte, then requests as clients send them.
    FuzzRemoteRequest)
      printf '\x10GET /status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n\r\n' > "$corpus/status"
      printf '\xffPOST /metrics HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello' > "$corpus/post"
      printf '\x01GET /screenshot.png HTTP/1.0\r\n\r\n' > "$corpus/screenshot" ;;
    *) find "$root/assets/feeds" "$root/Tests/ScheduleCoreTests/Fixtures" "$root/../shared/feeds/real" -name '*.json' -size -64k \
         -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
  esac
  regressions="$root/Tests/Fuzz/Regressions/$target"
  mkdir -p "$regressions"
  known=$(ls "$regressions")  # Inputs found (and fixed) before: only a new one fails this run.
  limit=(-max_total_time="$seconds")
  [ -n "${RUNS:-}" ] && limit=(-runs="$RUNS")
  [ -n "${SEED:-}" ] && limit+=(-seed="$SEED")
  echo "== $target: $(ls "$corpus" | wc -l) seed files, ${RUNS:-$seconds s}"
  if ! SWIFT_BACKTRACE=enable=no "$scratch/release/$target" "$corpus" "${limit[@]}" -timeout=1 -rss_limit_mb=2048 \
       -max_len=16384 -artifact_prefix="$regressions/" -print_final_stats=1 2>&1 | grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|ERROR|SUMMARY|Done [0-9]+ runs"; then
    :
  fi
  if ls "$regressions" | grep -vxF -e "$known" -e "" | grep -qE '^(crash|timeout|oom|leak)-'; then
    echo "== $target: found a problem, see $regressions"
    status=1
  fi
  rm -rf "$corpus"
done
exit $status
