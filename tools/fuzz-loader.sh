#!/bin/sh
# fuzz-loader.sh: mutation fuzzing of the whole start path (PE reader, loader, our DLLs) with a
# real program: flips bytes of PROGRAM (mostly in its headers), runs each mutant under vinho and
# reports mutants that kill vinho by a signal or fault on vinho's own side. Hangs (corrupted code
# that loops) are counted, not reported. Needs python3. Not part of make check: minutes per run.
# Usage: tools/fuzz-loader.sh VINHO PROGRAM.exe [COUNT] [FIRST_SEED]
set -u
vinho=${1:?vinho binary} program=${2:?a PE program} count=${3:-500} seed=${4:-1}
dir=$(mktemp -d /tmp/vinho-fuzz-loader.XXXXXX)
cp "$program" "$dir/base.exe"
ok=0 sig=0 elf=0 hang=0
i=$seed
while [ "$i" -lt $((seed + count)) ]; do
    python3 - "$dir/base.exe" "$dir/m.exe" "$i" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], 'rb').read())
random.seed(int(sys.argv[3]))
for _ in range(random.choice([1, 2, 4, 8, 16])):
    i = random.randrange(0, 0x400) if random.random() < 0.7 else random.randrange(0, len(data))
    data[i] = random.randrange(256) if random.random() < 0.5 else data[i] ^ (1 << random.randrange(8))
open(sys.argv[2], 'wb').write(data)
PY
    timeout 5 "$vinho" "$dir/m.exe" > /dev/null 2> "$dir/err.txt"
    rc=$?
    if [ "$rc" = 124 ]; then
        hang=$((hang + 1))
    elif [ "$rc" -ge 128 ]; then
        sig=$((sig + 1)); cp "$dir/m.exe" "$dir/signal_$i.exe"
    elif grep -q "vinho's side" "$dir/err.txt"; then
        elf=$((elf + 1)); cp "$dir/m.exe" "$dir/elf_$i.exe"; cp "$dir/err.txt" "$dir/elf_$i.txt"
    else
        ok=$((ok + 1))
    fi
    i=$((i + 1))
done
echo "fuzz-loader: $ok handled, $sig killed by a signal, $elf faults on vinho's side, $hang hangs"
echo "mutants worth a look: $dir"
[ "$sig" = 0 ] && [ "$elf" = 0 ]
