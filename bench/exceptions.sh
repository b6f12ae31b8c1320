#!/bin/sh
# exceptions.sh: exception round trips: a C++ throw caught two frames up (g++ under vinho against
# the same program built natively, and under wine when installed) and a RaiseException that a
# vectored handler continues. Prints nanoseconds per round trip and the vinho/native ratio.
# Usage: bench/exceptions.sh [BUILDDIR] [ROUNDS]; timings are for reading, never a failure.
set -eu
builddir=$(cd "${1:-.}" && pwd)
rounds=${2:-20000}
srcdir=$(cd "$(dirname "$0")" && pwd)
VINHO=${VINHO:-$builddir/vinho}
out=$builddir/bench/out
mkdir -p "$out"
${CXX:-g++} -O2 -o "$out/throw" "$srcdir/throw.cpp"
${MINGW_CXX:-x86_64-w64-mingw32-g++} -O2 -static-libgcc -static-libstdc++ -o "$out/throw.exe" "$srcdir/throw.cpp"
native=$("$out/throw" "$rounds" | awk '/cxx_throw_ns/ { print $2 }')
"$VINHO" "$out/throw.exe" "$rounds" > "$out/throw.vinho"
echo "native: cxx_throw_ns $native"
sed 's/^/vinho:  /' "$out/throw.vinho"
awk -v n="$native" '/cxx_throw_ns/ { printf "vinho/native C++ throw: %.2f\n", $2 / n }' "$out/throw.vinho"
if command -v wine >/dev/null 2>&1; then
    WINEDEBUG=-all wine "$out/throw.exe" "$rounds" 2>/dev/null | sed 's/^/wine:   /' || true
fi
