// Simulated volume data: the model and the background writer component.
export {
  ANN_DATA_WRITES,
  ANN_DATA_LAST_WRITER,
  WRITE_INTERVAL_MS,
  emptyDirWrites,
  pvWrites,
  runningSinceMs,
} from './dataModel';
export { volumeDataWriter, VOLUME_DATA_WRITER } from './dataWriter';
