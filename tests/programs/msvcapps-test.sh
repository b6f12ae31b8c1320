# msvcapps-test.sh: issue 4's yardstick for real Visual C++-built programs: ast-grep (a Rust
# program linked against vcruntime140 and the api-ms-win-crt-* DLLs, from the npm package
# @ast-grep/cli-win32-x64-msvc) prints its version and finds and rewrites code; and a program
# that imports a Windows DLL vinho lacks starts, and fails loudly only when it calls into it.
#
# Sourced by run-tests.sh (VINHO, srcdir, result()), or run alone from a build's tests/programs:
#   VINHO=../../vinho srcdir=/path/to/tests/programs sh msvcapps-test.sh
# ast-grep.exe is fetched by npm_fetch (npm-fetch.sh) into msvc-cache/ here (never committed)
# and reused; without the registry those steps are skipped, saying so. The expected texts and exit codes are those of ast-grep's
# Linux build (@ast-grep/cli-linux-x64-gnu 0.51.1) on the same files; Debian's Wine 8.0 cannot
# start this ast-grep.exe (its bcryptprimitives.dll has no ProcessPrng).

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

# ms_run NAME ARGS...: runs ast-grep in the work folder; sets rc, NAME.out and NAME.err.
ms_run() {
    ms_name=$1
    shift
    (cd "$ms_work" && timeout 120 "$VINHO" "$ms_exe" "$@" > "$ms_name.out" 2> "$ms_name.err")
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
fi

if [ -n "$ms_alone" ]; then
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
fi
