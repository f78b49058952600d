#!/usr/bin/env bash
# Run one study on a Slurm cluster: publish once, an N-task job array of shards, then a dependent merge job.
#   deploy/slurm/submit.sh STUDY N OUT [run options, e.g. --quick --seed 20261126]
# Environment: OA_PUBLISHED  shared folder for the published command (default $HOME/onlinealgos/published); when it
#                            already holds `onlinealgos` and OA_REPUBLISH is not 1, it is reused as is;
#              OA_SBATCH_ARGS extra sbatch options for both jobs (e.g. "--partition=short --time=01:00:00");
#              OA_WAIT=1     block until the merge job ends and exit with its status (sbatch --wait).
# OUT must be on a file system shared by the nodes. Prints "array JOBID" and "merge JOBID".
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 STUDY N OUT [run options]" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
study=$1 n=$2 out=$3; shift 3
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$n'" >&2; exit 2; }
published=${OA_PUBLISHED:-$HOME/onlinealgos/published}
if [ "${OA_REPUBLISH:-0}" = 1 ] || [ ! -x "$published/onlinealgos" ]; then
  published=$("$here/publish.sh" "$published" | tail -n 1)
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
# shellcheck disable=SC2086
array=$(sbatch --parsable ${OA_SBATCH_ARGS:-} --chdir="$out" --array="0-$((n - 1))" --export=ALL,OA_SHARDS="$n" \
          "$here/array.sbatch" "$published" "$study" "$out" "$@")
array=${array%%;*}
echo "array $array"
wait_flag=()
[ "${OA_WAIT:-0}" = 1 ] && wait_flag=(--wait)
rc=0
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${OA_SBATCH_ARGS:-} "${wait_flag[@]}" --chdir="$out" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
          "$here/merge.sbatch" "$published" "$study" "$n" "$out" "$@") || rc=$?
echo "merge ${merge%%;*}"
exit $rc
