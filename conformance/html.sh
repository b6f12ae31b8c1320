# html.sh: sourced by run.sh --html; write_html TSV OUT writes a self-contained HTML report: the
# per-area table, run.sh's $runtimes_line (how many cases run under both runtimes), then every
# failed, todo and skipped case with its reason and diff.
html_escape() { sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/\r/\\r/g'; }

write_html() {
    tsv=$1 out=$2
    {
        cat <<'HEAD'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>vinho conformance report</title>
<style>
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 2px 8px; }
td.n { text-align: right; } .failed { color: #b00; } .todo { color: #a60; } .skipped { color: #666; }
pre { background: #f4f4f4; padding: 6px; overflow-x: auto; }
</style></head><body>
<h1>vinho conformance report</h1>
<table><tr><th>area</th><th>cases</th><th>passed</th><th>failed</th><th>todo</th><th>skipped</th></tr>
HEAD
        awk -F'\t' '
            { a[$1] = 1; n[$1]++; c[$1, $4]++; t[$4]++; total++ }
            END {
                k = 0; for (x in a) names[++k] = x
                for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (names[j] < names[i]) { s = names[i]; names[i] = names[j]; names[j] = s }
                for (i = 1; i <= k; i++) { x = names[i]
                    printf "<tr><td>%s</td><td class=n>%d</td><td class=n>%d</td><td class=\"n failed\">%d</td><td class=\"n todo\">%d</td><td class=\"n skipped\">%d</td></tr>\n", x, n[x], c[x, "passed"], c[x, "failed"], c[x, "todo"], c[x, "skipped"] }
                printf "<tr><th>total</th><th>%d</th><th>%d</th><th>%d</th><th>%d</th><th>%d</th></tr>\n", total, t["passed"], t["failed"], t["todo"], t["skipped"]
            }' "$tsv"
        echo '</table>'
        [ -z "$runtimes_line" ] || printf '<p>%s</p>\n' "$(printf '%s' "$runtimes_line" | html_escape)"
        for st in failed todo skipped; do
            count=$(awk -F'\t' -v st="$st" '$4 == st' "$tsv" | wc -l)
            echo "<h2 class=$st>$st ($count)</h2>"
            [ "$count" = 0 ] && echo '<p>none</p>'
            awk -F'\t' -v st="$st" '$4 == st' "$tsv" | while IFS="$(printf '\t')" read -r area name rt status reason; do
                tag=$area/$name
                [ "$rt" = msvcrt ] || tag="$tag[$rt]"
                printf '<h3 class=%s>%s</h3>\n<p>%s</p>\n' "$st" "$(printf '%s' "$tag" | html_escape)" \
                    "$(printf '%s' "$reason" | html_escape)"
                d=out/$area/$name.$rt/diff
                if [ -s "$d" ]; then
                    echo '<pre>'; html_escape < "$d"; echo '</pre>'
                fi
            done
        done
        echo '</body></html>'
    } > "$out"
}
