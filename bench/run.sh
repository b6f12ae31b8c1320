#!/bin/sh
# run.sh: make bench: every benchmark under vinho, natively and under Wine, with ratios.
#
# Usage: bench/run.sh [BUILDDIR]       (BUILDDIR holds ./vinho; default: the current folder)
# Environment (all optional):
#   BENCH_RUNS=5           measured rounds of each benchmark, after one warm-up round
#   BENCH_STARTUP_RUNS=100 measured rounds of the two start-up benchmarks (they are short)
#   BENCH_QUICK=1          quick run: 100 MB instead of 1 GB of file and pipe data, 3 rounds
#   BENCH_SEQ_MB, BENCH_PIPE_MB, BENCH_FILES   sizes (default 1024, 1024, 10000)
#   BENCH_ONLY="crt threads"  only these groups: startup files seqio pipe spawn crt threads
#                          exceptions compute
#   BENCH_WINE=0           do not measure Wine even if it is installed
#   BENCH_TIMEOUT=120      seconds after which one run is killed (and reported as a timeout)
#   BENCH_BUDGET=20        seconds one runner may spend on one benchmark: a runner that has
#                          used them stops after its current run (its median is of fewer runs)
#   BENCH_WORKDIR          where the file benchmarks write, in a folder bench-work that run.sh
#                          makes and empties (default BUILDDIR/bench)
#   VINHO, CC, CXX, MINGW_CC, MINGW_CXX   the programs used
#
# Each benchmark is one source in bench/ built twice, for Linux (gcc -O2) and for Windows
# (mingw-w64 -O2, msvcrt). bench/timeit runs native, vinho and wine in alternation (A B C A B C
# ...), and run.sh takes the medians and prints vinho/native and vinho/wine. A benchmark whose
# Windows API vinho lacks is listed as "not yet" with the missing function. The numbers never
# fail the run: only a vinho that cannot run hello.exe at all does (exit 1).
# Writes BUILDDIR/bench/results.json and, when gnuplot is installed, BUILDDIR/bench/ratios.png.
set -eu

builddir=$(cd "${1:-.}" && pwd)
srcdir=$(cd "$(dirname "$0")" && pwd)
VINHO=${VINHO:-$builddir/vinho}
CC=${CC:-gcc}
CXX=${CXX:-g++}
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
MINGW_CXX=${MINGW_CXX:-x86_64-w64-mingw32-g++}
quick=${BENCH_QUICK:-0}
[ "$quick" = 0 ] && big=1024 || big=100
[ "$quick" = 0 ] && runs=${BENCH_RUNS:-5} || runs=${BENCH_RUNS:-3}
sruns=${BENCH_STARTUP_RUNS:-100}
seq_mb=${BENCH_SEQ_MB:-$big}
pipe_mb=${BENCH_PIPE_MB:-$big}
nfiles=${BENCH_FILES:-10000}
only=${BENCH_ONLY:-}
timeout=${BENCH_TIMEOUT:-120}
budget=${BENCH_BUDGET:-20}
out=$builddir/bench/out
work=${BENCH_WORKDIR:-$builddir/bench}/bench-work   # emptied after each benchmark: always our own folder
table=$out/table.tsv
results=$builddir/bench/results.json
chart=$builddir/bench/ratios.png
for n in "$runs" "$sruns" "$seq_mb" "$pipe_mb" "$nfiles" "$timeout" "$budget"; do
    case $n in
    ''|*[!0-9]*|0) echo "run.sh: BENCH_* sizes and counts must be positive numbers" >&2; exit 2 ;;
    esac
done

mkdir -p "$out" "$work"
: >"$table"
start_time=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)

# ---- building ----

# -D__USE_MINGW_ANSI_STDIO=0: printf is msvcrt.dll's, as in a program built with MSVC, rather
# than mingw-w64's own copy linked into the program.
pe_flags="-O2 -D__USE_MINGW_ANSI_STDIO=0"
echo "bench: building the benchmarks into $out"
$CC -std=gnu11 -O2 -o "$out/timeit" "$srcdir/timeit.c"
$CC -O2 -o "$out/hello" "$srcdir/hello.c"
$MINGW_CC $pe_flags -o "$out/hello.exe" "$srcdir/hello.c"
for b in files pipe spawn crt threads compute; do
    $CC -std=gnu11 -O2 -pthread -o "$out/bench_$b" "$srcdir/bench_$b.c"
    $MINGW_CC $pe_flags -o "$out/bench_$b.exe" "$srcdir/bench_$b.c"
done
$CXX -O2 -o "$out/bench_exc" "$srcdir/bench_exc.cpp"
# libgcc and libstdc++ linked in, so that the program needs no DLL of mingw's beside it.
$MINGW_CXX $pe_flags -static-libgcc -static-libstdc++ -o "$out/bench_exc.exe" \
    "$srcdir/bench_exc.cpp"
. "$srcdir/dlls.sh"
make_dlls_programs

# ---- the runners ----

# One line "cmd" per runner; the program's path and arguments are appended.
runners="native vinho"
vinho_ok=1
if [ ! -x "$VINHO" ]; then
    echo "vinho: $VINHO not found or not executable: build it first (make)"
    vinho_ok=0
elif ! got=$("$VINHO" "$out/hello.exe" 2>&1 </dev/null | tr -d '\r') \
        || [ "$got" != "hello, world" ]; then
    echo "vinho: hello.exe did not print \"hello, world\" and exit 0; what it printed:"
    printf '%s\n' "$got" | head -5 | sed 's/^/  | /'
    vinho_ok=0
fi
[ $vinho_ok = 1 ] || runners="native"
. "$srcdir/measure.sh"
. "$srcdir/wine.sh"
wine_setup
[ -n "$wine_status" ] && echo "wine: $wine_status"

echo "bench: $runs rounds per benchmark ($sruns for start-up) after 1 warm-up, in alternation" \
    "($runners); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)," \
    "$(nproc 2>/dev/null || echo ?) CPUs"

# ---- measuring ----

wanted() { [ -z "$only" ] || case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if wanted startup; then
    measure_startup
fi
if wanted files; then
    measure files "$runs" "files.create files.read files.stat files.list files.delete" \
        bench_files small files.d "$nfiles"
fi
if wanted seqio; then
    measure seqio "$runs" "seqio.write seqio.read" bench_files seq seqio.d "$seq_mb"
fi
if wanted pipe; then
    measure pipe "$runs" "pipe" bench_pipe "$pipe_mb"
fi
if wanted spawn; then
    measure spawn "$runs" "spawn" bench_spawn 200
fi
if wanted crt; then
    for what in sprintf printf qsort malloc string; do
        measure "crt-$what" "$runs" "crt.$what" bench_crt "$what"
    done
fi
if wanted threads; then
    for what in create lock contended pingpong; do
        measure "threads-$what" "$runs" "threads.$what" bench_threads "$what"
    done
fi
if wanted exceptions; then
    measure exceptions "$runs" "exceptions.throw" bench_exc
fi
if wanted compute; then
    measure compute "$runs" "compute.crc32" bench_compute
fi
wine_finish

# ---- reporting ----

. "$srcdir/report.sh"
print_table
write_json
draw_chart
echo "bench: done in $(($(date +%s) - start_time)) s"
# Not a judgement on the numbers: a vinho that cannot run hello.exe at all is a broken build.
[ $vinho_ok = 1 ]
