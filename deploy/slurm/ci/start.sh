#!/usr/bin/env bash
# A real single-node Slurm for CI (and for trying the scripts on a workstation), entirely under one folder:
#   deploy/slurm/ci/start.sh DIR      then:  export SLURM_CONF=DIR/slurm.conf ; ... ; deploy/slurm/ci/stop.sh DIR
# Needs Debian's slurm-wlm and munge (installed with apt-get when missing and we are root). Starts a private munged
# (own key, generated here, own socket), slurmctld and slurmd as root, one node with this machine's CPUs (nproc) and
# memory, proctrack/linuxproc + task/none (no cgroups needed) + select/cons_tres. Waits until the node is idle.
# Ports: OA_SLURM_PORT (slurmctld, default 16817) and +1 (slurmd), so a site Slurm on 6817/6818 is not disturbed.
set -euo pipefail
dir=${1:?usage: $0 DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
  [ "$(id -u)" = 0 ] || { echo "slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)" >&2; exit 3; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) > "$dir/apt.log" 2>&1 \
    || { tail -n 20 "$dir/apt.log" >&2; echo "could not install slurm-wlm munge" >&2; exit 3; }
fi
port=${OA_SLURM_PORT:-16817}
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))   # MB, leave 10 % to the OS
mkdir -p "$dir/state" "$dir/spool" "$dir/munge" "$dir/log"
chmod 700 "$dir/munge"

# munge: a private key and daemon; slurm.conf points at its socket (AuthInfo), so no system munged is touched.
[ -s "$dir/munge/munge.key" ] || { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none; chmod 400 "$dir/munge/munge.key"; }
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
       --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed"

cat > "$dir/slurm.conf" <<CONF
ClusterName=onlinealgos-ci
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/slurmd-%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o '%t' 2> /dev/null | head -n 1 || true)
  case "$state" in idle*|mix*|alloc*) echo "export SLURM_CONF=$SLURM_CONF"; exit 0 ;; esac
  sleep 1
done
echo "slurm node did not become idle (state '$state'); logs in $dir/log" >&2
tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
exit 4
