#!/bin/sh
# run.sh: runs every conformance case under vinho (or another runner) from the build folder,
# compares its transcript with <area>/<case>.out, prints a diff for each failure, a per-area table
# and "N passed, N failed"; writes results.json and, with --html, report.html.
# Usage: run.sh [--html] [--runner CMD] [PATTERN...]   (PATTERN: shell glob on area/case)
# Environment: VINHO (default ../vinho), srcdir (the conformance source folder).
VINHO=${VINHO:-../vinho}
srcdir=${srcdir:-.}
html=0
runner=
while [ $# -gt 0 ]; do
    case $1 in
        --html) html=1; shift ;;
        --runner) runner=$2; shift 2 ;;
        --) shift; break ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
case $VINHO in /*) ;; *) VINHO=$PWD/$VINHO ;; esac
[ -n "$runner" ] || runner=$VINHO
srcdir=$(cd "$srcdir" && pwd)
build=$PWD
tsv=$build/out/results.tsv
# One line per case: area, case, its runtimes, "marked" when a runtimes: marker chose them.
rtsv=$build/out/runtimes.tsv
mkdir -p out
: > "$tsv"
: > "$rtsv"
# Cases that write under C: get a prefix of their own, not the user's.
export VINHO_PREFIX="${VINHO_PREFIX:-$build/out/prefix}"
timeout_s=${CONFORMANCE_TIMEOUT:-30}

# record AREA CASE RUNTIME STATUS REASON: one result, in a tab-separated file.
record() {
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$tsv"
}

# ucrt_missing EXE: prints the UCRT DLLs vinho lacks for EXE, if any (only when running vinho).
ucrt_missing() {
    [ "$runner" = "$VINHO" ] || return 0
    "$VINHO" --check "$1" 2>/dev/null | sed -n 's/^ *\([^ ]*\) \[DLL not found\].*/\1/p' |
        grep -i -E '^(api-ms-win-crt-|ucrtbase)' | tr '\n' ' '
}

# normalise_expected IN OUT: Windows reports a 32-bit exit code, Linux only its low 8 bits;
# the expected "exit=N" line is compared modulo 256.
normalise_expected() {
    awk '{ if (match($0, /^exit=-?[0-9]+\r?$/)) { n = substr($0, 6) + 0; sub(/\r$/, "", n);
               n = n % 256; if (n < 0) n += 256; cr = ($0 ~ /\r$/) ? "\r" : "";
               printf "exit=%d%s\n", n, cr } else print }' "$1" > "$2"
}

# run_case AREA CASE RUNTIME EXE
run_case() {
    area=$1 name=$2 rt=$3 exe=$4
    base=$srcdir/$area/$name
    tag=$area/$name
    [ "$rt" = msvcrt ] || tag="$tag[$rt]"
    work=$build/out/$area/$name.$rt
    rm -rf "$work"
    mkdir -p "$work/cwd"
    diffs=$work/diff
    expected=$base.out
    [ "$rt" != msvcrt ] && [ -f "$base.$rt.out" ] && expected=$base.$rt.out
    todo=
    [ -f "$base.todo" ] && todo=$base.todo
    [ "$rt" != msvcrt ] && [ -f "$base.$rt.todo" ] && todo=$base.$rt.todo
    if [ ! -f "$exe" ]; then
        record "$area" "$name" "$rt" failed "not built (see the compiler's errors above)"
        echo "FAIL: $tag: not built"
        return
    fi
    if [ "$rt" = ucrt ]; then
        missing=$(ucrt_missing "$exe")
        if [ -n "$missing" ]; then
            set -- $missing
            more=
            [ $# -gt 1 ] && more=" and $(($# - 1)) more"
            record "$area" "$name" "$rt" skipped "vinho lacks the UCRT ($1$more)"
            return
        fi
    fi
    if [ ! -f "$expected" ]; then
        record "$area" "$name" "$rt" failed "no expected transcript $(basename "$expected")"
        echo "FAIL: $tag: no expected transcript $(basename "$expected")"
        return
    fi
    set --
    if [ -f "$base.args" ]; then
        # one argument per line, so arguments may hold spaces and quotes
        while IFS= read -r line; do set -- "$@" "$line"; done < "$base.args"
    fi
    input=/dev/null
    [ -f "$base.stdin" ] && input=$base.stdin
    (cd "$work/cwd" && timeout -k 5 "$timeout_s" $runner "$exe" "$@" < "$input" \
        > "$work/stdout" 2> "$work/stderr"; printf 'exit=%d\r\n' $? >> "$work/stdout")
    normalise_expected "$expected" "$work/expected"
    if cmp -s "$work/expected" "$work/stdout"; then
        if [ -n "$todo" ]; then
            record "$area" "$name" "$rt" failed "todo case now passes: remove the marker $(basename "$todo")"
            echo "FAIL: $tag: todo case now passes: remove the marker $(basename "$todo")"
        else
            record "$area" "$name" "$rt" passed ""
        fi
        return
    fi
    { diff -u "$work/expected" "$work/stdout" | sed '1,2d' | head -60
      if diff -q --strip-trailing-cr "$work/expected" "$work/stdout" >/dev/null; then
          echo "(the transcripts differ only in line endings)"
      fi
      if [ -s "$work/stderr" ]; then echo "stderr:"; head -10 "$work/stderr" | sed 's/^/  /'; fi
    } > "$diffs"
    if grep -q '^exit=124' "$work/stdout" && ! grep -q '^exit=124' "$work/expected"; then
        echo "(timed out after ${timeout_s}s)" >> "$diffs"
    fi
    if [ -n "$todo" ] && [ -z "$(head -1 "$todo" | tr -d ' \t\r')" ]; then
        # A todo marker must say why we differ: without a reason the case counts as failed.
        record "$area" "$name" "$rt" failed "todo marker $(basename "$todo") gives no reason"
        echo "FAIL: $tag: todo marker $(basename "$todo") gives no reason"
        sed 's/^/    /' "$diffs"
    elif [ -n "$todo" ]; then
        record "$area" "$name" "$rt" todo "$(head -1 "$todo")"
    else
        record "$area" "$name" "$rt" failed "transcript differs"
        echo "FAIL: $tag"
        sed 's/^/    /' "$diffs"
    fi
}

matches() { # matches AREA/CASE PATTERN...
    c=$1; shift
    [ $# = 0 ] && return 0
    for p in "$@"; do case $c in $p) return 0 ;; esac; done
    return 1
}

for src in "$srcdir"/*/*.c "$srcdir"/*/*.cpp; do
    [ -f "$src" ] || continue
    case $src in *.dll.c) continue ;; esac
    area=$(basename "$(dirname "$src")")
    file=$(basename "$src")
    name=${file%.*}
    matches "$area/$name" "$@" || continue
    rts=$(sed -nE 's@^ *(/?\*)? *runtimes: *([a-z0-9 ]*).*@\2@p' "$src" | head -1)
    marked=marked
    [ -n "$rts" ] || { rts=msvcrt; marked=; }
    printf '%s\t%s\t%s\t%s\n' "$area" "$name" "$rts" "$marked" >> "$rtsv"
    for rt in $rts; do
        case $rt in
            msvcrt) run_case "$area" "$name" msvcrt "$build/$area/$name.exe" ;;
            ucrt) run_case "$area" "$name" ucrt "$build/ucrt/$area/$name.exe" ;;
            *) record "$area" "$name" "$rt" failed "unknown runtime $rt in the runtimes: marker" ;;
        esac
    done
done

# Expected transcripts and todo markers that belong to no case (left behind by a rename or a
# removal) fail too, so that a marker cannot hide anything.
for f in "$srcdir"/*/*.out "$srcdir"/*/*.todo; do
    [ -f "$f" ] || continue
    area=$(basename "$(dirname "$f")")
    base=$(basename "$f")
    name=${base%.*}
    name=${name%.ucrt}
    matches "$area/$name" "$@" || continue
    [ -f "$srcdir/$area/$name.c" ] || [ -f "$srcdir/$area/$name.cpp" ] && continue
    record "$area" "$name" msvcrt failed "$base belongs to no case ($name.c is missing)"
    echo "FAIL: $area/$name: $base belongs to no case ($name.c is missing)"
done

# Skipped and todo cases, one line each, after the failures.
awk -F'\t' '$4 == "todo" { printf "TODO: %s/%s%s: %s\n", $1, $2, ($3 == "msvcrt" ? "" : "[" $3 "]"), $5 }
            $4 == "skipped" { printf "SKIP: %s/%s%s: %s\n", $1, $2, ($3 == "msvcrt" ? "" : "[" $3 "]"), $5 }' "$tsv"

# The per-area table and the totals.
echo
awk -F'\t' '
    { a[$1] = 1; n[$1]++; c[$1, $4]++; t[$4]++; total++ }
    END {
        printf "%-12s %6s %7s %7s %6s %8s\n", "area", "cases", "passed", "failed", "todo", "skipped"
        k = 0; for (x in a) names[++k] = x
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (names[j] < names[i]) { s = names[i]; names[i] = names[j]; names[j] = s }
        for (i = 1; i <= k; i++) { x = names[i]
            printf "%-12s %6d %7d %7d %6d %8d\n", x, n[x], c[x, "passed"], c[x, "failed"], c[x, "todo"], c[x, "skipped"] }
        printf "%-12s %6d %7d %7d %6d %8d\n", "total", total, t["passed"], t["failed"], t["todo"], t["skipped"]
    }' "$tsv"

# runtime_counts: "cases both msvcrt-only unmarked-msvcrt-only ucrt-only" from runtimes.tsv. A
# case with no runtimes: marker is msvcrt only by default, i.e. not yet tried under the UCRT;
# "runtimes: msvcrt" says it is msvcrt only by design.
runtime_counts() {
    awk -F'\t' '{ n++; m = ($3 ~ /msvcrt/); u = ($3 ~ /ucrt/)
                  if (m && u) both++; else if (u) uo++; else if ($4 == "marked") mo++; else { mo++; un++ } }
        END { printf "%d %d %d %d %d\n", n, both, mo, un, uo }' "$rtsv"
}

# How many cases run under both runtimes; the cases not yet tried under the UCRT by name.
set -- $(runtime_counts)
unmarked=$(awk -F'\t' '$4 != "marked" { printf " %s/%s", $1, $2 }' "$rtsv")
runtimes_line="runtimes: $2 of $1 cases under both; msvcrt only: $3 ($4 without a runtimes: marker${unmarked:+:$unmarked}); UCRT only: $5"
echo "$runtimes_line"

# results.json: every result, the totals and the runtimes count.
json_escape() { sed 's/\\/\\\\/g; s/"/\\"/g'; }
{
    echo '{'
    echo '  "results": ['
    json_escape < "$tsv" | awk -F'\t' -v ORS='' 'NR > 1 { print ",\n" }
        { printf "    {\"area\": \"%s\", \"case\": \"%s\", \"runtime\": \"%s\", \"status\": \"%s\", \"reason\": \"%s\"}", $1, $2, $3, $4, $5 }
        END { print "\n" }'
    echo '  ],'
    awk -F'\t' '{ t[$4]++ } END { printf "  \"totals\": {\"passed\": %d, \"failed\": %d, \"todo\": %d, \"skipped\": %d},\n", t["passed"], t["failed"], t["todo"], t["skipped"] }' "$tsv"
    runtime_counts | awk '{ printf "  \"runtimes\": {\"cases\": %d, \"both\": %d, \"msvcrt_only\": %d, \"msvcrt_only_unmarked\": %d, \"ucrt_only\": %d}\n", $1, $2, $3, $4, $5 }'
    echo '}'
} > "$build/results.json"

if [ "$html" = 1 ]; then
    . "$srcdir/html.sh"
    write_html "$tsv" "$build/report.html"
    echo "HTML report: $build/report.html"
fi

pass=$(awk -F'\t' '$4 == "passed"' "$tsv" | wc -l)
fail=$(awk -F'\t' '$4 == "failed"' "$tsv" | wc -l)
todo=$(awk -F'\t' '$4 == "todo"' "$tsv" | wc -l)
skip=$(awk -F'\t' '$4 == "skipped"' "$tsv" | wc -l)
echo "conformance: $todo todo, $skip skipped (not counted below)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
