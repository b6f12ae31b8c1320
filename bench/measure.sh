# measure.sh: runs one benchmark on every runner with bench/timeit and adds its rows to the table.
# Sourced by run.sh, which sets: out work VINHO runners vinho_ok wine_cmd timeout table sruns.
#
# A table row (tab-separated, in $table):
#   NAME UNIT NATIVE VINHO WINE NATIVE_NOTE VINHO_NOTE WINE_NOTE VINHO_MISSING N_NATIVE N_VINHO N_WINE
# NATIVE/VINHO/WINE are medians (ms or MB) or "-"; a note says why a value is missing ("not yet:
# KERNEL32.dll!CreateThread", "failed (exit 1): ...", "not measured: ..."); VINHO_MISSING lists
# every import `vinho --check` reports missing for the program, or "-"; N_* are how many runs
# each median is of (fewer than asked when the time budget, BENCH_BUDGET, stopped a slow runner).

# Quotes a word for eval.
q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# PROGRAM ARGS... -> the timeit command line (for eval) running it on each runner in turn.
# The word %R in ARGS becomes the runner's name, so that runners never share a work folder.
timeit_commands() {
    prog=$1
    shift
    line=""
    for r in $runners; do
        [ -n "$line" ] && line="$line ::"
        case $r in
        native) line="$line $(q "$out/$prog")" ;;
        vinho) line="$line $(q "$VINHO") $(q "$out/$prog.exe")" ;;
        wine) line="$line $wine_cmd $(q "$out/$prog.exe")" ;;
        esac
        for a in "$@"; do
            line="$line $(q "$(printf '%s' "$a" | sed "s/%R/$r/g")")"
        done
    done
    printf '%s' "$line"
}

# DIR INDEX STATUS -> why runner INDEX gave no number, from its last stderr (DIR/err.INDEX).
why_not() {
    err=$1/err.$2
    if grep -q 'which is not implemented' "$err" 2>/dev/null; then
        sed -n 's/.* called \([^ ]*\), which is not implemented.*/not yet: \1/p' "$err" | head -1
    elif grep -q '^not yet: ' "$err" 2>/dev/null; then
        grep -m1 '^not yet: ' "$err" | cut -c1-100
    elif [ "$3" = 124 ]; then
        echo "timeout: killed after ${timeout} s"
    else
        echo "failed (exit $3): $(grep -v '^[[:space:]]*$' "$err" 2>/dev/null | head -1 | cut -c1-80)"
    fi
}

# Every import of PROGRAM.exe that vinho lacks, comma-separated, or "-".
missing_imports() {
    [ $vinho_ok = 1 ] || { echo -; return; }
    m=$("$VINHO" --check "$out/$1.exe" 2>/dev/null | sed -n 's/^ *\([^ ]*\) \[missing\].*/\1/p' |
        tr '\n' ',' | sed 's/,$//')
    echo "${m:--}"
}

# RAW DIR NAME KIND -> one table row. KIND: R (the program's own "bench" times), T (wall time
# of the whole run), M (peak resident memory). Reads the runners' order from $runners.
add_row() {
    raw=$1 dir=$2 name=$3 kind=$4
    vals="" notes="" counts=""
    for r in native vinho wine; do
        idx=$(echo $runners | tr ' ' '\n' | grep -n "^$r\$" | cut -d: -f1)
        if [ -z "$idx" ]; then
            v=- k=0
            case $r in
            vinho) n="not measured: vinho cannot run hello.exe" ;;
            wine) n="not measured: $wine_status" ;;
            *) n="" ;;
            esac
        else
            c=$((idx - 1))
            set -- $(awk -v c="$c" -v name="$name" -v kind="$kind" '
                kind == "R" && $1 == "R" && $2 == c && $4 == name { v[++n] = $5 / 1e6 }
                kind == "T" && $1 == "T" && $2 == c && $6 == 0 { v[++n] = $4 / 1e6 }
                kind == "M" && $1 == "T" && $2 == c && $6 == 0 { v[++n] = $5 / 1024 }
                END {
                    if (!n) { print "- 0"; exit }
                    for (i = 2; i <= n; i++)        # insertion sort: a handful of values
                        for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
                    m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
                    printf "%.3f %d\n", m, n
                }' "$raw")
            v=$1 k=$2
            n=""
            if [ "$v" = - ]; then
                st=$(awk -v c="$c" '($1 == "F" && $2 == c) { s = $3 } ($1 == "T" && $2 == c && $6 != 0) { s = $6 }
                    END { print s + 0 }' "$raw")
                n=$(why_not "$dir" "$c" "$st" | tr -d '\r')
            fi
        fi
        vals="$vals	$v"
        notes="$notes	$n"
        counts="$counts	$k"
    done
    printf '%s\t%s%s%s\t%s%s\n' "$name" "$([ "$kind" = M ] && echo MB || echo ms)" "$vals" \
        "$notes" "${missing:--}" "$counts" >>"$table"
}

# Prints one row of the table as it is measured, so that a long run shows progress.
show_row() {
    tail -n 1 "$table" | awk -F'\t' '{
        printf "  %-18s native %s  vinho %s  wine %s", $1, $3, ($4 == "-" ? $7 : $4),
            ($5 != "-" ? $5 : $8 ~ /^not measured/ ? "-" : $8)
        print "" }'
}

# ID ROUNDS "ROWS" PROGRAM ARGS...: runs PROGRAM (its native build, and its .exe under vinho
# and wine) ROUNDS times after one warm-up round, and adds a row for each name in ROWS.
measure() {
    id=$1 rounds=$2 rows=$3
    shift 3
    dir=$out/run/$id
    rm -rf "$dir"
    mkdir -p "$dir"
    cmd=$(timeit_commands "$@")
    (cd "$work" && eval "$(q "$out/timeit") -n $rounds -w 1 -t $timeout -b $budget -o $(q "$dir") $cmd") \
        >"$dir/raw" || echo "bench: timeit failed for $id" >&2
    missing=-
    grep -q 'which is not implemented' "$dir"/err.* 2>/dev/null && missing=$(missing_imports "$1")
    for name in $rows; do
        add_row "$dir/raw" "$dir" "$name" R
        show_row
    done
    rm -rf "${work:?}"/*
}

# The start-up rows: hello's wall time and peak memory, the many-DLL program, Wine's cold start.
measure_startup() {
    dir=$out/run/startup
    rm -rf "$dir"
    mkdir -p "$dir"
    cmd=$(timeit_commands hello)
    (cd "$work" && eval "$(q "$out/timeit") -n $sruns -w 3 -t $timeout -o $(q "$dir") $cmd") \
        >"$dir/raw"
    missing=-
    add_row "$dir/raw" "$dir" startup.hello T
    show_row
    add_row "$dir/raw" "$dir" memory.hello M
    wine_add_server_memory
    show_row
    if [ -n "$dlls_program" ]; then
        dir=$out/run/startup-dlls
        rm -rf "$dir"
        mkdir -p "$dir"
        cmd=$(timeit_commands "$dlls_program")
        (cd "$work" && eval "$(q "$out/timeit") -n $sruns -w 3 -t $timeout -o $(q "$dir") $cmd") \
            >"$dir/raw"
        add_row "$dir/raw" "$dir" startup.dlls T
        show_row
    fi
    wine_add_cold_row
}
