export { startCluster, type RunningCluster } from './cluster.js';
export {
  Supervisor,
  fileSink,
  prefixedSink,
  type LineSink,
  type ProcessSpec,
} from './supervisor.js';
export {
  apiPorts,
  DEFAULT_PORTS,
  ENTRIES,
  loopbackClusterSettings,
  migrationProcess,
  serviceProcesses,
  type ClusterSettings,
} from './topology.js';
export { freePortBlock } from './ports.js';
