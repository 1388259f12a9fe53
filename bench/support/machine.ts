/** The machine a run happened on, for RESULTS.md: CPU model, cores, memory, Node version, OS. */
import { cpus, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

const BYTES_PER_GIB = 1024 ** 3;

export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / BYTES_PER_GIB) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
