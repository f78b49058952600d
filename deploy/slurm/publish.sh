#!/usr/bin/env bash
# Publish the onlinealgos command ONCE into a shared folder that every compute node can read; array tasks then run the
# published binary (no `dotnet run`, no build per task, no concurrent builds racing on obj/).
#   deploy/slurm/publish.sh [DEST]          default DEST: $OA_PUBLISHED or $HOME/onlinealgos/published
# Environment: OA_RID (default linux-x64: only that platform's OR-Tools natives are copied),
#              OA_SELF_CONTAINED (default true: nodes need no .NET runtime; false: ~70 MB smaller, nodes need .NET 10).
# Prints the published folder on the last line.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dest=${1:-${OA_PUBLISHED:-$HOME/onlinealgos/published}}
rid=${OA_RID:-linux-x64}
self=${OA_SELF_CONTAINED:-true}
mkdir -p "$dest"
dotnet publish "$repo/src/OnlineAlgos.Cli" -c Release -r "$rid" --self-contained "$self" -o "$dest" -nologo >&2
"$dest/onlinealgos" list > /dev/null   # fail here, not in 32 array tasks, if the published command cannot start
echo "$dest"
