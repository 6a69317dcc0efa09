# Helpers the benchmarks share (sourced by bench/web.sh, bench/needs.sh, bench/indicators.sh and bench/whatif.sh).

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Parses hey's report into "p50 p95 p99 rps count non2xx errors" (milliseconds).
hey_summary() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def pct(p):
    m = re.search(r"\s%d%%+ in ([\d.]+) secs" % p, text)
    return float(m.group(1)) * 1000 if m else float("nan")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
codes = {int(c): int(n) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text)}
errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", text.split("Error distribution:")[1], re.M)) if "Error distribution:" in text else 0
total = sum(codes.values())
non2xx = sum(n for c, n in codes.items() if not 200 <= c < 300)
print(f"{pct(50):.1f} {pct(95):.1f} {pct(99):.1f} {rps:.0f} {total} {non2xx} {errors}")
PY
}

# The machine, for the results: CPU, cores, memory, kernel, .NET.
machine_line() {
  echo "$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), .NET $(dotnet --version)"
}

# Publishes the CLI (ReadyToRun) to $1/hitech.
publish_cli() {
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/HiTech.Cli -o "$1/hitech" -v q -nologo >/dev/null
}

# A generated registry of $2 rows in $1 (made once with the published CLI, seed 2025), read once so it sits in the
# page cache; prints its path.
registry_of() {
  local file="$1/registry-$2.csv"
  if [ ! -f "$file" ]; then
    echo "generating $2 rows..." >&2
    "$1/hitech/hitech" generate --rows "$2" --seed 2025 --out "$file" >/dev/null
  fi
  cat "$file" >/dev/null
  echo "$file"
}
