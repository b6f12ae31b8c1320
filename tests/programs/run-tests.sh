#!/bin/sh
# run-tests.sh: runs every PE test program under vinho and compares its output and exit code
# with X.expected; then the shell-level checks of shell-tests.sh. Ends with "N passed, N failed".
VINHO=${VINHO:-../../vinho}
srcdir=${srcdir:-.}
pass=0
fail=0
case $VINHO in /*) ;; *) VINHO=$PWD/$VINHO ;; esac
srcdir=$(cd "$srcdir" && pwd)
mkdir -p out
export VINHO_PREFIX="${VINHO_PREFIX:-$PWD/out/prefix}"
export VINHO_TEST_VAR="set by the shell"    # read back by env.c

result() { # name, ok(0/1), detail
    if [ "$2" = 0 ]; then
        pass=$((pass + 1)); echo "PASS: $1"
    else
        fail=$((fail + 1)); echo "FAIL: $1"; [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/    /'
    fi
}

# The tests of ucrt.list once more, built against the UCRT (ucrt/X.exe, run from ucrt/out);
# X.ucrt.expected where the runtimes differ by design.
tests=$(for e in "$srcdir"/*.expected; do case $e in *.ucrt.expected) ;; *) echo "$e" ;; esac; done)
[ -f "$srcdir/ucrt.list" ] && tests="$tests $(sed 's/^/ucrt:/' "$srcdir/ucrt.list")"
mkdir -p ucrt/out
for expected in $tests; do
    dir=.
    case $expected in
    ucrt:*)
        name=${expected#ucrt:}; dir=ucrt; label="$name[ucrt]"; expected="$srcdir/$name.expected"
        [ -f "$srcdir/$name.ucrt.expected" ] && expected="$srcdir/$name.ucrt.expected" ;;
    *) name=$(basename "$expected" .expected); label=$name ;;
    esac
    # Tests that need clang (the MSVC ABI) are skipped, not failed, where clang is missing.
    [ -f "$dir/$name.exe.skip" ] && { echo "SKIP: $label ($(cat "$dir/$name.exe.skip"))"; continue; }
    [ -f "$dir/$name.exe" ] || { result "$label" 1 "$dir/$name.exe was not built"; continue; }
    input=/dev/null
    [ -f "$srcdir/$name.stdin" ] && input="$srcdir/$name.stdin"
    if [ -f "$srcdir/$name.args" ]; then
        # one argument per line, so arguments may hold spaces and quotes
        set --
        while IFS= read -r line; do set -- "$@" "$line"; done < "$srcdir/$name.args"
    else
        set --
    fi
    # X.stdin comes through a pipe, as from another program; stdout goes to a file.
    if [ "$input" = /dev/null ]; then
        (cd $dir/out && "$VINHO" "../$name.exe" "$@" < /dev/null > "$name.out" 2> "$name.err"; echo "exit=$?" >> "$name.out")
    else
        (cd $dir/out && cat "$input" | "$VINHO" "../$name.exe" "$@" > "$name.out" 2> "$name.err"; echo "exit=$?" >> "$name.out")
    fi
    if cmp -s "$dir/out/$name.out" "$expected"; then
        result "$label" 0
    else
        result "$label" 1 "$(diff "$expected" "$dir/out/$name.out" | head -20; head -5 "$dir/out/$name.err")"
    fi
done

if [ -f "$srcdir/shell-tests.sh" ]; then
    . "$srcdir/shell-tests.sh"
fi
# Issue 3's end-to-end test with 7-Zip (fetched with npm; skipped without it).
if [ -f "$srcdir/sevenzip-test.sh" ]; then
    . "$srcdir/sevenzip-test.sh"
fi

# A real Go program: esbuild (fetched from the npm registry; skipped without it).
if [ -f "$srcdir/esbuild-test.sh" ]; then
    . "$srcdir/esbuild-test.sh"
fi

# Issue 4's end-to-end test with an MSVC-built program (ast-grep, fetched with npm; skipped
# without the registry) and a program importing a system DLL vinho lacks.
if [ -f "$srcdir/msvcapps-test.sh" ]; then
    . "$srcdir/msvcapps-test.sh"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
