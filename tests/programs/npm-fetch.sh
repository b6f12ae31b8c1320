# npm-fetch.sh: npm_fetch LABEL PACKAGE VERSION CACHE MEMBER: puts the file package/MEMBER of the
# npm package PACKAGE@VERSION into CACHE/package/MEMBER (never committed; reused when present).
# With npm: `npm pack`. Without it (CI installs python3, not npm): the same tarball, found through
# the registry's metadata and checked against the SHA-1 the registry gives. Returns 1 after a
# "SKIP: LABEL: ..." line when the file cannot be had (no npm nor python3, registry unreachable).
# Sourced by the tests of real programs (sevenzip-test.sh, esbuild-test.sh, msvcapps-test.sh).
npm_fetch() {
    nf_label=$1 nf_pkg=$2 nf_version=$3 nf_cache=$4 nf_member=$5
    [ -f "$nf_cache/package/$nf_member" ] && return 0
    mkdir -p "$nf_cache"
    if command -v npm > /dev/null 2>&1; then
        nf_how="npm pack $nf_pkg@$nf_version"
        (cd "$nf_cache" && timeout 300 npm pack "$nf_pkg@$nf_version" > npm.log 2>&1)
    elif command -v python3 > /dev/null 2>&1; then
        nf_how="download of $nf_pkg from registry.npmjs.org"
        (cd "$nf_cache" && NF_PKG=$nf_pkg NF_VERSION=$nf_version timeout 300 python3 - > npm.log 2>&1 <<'PY'
import hashlib, json, os, urllib.request
name = os.environ["NF_PKG"].replace("/", "%2f")
url = "https://registry.npmjs.org/%s/%s" % (name, os.environ["NF_VERSION"])
meta = json.load(urllib.request.urlopen(url, timeout=60))
data = urllib.request.urlopen(meta["dist"]["tarball"], timeout=240).read()
if hashlib.sha1(data).hexdigest() != meta["dist"]["shasum"]:
    raise SystemExit("checksum mismatch")
open("package-%s.tgz" % meta["version"], "wb").write(data)
PY
)
    else
        echo "SKIP: $nf_label: neither npm nor python3 is installed (needed to fetch $nf_pkg)"
        return 1
    fi
    if [ $? != 0 ] || ! (cd "$nf_cache" && tar xzf ./*.tgz "package/$nf_member"); then
        echo "SKIP: $nf_label: $nf_how failed (registry unreachable?): $(tail -n 2 "$nf_cache/npm.log" 2>/dev/null | tr '\n' ' ')"
        rm -rf "$nf_cache/package" "$nf_cache"/*.tgz
        return 1
    fi
    [ -f "$nf_cache/package/$nf_member" ]
}
