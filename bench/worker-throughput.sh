#!/usr/bin/env bash
# Documents/s through the PostgreSQL work queue with 1, 2 and 3 `storyline worker` processes on this machine.
# Starts a throw-away PostgreSQL cluster (as the postgres user when run as root), generates N distinct articles,
# and for each worker count: fresh database, enqueue, run the workers in parallel, time until the queue is drained.
# Usage: bench/worker-throughput.sh [N=3000]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL not found" >&2; exit 1; }
dotnet build src/Storyline.Cli -c Release -v q --nologo >/dev/null
cli=src/Storyline.Cli/bin/Release/net10.0/Storyline.Cli
work=$(mktemp -d /tmp/storyline-bench.XXXXXX)
as=(); [ "$(id -u)" = 0 ] && { chown postgres "$work"; as=(runuser -u postgres --); }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${as[@]}" "$bin/initdb" -D "$work/data" -U storyline -A trust -E UTF8 --no-locale >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
python3 - "$work/corpus" "$n" <<'PY'
import random, sys
folder, n = sys.argv[1], int(sys.argv[2])
r = random.Random(4)
vocab = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(3, 9))) for _ in range(3000)]
for i in range(n):
    words = " ".join(r.choice(vocab) for _ in range(300))
    open(f"{folder}/doc{i:06}.txt", "w").write(f"Minister Number{i} said on Monday: “{words}.”\n")
PY
for workers in 1 2 3; do
  db="postgres://storyline@127.0.0.1:$port/bench$workers"
  "${as[@]}" "$bin/psql" -h "$work" -p "$port" -U storyline -d postgres -qc "CREATE DATABASE bench$workers" >/dev/null
  "$cli" enqueue "$work/corpus" --db "$db" >/dev/null 2>&1
  start=$(date +%s.%N)
  for _ in $(seq "$workers"); do "$cli" worker --db "$db" >/dev/null 2>&1 & done
  wait
  end=$(date +%s.%N)
  docs=$("${as[@]}" "$bin/psql" -h "$work" -p "$port" -U storyline -d "bench$workers" -tAc "SELECT count(*) FROM documents")
  python3 -c "print(f'$workers worker(s): $docs documents in {$end-$start:.1f} s = {$docs/($end-$start):.0f} documents/s')"
done
