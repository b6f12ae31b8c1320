#!/bin/sh
# run.sh: the start-up benchmark: hello.exe under vinho against the same program built natively.
#
# Usage: bench/run.sh [-n RUNS] [BUILDDIR]
#   BUILDDIR  the build tree that holds ./vinho (default: the current folder)
#   -n RUNS   measured runs of each program (default 200), after a warm-up
# Environment: VINHO (default BUILDDIR/vinho), CC (gcc), MINGW_CC (x86_64-w64-mingw32-gcc).
#
# It builds bench/hello.c twice into BUILDDIR/bench/out, runs both in alternation with
# bench/timeit.c, prints medians, p90s, peak memory and the vinho/native ratio, and writes
# BUILDDIR/bench/results.json. If wine is installed it also compares with wine. The numbers never
# fail the run (see docs/performance.md for why); only a vinho that cannot run hello.exe does.
set -eu

runs=200
usage() {
    echo "Usage: $0 [-n RUNS] [BUILDDIR]"
}
while getopts n:h opt; do
    case $opt in
    n) runs=$OPTARG ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
case $runs in
''|*[!0-9]*|0) echo "run.sh: -n needs a positive number" >&2; exit 2 ;;
esac

builddir=$(cd "${1:-.}" && pwd)
srcdir=$(cd "$(dirname "$0")" && pwd)
VINHO=${VINHO:-$builddir/vinho}
CC=${CC:-gcc}
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
out=$builddir/bench/out
results=$builddir/bench/results.json
warmup=10
[ "$runs" -lt "$warmup" ] && warmup=$runs

mkdir -p "$out"
# -D__USE_MINGW_ANSI_STDIO=0: printf is msvcrt.dll's, as in a program built with MSVC, rather
# than mingw-w64's own copy linked into the program.
$CC -std=gnu11 -O2 -o "$out/timeit" "$srcdir/timeit.c"
$CC -O2 -o "$out/hello" "$srcdir/hello.c"
$MINGW_CC -O2 -D__USE_MINGW_ANSI_STDIO=0 -o "$out/hello.exe" "$srcdir/hello.c"

# Milliseconds from nanoseconds and megabytes from kilobytes (fixed decimals); ratios to three
# significant digits, so that a tiny one (vinho against a cold wine) does not print as 0.
ms() { awk -v v="$1" 'BEGIN { printf "%.2f", v / 1e6 }'; }
mb() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3g", a / b; else printf "0" }'; }

# Numbers on stdin, one a line -> "MEDIAN P90" (p90 by nearest rank).
median_p90() {
    sort -n | awk '{ v[NR] = $1 }
        END {
            if (!NR) { print "0 0"; exit }
            m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            i = int(0.9 * NR); if (i < 0.9 * NR) i++
            printf "%.0f %.0f\n", m, v[i]
        }'
}

# FILE INDEX COLUMN -> that column of that command's runs.
column() { awk -v c="$2" -v k="$3" '$1 == c { print $k }' "$1"; }

# FILE INDEX -> sets t_med t_p90 rss_med failed for that command.
stats() {
    # shellcheck disable=SC2046 # the words are numbers, split on purpose
    set -- $(column "$1" "$2" 3 | median_p90) $(column "$1" "$2" 4 | median_p90) \
        $(awk -v c="$2" '$1 == c && $5 != 0 { n++ } END { print n + 0 }' "$1")
    t_med=$1 t_p90=$2 rss_med=$3 failed=$5
}

# PROGRAM ARGS... -> 0 if it runs and says hello (a Windows program may end lines with \r\n).
says_hello() {
    got=$("$@" 2>&1 </dev/null | tr -d '\r') && [ "$got" = "hello, world" ]
}

echo "bench: $runs runs each after $warmup warm-up, in alternation; load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?), $(nproc 2>/dev/null || echo ?) CPUs"

vinho_ok=1
if [ ! -x "$VINHO" ]; then
    echo "vinho: $VINHO not found or not executable: build it first (make)"
    vinho_ok=0
elif ! says_hello "$VINHO" "$out/hello.exe"; then
    echo "vinho: hello.exe did not print \"hello, world\" and exit 0; what it printed:"
    printf '%s\n' "$got" | head -5 | sed 's/^/  | /'
    vinho_ok=0
fi

raw=$out/startup.txt
if [ $vinho_ok = 1 ]; then
    "$out/timeit" -n "$runs" -w "$warmup" "$VINHO" "$out/hello.exe" :: "$out/hello" >"$raw"
    stats "$raw" 0
    v_med=$t_med v_p90=$t_p90 v_rss=$rss_med v_failed=$failed
    stats "$raw" 1
else
    "$out/timeit" -n "$runs" -w "$warmup" "$out/hello" >"$raw"
    stats "$raw" 0
fi
n_med=$t_med n_p90=$t_p90 n_rss=$rss_med n_failed=$failed

printf '%-8s %-6s %-7s %10s %10s %10s\n' bench prog runner median p90 "peak RSS"
if [ $vinho_ok = 1 ]; then
    printf '%-8s %-6s %-7s %7s ms %7s ms %7s MB\n' startup hello vinho \
        "$(ms "$v_med")" "$(ms "$v_p90")" "$(mb "$v_rss")"
fi
printf '%-8s %-6s %-7s %7s ms %7s ms %7s MB\n' startup hello native \
    "$(ms "$n_med")" "$(ms "$n_p90")" "$(mb "$n_rss")"
if [ $vinho_ok = 1 ]; then
    r_time=$(ratio "$v_med" "$n_med") r_rss=$(ratio "$v_rss" "$n_rss")
    echo "startup  hello  vinho $(ms "$v_med") ms  native $(ms "$n_med") ms  ratio ${r_time}x" \
        " (memory ${r_rss}x)"
    [ "$v_failed" = 0 ] || echo "vinho: $v_failed of $runs measured runs exited non-zero"
fi
[ "$n_failed" = 0 ] || echo "native: $n_failed of $runs measured runs exited non-zero"

# wine, if installed: cold (the first run creates the prefix) and warm (persistent wineserver,
# one warm-up run, then alternated with vinho).
wine_json=null
if ! command -v wine >/dev/null 2>&1; then
    echo "wine: not installed"
else
    wineserver=$(command -v wineserver || true)
    for w in /usr/lib/wine/wineserver64 /usr/lib/wine/wineserver; do
        [ -z "$wineserver" ] && [ -x "$w" ] && wineserver=$w
    done
    prefix=$(mktemp -d "${TMPDIR:-/tmp}/vinho-bench-wine.XXXXXX")
    # No windows and no offers to download Mono or Gecko while the prefix is made.
    export WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    unset DISPLAY WAYLAND_DISPLAY
    # Clean up on any exit; a signal (^C, a closed pipe) becomes an exit so that this runs too.
    trap '[ -n "$wineserver" ] && "$wineserver" -k 2>/dev/null; rm -rf "$prefix"' EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 141' PIPE
    trap 'exit 143' TERM
    # wine's own messages (prefix creation, fixmes) go to a log, not to the table.
    "$out/timeit" -n 1 -w 0 wine "$out/hello.exe" >"$out/wine-cold.txt" 2>"$out/wine.log"
    stats "$out/wine-cold.txt" 0
    w_cold=$t_med w_cold_rss=$rss_med
    echo "wine: cold (first run, creates the prefix) $(ms "$w_cold") ms, $(mb "$w_cold_rss") MB;" \
        "wine's messages in $out/wine.log"
    if [ -z "$wineserver" ]; then
        echo "wine: wineserver not found: no warm runs"
        wine_json="{ \"cold_ms\": $(ms "$w_cold"), \"cold_maxrss_kb\": $w_cold_rss }"
    else
        wruns=$((runs / 10))
        [ $wruns -lt 5 ] && wruns=5
        "$wineserver" -k 2>/dev/null || true
        "$wineserver" -p || echo "wine: wineserver -p failed; each warm run starts its own server"
        if [ $vinho_ok = 1 ]; then
            "$out/timeit" -n $wruns -w 1 wine "$out/hello.exe" :: "$VINHO" "$out/hello.exe" \
                >"$out/wine-warm.txt" 2>>"$out/wine.log"
            stats "$out/wine-warm.txt" 1
            vw_med=$t_med
        else
            "$out/timeit" -n $wruns -w 1 wine "$out/hello.exe" \
                >"$out/wine-warm.txt" 2>>"$out/wine.log"
        fi
        stats "$out/wine-warm.txt" 0
        w_med=$t_med w_p90=$t_p90 w_rss=$rss_med
        printf '%-8s %-6s %-7s %7s ms %7s ms %7s MB   (%d warm runs; RSS of the wine process)\n' \
            startup hello wine "$(ms "$w_med")" "$(ms "$w_p90")" "$(mb "$w_rss")" $wruns
        wine_json="{ \"cold_ms\": $(ms "$w_cold"), \"cold_maxrss_kb\": $w_cold_rss,"
        wine_json="$wine_json \"runs\": $wruns, \"median_ms\": $(ms "$w_med"),"
        wine_json="$wine_json \"p90_ms\": $(ms "$w_p90"), \"maxrss_kb\": $w_rss"
        if [ $vinho_ok = 1 ]; then
            echo "startup  hello  vinho $(ms "$vw_med") ms  wine $(ms "$w_med") ms" \
                " ratio $(ratio "$vw_med" "$w_med")x (warm)   vinho/wine-cold" \
                "$(ratio "$v_med" "$w_cold")x"
            wine_json="$wine_json, \"vinho_median_ms\": $(ms "$vw_med"),"
            wine_json="$wine_json \"ratio_warm\": $(ratio "$vw_med" "$w_med"),"
            wine_json="$wine_json \"ratio_cold\": $(ratio "$v_med" "$w_cold")"
        fi
        wine_json="$wine_json }"
    fi
fi

# results.json: one object; times in ms, memory in kB, ratios vinho/other of the medians.
if [ $vinho_ok = 1 ]; then
    vinho_json="{ \"median_ms\": $(ms "$v_med"), \"p90_ms\": $(ms "$v_p90"),"
    vinho_json="$vinho_json \"maxrss_kb\": $v_rss, \"failed\": $v_failed }"
    ratio_json="$r_time"
    rss_ratio_json="$r_rss"
else
    vinho_json=null ratio_json=null rss_ratio_json=null
fi
cat >"$results" <<EOF
{
  "bench": "startup",
  "program": "hello",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "host": { "kernel": "$(uname -r)", "cpus": $(nproc 2>/dev/null || echo 0), "loadavg": "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" },
  "runs": $runs,
  "warmup": $warmup,
  "vinho": $vinho_json,
  "native": { "median_ms": $(ms "$n_med"), "p90_ms": $(ms "$n_p90"), "maxrss_kb": $n_rss, "failed": $n_failed },
  "ratio": $ratio_json,
  "rss_ratio": $rss_ratio_json,
  "wine": $wine_json
}
EOF
echo "results: $results"
# Not a judgement on the numbers: a vinho that cannot run hello.exe at all is a broken build.
[ $vinho_ok = 1 ]
