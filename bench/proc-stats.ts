/**
 * Figures from /proc for the benchmarks: a process's memory and CPU time, and the share of the
 * machine's time the hypervisor gave to other guests ("steal"). On a shared virtual machine a
 * spell of steal stalls every process at once, so latency measured during one says nothing about
 * the server under test.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident memory of process `pid`, in KiB. */
export function rssKiB(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** CPU time (user + system) of process `pid` so far, in ms. */
export function processCpuMs(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The machine's CPU counters at one moment. */
export interface MachineCpu {
	total: number;
	steal: number;
}

/** Reads the machine-wide CPU counters (the `cpu` line of /proc/stat). */
export function machineCpu(): MachineCpu {
	const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
	// cpu user nice system idle iowait irq softirq steal guest guest_nice
	const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
	return { total: ticks.reduce((sum, tick) => sum + tick, 0), steal: ticks[7] ?? 0 };
}

/** The share (0–1) of the machine's time stolen by the hypervisor between two readings. */
export function stealShare(before: MachineCpu, after: MachineCpu): number {
	const total = after.total - before.total;
	return total > 0 ? (after.steal - before.steal) / total : 0;
}
