#!/bin/bash
# threads.sh: bench/threads.c under vinho (Win32 threads, critical sections, events) against the
# same program on Linux (pthreads, mutexes, semaphores); prints ns per operation and the ratios.
# Usage: bench/threads.sh [BUILDDIR]   (numbers are for reading: this never fails on them)
set -eu -o pipefail
builddir=$(cd "${1:-.}" && pwd)
srcdir=$(cd "$(dirname "$0")" && pwd)
VINHO=${VINHO:-$builddir/vinho}
out=$builddir/bench/out
mkdir -p "$out"
${CC:-gcc} -O2 -pthread -o "$out/threads" "$srcdir/threads.c"
${MINGW_CC:-x86_64-w64-mingw32-gcc} -O2 -o "$out/threads.exe" "$srcdir/threads.c"
"$out/threads" > "$out/threads.native"
VINHO_PREFIX=${VINHO_PREFIX:-$out/prefix} "$VINHO" "$out/threads.exe" | tr -d '\r' > "$out/threads.vinho"
printf '%-22s %12s %12s %8s\n' test native_ns vinho_ns ratio
join <(sort "$out/threads.native") <(sort "$out/threads.vinho") |
    awk '{ printf "%-22s %12.1f %12.1f %8.2f\n", $1, $2, $3, ($2 > 0 ? $3 / $2 : 0) }'
