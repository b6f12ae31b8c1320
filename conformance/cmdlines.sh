#!/bin/sh
# cmdlines.sh SRCDIR DEST: for each <area>/<case>.args (one argument a line), writes
# DEST/<area>/<case>.cmdline: the arguments quoted into one Windows command line tail, the way
# CommandLineToArgvW and the CRT split it back, for record.cmd on Windows.
srcdir=$1 dest=$2
for f in "$srcdir"/*/*.args; do
    [ -f "$f" ] || continue
    rel=${f#"$srcdir"/}
    mkdir -p "$dest/$(dirname "$rel")"
    awk '
        function quote(a,    out, i, c, bs, k) {
            if (a != "" && a !~ /[ \t"]/) return a
            out = "\""; bs = 0
            for (i = 1; i <= length(a); i++) {
                c = substr(a, i, 1)
                if (c == "\\") { bs++; continue }
                if (c == "\"") { for (k = 0; k < 2 * bs + 1; k++) out = out "\\"; out = out "\""; bs = 0; continue }
                for (k = 0; k < bs; k++) out = out "\\"; bs = 0; out = out c
            }
            for (k = 0; k < 2 * bs; k++) out = out "\\"
            return out "\""
        }
        { line = line (NR > 1 ? " " : "") quote($0) }
        END { printf "%s\r\n", line }' "$f" > "$dest/${rel%.args}.cmdline"
done
