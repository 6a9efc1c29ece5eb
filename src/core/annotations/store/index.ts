// The sidecar store: locked, merged read-modify-write over a small file-system interface.
export { SidecarStore, type SidecarSnapshot, type SidecarEdit, type UpdateRequest, type UpdateOutcome, type UpdateFailure, type SidecarStoreOptions } from './sidecarStore';
export { SidecarFsError, type SidecarFs, type SidecarProcess, type FileSnapshot, type FileStat, type Awaitable, type SidecarFsErrorCode } from './sidecarFs';
export { lockPathFor, parseOwner, DEFAULT_LOCK_OPTIONS, type LockOptions, type LockOwner } from './lock';
export { runSync, runAsync, call, type Steps, type Effect } from './steps';
