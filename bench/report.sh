# report.sh: the table on stdout, results.json and the PNG chart, from the rows in $table.
# Sourced by run.sh (see measure.sh for the row format).

# Prints the table: one line per benchmark, medians and the ratios of vinho's median to the
# others'. A missing value reads "not yet" (the API is missing in vinho), "failed", "timeout" or
# "-" (not measured), and the reason follows at the end of the line.
print_table() {
    echo
    printf '%-19s %13s %13s %13s %13s %11s\n' benchmark native vinho vinho/native wine vinho/wine
    awk -F'\t' '
        function ratio(a, b,   r) {
            if (a == "-" || b == "-" || b == 0) return "-"
            r = a / b
            return sprintf(r >= 10 ? "%.1fx" : r >= 0.1 ? "%.2fx" : "%.3fx", r)
        }
        function val(v, unit, note, n) {
            if (v != "-") return sprintf(v >= 1000 ? "%.0f %s%s" : v >= 100 ? "%.1f %s%s" : "%.2f %s%s",
                                         v, unit, n < want ? "*" : " ")
            if (note ~ /^not yet/) return "not yet"
            if (note ~ /^timeout/) return "timeout"
            if (note ~ /^failed/) return "failed"
            return "-"
        }
        {
            why = ""
            if ($4 == "-" && $7 != "") why = "vinho " $7
            if ($3 == "-" && $6 != "") why = why (why ? "; " : "") "native " $6
            if ($5 == "-" && $8 != "" && $8 !~ /^not measured/) why = why (why ? "; " : "") "wine " $8
            want = $1 ~ /^(startup|memory)\./ ? sruns : runs
            if ($1 == "startup.wine-cold") want = 1
            printf "%-19s %13s %13s %13s %13s %11s%s\n", $1, val($3, $2, $6, $10), val($4, $2, $7, $11),
                ratio($4, $3), val($5, $2, $8, $12), ratio($4, $5), why ? "   " why : ""
        }' runs="$runs" sruns="$sruns" "$table"
    echo
    [ -n "$wine_status" ] && echo "wine: $wine_status"
    [ -n "$dlls_note" ] && echo "$dlls_note"
    [ -n "$wine_memory_note" ] && echo "$wine_memory_note"
    [ "$wine_cold_ms" != - ] && echo "startup.wine-cold: Wine's first run in a new prefix" \
        "(creating it) against vinho's and native's usual start-up"
    if awk -F'\t' '$10 < ($1 ~ /^(startup|memory)/ ? s : r) && $10 > 0 || $11 < ($1 ~ /^(startup|memory)/ ? s : r) && $11 > 0 ||
            $12 < ($1 ~ /^(startup|memory)/ ? s : r) && $12 > 0 && $1 != "startup.wine-cold" { f = 1 }
            END { exit !f }' r="$runs" s="$sruns" "$table"; then
        echo "*: the median of fewer runs than asked: the runner used up its time budget" \
            "(BENCH_BUDGET=$budget s per benchmark)"
    fi
    echo "times: the programs' own timing of their work (startup.*: exec to exit, from outside);" \
        "medians; ratio < 1 means vinho is faster"
    return 0
}

# JSON string of the text on stdin's first line.
json_str() {
    printf '%s' "$1" | awk 'BEGIN { ORS = "" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, " ");
        print (NR > 1 ? " " : "") $0 }
        END { if (!NR) print "" }' | sed 's/^/"/; s/$/"/'
}

write_json() {
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
    mem=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null)
    commit=$(cd "$srcdir" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
    winever=$(command -v wine >/dev/null 2>&1 && wine --version 2>/dev/null || echo none)
    {
        echo "{"
        echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
        echo "  \"host\": { \"kernel\": $(json_str "$(uname -r)"), \"cpu\": $(json_str "$cpu"),"
        echo "            \"cpus\": $(nproc 2>/dev/null || echo 0), \"mem_kb\": ${mem:-0},"
        echo "            \"loadavg_at_start\": $(json_str "$load_start"),"
        echo "            \"loadavg_at_end\": $(json_str "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)")" "},"
        echo "  \"vinho_commit\": $(json_str "$commit"),"
        echo "  \"wine\": { \"version\": $(json_str "$winever"), \"status\": $(json_str "${wine_status:-measured}") },"
        echo "  \"runs\": $runs, \"warmup\": 1, \"startup_runs\": $sruns, \"startup_warmup\": 3,"
        echo "  \"sizes\": { \"seq_mb\": $seq_mb, \"pipe_mb\": $pipe_mb, \"files\": $nfiles, \"spawns\": 200 },"
        echo "  \"notes\": [ $(json_str "$dlls_note"), $(json_str "$wine_memory_note") ],"
        echo "  \"benchmarks\": ["
        awk -F'\t' '
            function num(v) { return v == "-" ? "null" : v }
            function str(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/[\001-\037]/, " ", s); return "\"" s "\"" }
            function ratio(a, b) { return (a == "-" || b == "-" || b == 0) ? "null" : sprintf("%.4f", a / b) }
            function list(s,   n, a, i, o) {
                if (s == "-" || s == "") return "[]"
                n = split(s, a, ","); o = ""
                for (i = 1; i <= n; i++) o = o (i > 1 ? ", " : "") str(a[i])
                return "[" o "]"
            }
            {
                printf "%s    { \"name\": %s, \"unit\": %s, \"native\": %s, \"vinho\": %s, \"wine\": %s,\n",
                    (NR > 1 ? ",\n" : ""), str($1), str($2), num($3), num($4), num($5)
                printf "      \"vinho_over_native\": %s, \"vinho_over_wine\": %s,\n", ratio($4, $3), ratio($4, $5)
                printf "      \"runs\": { \"native\": %d, \"vinho\": %d, \"wine\": %d },\n", $10, $11, $12
                printf "      \"notes\": { \"native\": %s, \"vinho\": %s, \"wine\": %s }, \"vinho_missing\": %s }",
                    str($6), str($7), str($8), list($9)
            }
            END { print "" }' "$table"
        echo "  ]"
        echo "}"
    } >"$results"
    echo "results: $results"
}

# ratios.png: vinho/native and vinho/wine for each benchmark, on a log scale around 1.
draw_chart() {
    if ! command -v gnuplot >/dev/null 2>&1; then
        echo "chart: not drawn: gnuplot is not installed (Debian: sudo apt-get install gnuplot-nox);"
        echo "       the table above and $results are complete without it"
        return 0
    fi
    awk -F'\t' '{ printf "\"%s\" %s %s \"%s\"\n", $1,
        ($4 == "-" || $3 == "-" || $3 == 0) ? "NaN" : $4 / $3,
        ($4 == "-" || $5 == "-" || $5 == 0) ? "NaN" : $4 / $5,
        $4 != "-" ? "" : $7 ~ /^not yet/ ? substr($7, 1, 48) : $7 ~ /^failed/ ? "failed" : $7 ~ /^timeout/ ? "timeout" : "" }' \
        "$table" >"$out/ratios.dat"
    rows=$(wc -l <"$out/ratios.dat")
    gnuplot >"$out/gnuplot.log" 2>&1 <<EOF || { echo "chart: gnuplot failed (see $out/gnuplot.log)"; return 0; }
set terminal pngcairo size 900,$((190 + rows * 22)) font "sans,9"
set output "$chart"
set title "vinho's time (or memory) divided by native's and by Wine's (median; < 1: vinho is faster)\n$(date -u +%Y-%m-%d), $(nproc) CPUs, $(echo "$runners" | wc -w) runners alternated"
set logscale x 10
set xrange [0.01:100]
set grid x
set yrange [$rows - 0.5:-0.5]
set ytics nomirror scale 0
set key outside bottom center horizontal
set arrow from 1, graph 0 to 1, graph 1 nohead lw 2 lc "black"
set xlabel "ratio, log scale (bars grow from 1); no bar: not measured or not yet"
set style fill solid 0.8 border -1
lo(r) = r < 1 ? r : 1
hi(r) = r < 1 ? 1 : r
plot "$out/ratios.dat" using (1):0:(lo(\$2)):(hi(\$2)):(\$0 - 0.38):(\$0 - 0.02) \
         with boxxyerror lc "#1f77b4" title "vinho/native", \
     "" using (1):0:(lo(\$3)):(hi(\$3)):(\$0 + 0.02):(\$0 + 0.38) \
         with boxxyerror lc "#ff7f0e" title "vinho/wine", \
     "" using (1.1):0:4 with labels left font "sans,8" textcolor "#a00000" notitle, \
     "" using (1):0:ytic(1) with points ps 0 notitle
EOF
    echo "chart: $chart"
}
