#!/usr/bin/env bash
# Fuzzes the readers of user files with AFL++ and SharpFuzz (see README.md beside this file).
#   tests/fuzz/run.sh [--seconds N | --execs N] [--resume] [TARGET...]     (default: every target, 30 s each)
# Builds tests/fuzz/HiTech.Fuzz in Release into tests/fuzz/out/bin, instruments HiTech.Core.dll and YamlDotNet.dll
# there, then runs afl-fuzz on each target in turn, seeded from corpus/TARGET, findings in out/findings/TARGET.
# FUZZ_FINDINGS=DIR puts the findings elsewhere, FUZZ_BIN=DIR the instrumented build; FUZZ_SKIP_BUILD=1 reuses
# the build (for runs side by side).
# Exits 1 when any target saved a crash or a hang, naming each reproducing input; 2 on misuse or a missing tool.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/out
bin=${FUZZ_BIN:-$out/bin}
seconds=30
execs=
resume=
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; execs=; shift 2 ;;
    --execs) execs=$2; shift 2 ;;
    --resume) resume=1; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(registry framework expression maturity-answers enterprise)
command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz is missing (Debian: apt-get install afl++)" >&2; exit 2; }

if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  echo "fuzz: building and instrumenting"
  (cd "$root" && dotnet tool restore >/dev/null)
  rm -rf "$bin"
  log=$(mktemp)
  { dotnet publish "$here/HiTech.Fuzz/HiTech.Fuzz.csproj" -c Release -o "$bin" -v q --nologo &&
    for dll in HiTech.Core.dll YamlDotNet.dll; do (cd "$root" && dotnet sharpfuzz "$bin/$dll"); done; } >"$log" 2>&1 || {
    cat "$log" >&2
    echo "fuzz: the build or its instrumenting failed" >&2
    exit 2
  }
  rm -f "$log"
fi

# The fuzzed program is `dotnet`, not an AFL-compiled binary; the machine is shared, so no CPU pinning, and the
# kernel's core_pattern (often a pipe to a crash reporter) cannot be changed without root on the host.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_QUIET=1 DOTNET_TieredPGO=0 DOTNET_gcServer=0
found=0
for target in "${targets[@]}"; do
  [ -d "$here/corpus/$target" ] || { echo "fuzz: no corpus for target '$target'" >&2; exit 2; }
  findings=${FUZZ_FINDINGS:-$out/findings}/$target
  seeds=(-i "$here/corpus/$target")
  if [ -n "$resume" ] && [ -d "$findings/default" ]; then
    seeds=(-i -)
  else
    rm -rf "$findings"
  fi
  mkdir -p "$findings"
  limit=(-V "$seconds")
  [ -z "$execs" ] || limit=(-E "$execs")
  echo "fuzz: $target (${limit[*]}), log $findings.log"
  afl-fuzz "${seeds[@]}" -o "$findings" -t 5000 -m none "${limit[@]}" -- \
    dotnet "$bin/HiTech.Fuzz.dll" "$target" >"$findings.log" 2>&1 || {
    echo "fuzz: afl-fuzz failed on $target; the end of its log:" >&2
    tail -n 30 "$findings.log" >&2
    exit 2
  }
  stats=$findings/default/fuzzer_stats
  stat() { sed -n "s/^$1 *: //p" "$stats"; }
  echo "fuzz: $target: $(stat execs_done) executions in $(stat run_time) s, $(stat corpus_count) inputs in the queue, $(stat saved_crashes) crashes, $(stat saved_hangs) hangs"
  for kind in crashes hangs; do
    shown=0
    for input in "$findings/default/$kind"/id:*; do
      [ -e "$input" ] || continue
      found=1
      shown=$((shown + 1))
      [ $shown -le 5 ] || continue
      echo "fuzz: $target: $kind: $input"
    done
    [ $shown -eq 0 ] || echo "fuzz: $target: $shown $kind; replay one with: dotnet run --project tests/fuzz/HiTech.Fuzz -- $target FILE"
  done
done
exit $found
