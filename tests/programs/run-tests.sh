#!/bin/sh
# run-tests.sh: runs every PE test program under vinho and compares its output and exit code
# with X.expected; then the shell-level checks of shell-tests.sh. Ends with "N passed, N failed".
VINHO=${VINHO:-../../vinho}
srcdir=${srcdir:-.}
pass=0
fail=0
mkdir -p out
export VINHO_PREFIX="${VINHO_PREFIX:-$PWD/out/prefix}"

result() { # name, ok(0/1), detail
    if [ "$2" = 0 ]; then
        pass=$((pass + 1)); echo "PASS: $1"
    else
        fail=$((fail + 1)); echo "FAIL: $1"; [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/    /'
    fi
}

for expected in "$srcdir"/*.expected; do
    name=$(basename "$expected" .expected)
    [ -f "$name.exe" ] || { result "$name" 1 "$name.exe was not built"; continue; }
    args=""
    input=/dev/null
    [ -f "$srcdir/$name.stdin" ] && input="$srcdir/$name.stdin"
    if [ -f "$srcdir/$name.args" ]; then
        # one argument per line, so arguments may hold spaces and quotes
        set --
        while IFS= read -r line; do set -- "$@" "$line"; done < "$srcdir/$name.args"
    else
        set --
    fi
    (cd out && "../$VINHO" "../$name.exe" "$@" < "$input" > "$name.out" 2> "$name.err"; echo "exit=$?" >> "$name.out")
    if cmp -s "out/$name.out" "$expected"; then
        result "$name" 0
    else
        result "$name" 1 "$(diff "$expected" "out/$name.out" | head -20; head -5 "out/$name.err")"
    fi
done

if [ -f "$srcdir/shell-tests.sh" ]; then
    . "$srcdir/shell-tests.sh"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
