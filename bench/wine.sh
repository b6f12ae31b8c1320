# wine.sh: Wine as a third runner: a throw-away prefix, its cold first run, then a warm server.
# Sourced by run.sh. Sets wine_status (empty when Wine is measured, else why not), wine_cmd (for
# eval) and adds "wine" to $runners. Wine's own messages go to $out/wine.log, not to the table.
#
# Cold: the first run of hello.exe in a new WINEPREFIX (Wine creates the prefix, starts its
# wineserver and its service processes). Warm: every other run, with one `wineserver -f -p`
# started here and kept running until the end, so that each run finds the server and the prefix
# ready, as a Wine user's second program does.

wine_status=""
wine_cmd=""
wine_prefix=""
wine_server=""
wine_server_pid=""
wine_cold_ms=-
wine_cold_kb=-
wine_memory_note=""

wine_cleanup() {
    if [ -n "$wine_prefix" ]; then
        # Ours by its pid (it may not be listening yet); then anything else left in the prefix.
        if [ -n "$wine_server_pid" ]; then
            kill "$wine_server_pid" 2>/dev/null || true
            wait "$wine_server_pid" 2>/dev/null || true
            wine_server_pid=""
        fi
        [ -z "$wine_server" ] || WINEPREFIX=$wine_prefix "$wine_server" -k 2>/dev/null || true
        rm -rf "$wine_prefix"
        wine_prefix=""
    fi
}

wine_setup() {
    if [ "${BENCH_WINE:-1}" = 0 ]; then
        wine_status="not measured (BENCH_WINE=0)"
        return
    fi
    if ! command -v wine >/dev/null 2>&1; then
        wine_status="not installed (to compare with Wine: sudo apt-get install wine)"
        return
    fi
    wine_server=$(command -v wineserver || true)
    for w in /usr/lib/wine/wineserver64 /usr/lib/wine/wineserver; do
        [ -z "$wine_server" ] && [ -x "$w" ] && wine_server=$w
    done
    wine_prefix=$(mktemp -d "${TMPDIR:-/tmp}/vinho-bench-wine.XXXXXX")
    # No windows and no offers to download Mono or Gecko while the prefix is made.
    export WINEPREFIX="$wine_prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    unset DISPLAY WAYLAND_DISPLAY
    # Clean up on any exit; a signal (^C, a closed pipe) becomes an exit so that this runs too.
    trap wine_cleanup EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 141' PIPE
    trap 'exit 143' TERM

    echo "wine: cold start (a new prefix; this takes a while)"
    mkdir -p "$out/run/wine-cold"
    "$out/timeit" -n 1 -w 0 -t 300 -o "$out/run/wine-cold" wine "$out/hello.exe" \
        >"$out/run/wine-cold/raw" 2>"$out/wine.log" || true
    set -- $(awk '$1 == "T" && $6 == 0 { printf "%.3f %s", $4 / 1e6, $5 }' "$out/run/wine-cold/raw")
    if [ $# != 2 ]; then
        wine_status="not measured: wine could not run hello.exe (see $out/run/wine-cold/err.0)"
        wine_cleanup
        return
    fi
    wine_cold_ms=$1 wine_cold_kb=$2
    if [ -z "$wine_server" ]; then
        wine_status="not measured warm: wineserver not found"
        return
    fi
    # The cold run's server lingers for a few seconds; replace it by one we keep.
    "$wine_server" -k 2>/dev/null || true
    "$wine_server" -w 2>/dev/null || true
    "$wine_server" -f -p >>"$out/wine.log" 2>&1 </dev/null &
    wine_server_pid=$!
    wine_cmd=$(q wine)
    runners="$runners wine"
}

wine_finish() {
    wine_cleanup
}

# kB of VmHWM (peak resident) of process PID, or 0.
peak_kb() {
    awk '/^VmHWM:/ { print $2; found = 1 } END { if (!found) print 0 }' "/proc/$1/status" \
        2>/dev/null || echo 0
}

# memory.hello's Wine value is the wine process's own peak plus the persistent wineserver's
# (every Wine program needs the server). Wine's service processes in the prefix are reported
# beside it, not added: a user pays them once per session, not per program.
wine_add_server_memory() {
    [ -n "$wine_server_pid" ] || return 0
    server_kb=$(peak_kb "$wine_server_pid")
    others_kb=0 others=""
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [ "$pid" != "$wine_server_pid" ] && [ -r "$p/environ" ] || continue
        { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -qx "WINEPREFIX=$wine_prefix" || continue
        kb=$(peak_kb "$pid")
        others_kb=$((others_kb + kb))
        others="$others $({ tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | awk '{ n = split($1, a, /[\\\/]/); print a[n] }')"
    done
    awk -F'\t' -v OFS='\t' -v s="$server_kb" 'NR > 1 { print prev } { prev = $0 }
        END { split(prev, f, "\t"); if (f[5] != "-") { f[5] = sprintf("%.3f", f[5] + s / 1024) }
              line = f[1]; for (i = 2; i <= 12; i++) line = line OFS f[i]; print line }' \
        "$table" >"$table.new" && mv "$table.new" "$table"
    wine_memory_note="memory.hello under wine: the wine process plus wineserver ($(awk -v k="$server_kb" 'BEGIN { printf "%.1f", k / 1024 }') MB);"
    wine_memory_note="$wine_memory_note the prefix's other processes ($(echo $others | tr ' ' ',' | cut -c1-80))"
    wine_memory_note="$wine_memory_note hold $(awk -v k="$others_kb" 'BEGIN { printf "%.1f", k / 1024 }') MB more, not counted"
}

# startup.wine-cold: Wine's first run in a new prefix against the warm medians of the others.
wine_add_cold_row() {
    [ "$wine_cold_ms" != - ] || return 0
    awk -F'\t' -v OFS='\t' -v cold="$wine_cold_ms" '$1 == "startup.hello" {
            print "startup.wine-cold", "ms", $3, $4, cold, $6, $7, "", $9, $10, $11, 1 }' \
        "$table" >>"$table"
    show_row
}
