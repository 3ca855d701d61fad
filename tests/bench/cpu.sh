#!/bin/sh
# The wall-clock seconds and the CPU-seconds the whole machine was busy while a
# command ran (user+nice+system+irq+softirq+steal from /proc/stat, so a
# browser's or rustc's own processes count too). On a quiet machine, the
# CPU-seconds are the command's; tests/run.sh's figures were measured so.
#   sh tests/bench/cpu.sh node --test tests/e2e/errors.test.mjs
busy() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
ticks=$(getconf CLK_TCK)
b0=$(busy); t0=$(date +%s.%N)
rc=0
"$@" || rc=$?
b1=$(busy); t1=$(date +%s.%N)
awk -v w="$t1 - $t0" -v t0="$t0" -v t1="$t1" -v b0="$b0" -v b1="$b1" -v hz="$ticks" -v rc="$rc" \
  'BEGIN { printf "[cpu] exit %d: %.1f s wall, %.1f CPU-s busy\n", rc, t1 - t0, (b1 - b0) / hz }' >&2
exit "$rc"
