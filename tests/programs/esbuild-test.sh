# esbuild-test.sh: a real Go program under vinho: esbuild 0.28.2 (x64, from the npm package
# @esbuild/win32-x64) prints its version, bundles and minifies TypeScript into a file, transforms
# TypeScript from standard input, and reports a syntax error on stderr with exit code 1.
#
# Sourced by run-tests.sh (VINHO, srcdir, result()), or run alone from a build's tests/programs:
#   VINHO=../../vinho srcdir=/path/to/tests/programs sh esbuild-test.sh
# esbuild.exe is fetched by npm_fetch (npm-fetch.sh) into esbuild-cache/ here (never committed)
# and reused; without the registry the test is skipped, saying so. The expected texts and exit
# codes are those of esbuild's Linux build (@esbuild/linux-x64 0.28.2) on the same input; Debian's
# Wine 8.0 cannot start this esbuild.exe (its bcryptprimitives.dll lacks what Go 1.24+ needs).

if ! command -v result > /dev/null 2>&1; then
    pass=0 fail=0
    result() {
        if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "PASS: $1"
        else fail=$((fail + 1)); echo "FAIL: $1"; [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/    /'; fi
    }
    eb_alone=1
fi
VINHO=${VINHO:-../../vinho}
case $VINHO in /*) ;; *) VINHO=$PWD/$VINHO ;; esac
. "${srcdir:-$(dirname "$0")}/npm-fetch.sh"

eb_version=0.28.2
eb_cache=$PWD/esbuild-cache
eb_exe=$eb_cache/package/esbuild.exe
eb_work=$PWD/out/esbuild

# eb_run NAME ARGS...: runs esbuild in the work folder with stdin from NAME.in when it exists;
# sets rc, NAME.out and NAME.err.
eb_run() {
    eb_name=$1
    shift
    eb_in=/dev/null
    [ -f "$eb_work/$eb_name.in" ] && eb_in=$eb_work/$eb_name.in
    (cd "$eb_work" && timeout 120 "$VINHO" "$eb_exe" "$@" < "$eb_in" > "$eb_name.out" 2> "$eb_name.err")
    rc=$?
}

eb_detail() {
    echo "exit $rc"; head -c 400 "$eb_work/$1.out"; head -c 400 "$eb_work/$1.err"
}

if npm_fetch "esbuild end-to-end" @esbuild/win32-x64 $eb_version "$eb_cache" esbuild.exe; then
    rm -rf "$eb_work"
    mkdir -p "$eb_work/src"

    eb_run version --version
    [ $rc = 0 ] && [ "$(cat "$eb_work/version.out")" = $eb_version ]
    result "esbuild --version" $? "$(eb_detail version)"

    # Two modules: the import is resolved, the unused export is dropped, the output is minified.
    printf 'import { double } from "./lib";\nconst n: number = 21;\nconsole.log(double(n));\n' \
        > "$eb_work/src/main.ts"
    printf 'export function double(a: number): number {\n  return a * 2;\n}\nexport function unused(): string {\n  return "dropped";\n}\n' \
        > "$eb_work/src/lib.ts"
    printf '(()=>{function n(o){return o*2}var r=21;console.log(n(r));})();\n' > "$eb_work/bundle.want"
    eb_run bundle src/main.ts --bundle --minify --outfile=out.js
    [ $rc = 0 ] && cmp -s "$eb_work/out.js" "$eb_work/bundle.want"
    result "esbuild --bundle --minify --outfile" $? "$(eb_detail bundle; cat "$eb_work/out.js" 2>/dev/null)"

    printf 'let x: number = 1; console.log(x)\n' > "$eb_work/transform.in"
    printf 'let x = 1;\nconsole.log(x);\n' > "$eb_work/transform.want"
    eb_run transform --loader=ts
    [ $rc = 0 ] && cmp -s "$eb_work/transform.out" "$eb_work/transform.want"
    result "esbuild transform from stdin" $? "$(eb_detail transform)"

    printf 'let x = ;\n' > "$eb_work/syntax.in"
    eb_run syntax --loader=ts
    [ $rc = 1 ] && [ ! -s "$eb_work/syntax.out" ] && grep -qF 'Unexpected ";"' "$eb_work/syntax.err" &&
        grep -qF '<stdin>:1:8:' "$eb_work/syntax.err"
    result "esbuild syntax error: exit 1, message on stderr" $? "$(eb_detail syntax)"
fi

if [ -n "$eb_alone" ]; then
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
fi
